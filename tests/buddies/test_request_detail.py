"""The coordinator's request page: ranked suggestions with reasons, proposing, hand-over, and the access log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from accounts.models import AccessLog, User
from buddies.models import BuddyProfile, HelpRequest, Match, MatchStatus, RequestStatus
from regions.models import SupportPoint
from tests.buddies.conftest import make_buddy

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client_for: Callable[[str], Client]) -> Client:
    return client_for("coordinator")


def test_the_page_ranks_suggestions_with_their_reasons(
    coordinator_client: Client, help_request: HelpRequest, buddy_profile: BuddyProfile
) -> None:
    content = coordinator_client.get(f"/buddyhulp/hulpvraag/{help_request.pk}/").content.decode()
    assert "Carla" in content
    assert "score " in content and " van 100" in content
    assert "Ervaring met: Autisme." in content
    assert "Vraag de beste match" in content


def test_opening_a_request_is_written_to_the_access_log(
    coordinator_client: Client, help_request: HelpRequest, coordinator: User
) -> None:
    coordinator_client.get(f"/buddyhulp/hulpvraag/{help_request.pk}/")
    log = AccessLog.objects.get()
    assert (log.actor, log.object_type, log.object_id) == (coordinator, "buddies.helprequest", str(help_request.pk))


def test_the_coordinator_proposes_the_top_suggestion(
    coordinator_client: Client, help_request: HelpRequest, buddy_profile: BuddyProfile, buddy: User
) -> None:
    response = coordinator_client.post(
        f"/buddyhulp/hulpvraag/{help_request.pk}/voorstellen/", {"buddy": buddy_profile.pk}, follow=True
    )
    assert "Carla heeft het voorstel gekregen." in response.content.decode()
    assert Match.objects.get().status == MatchStatus.PROPOSED
    assert mail.outbox[-1].to == [buddy.email]


def test_proposing_a_buddy_of_another_support_point_fails_politely(
    coordinator_client: Client, help_request: HelpRequest, buddy_b_profile: BuddyProfile
) -> None:
    response = coordinator_client.post(
        f"/buddyhulp/hulpvraag/{help_request.pk}/voorstellen/", {"buddy": buddy_b_profile.pk}, follow=True
    )
    assert "Deze buddy kan nu niet worden gevraagd." in response.content.decode()
    assert not Match.objects.exists()


def test_after_a_decline_the_coordinator_sees_the_next_suggestions(
    coordinator_client: Client, proposal: Match, buddy: User, support_point: SupportPoint
) -> None:
    from buddies import services

    next_one = make_buddy("volgende@example.org", support_point)
    services.match_decline(match_id=proposal.pk, by=buddy, reason="no_time")
    content = coordinator_client.get(f"/buddyhulp/hulpvraag/{proposal.request_id}/").content.decode()
    assert f'value="{next_one.pk}"' in content
    assert f'value="{proposal.buddy_id}"' not in content
    assert "Ik heb nu geen tijd" in content


def test_the_coordinator_sees_the_contact_log_of_an_active_match(
    coordinator_client: Client, active_match: Match, buddy: User
) -> None:
    from django.utils import timezone

    from buddies import services

    services.contact_add(match=active_match, by=buddy, happened_on=timezone.localdate(), channel="phone", note="Bel")
    content = coordinator_client.get(f"/buddyhulp/hulpvraag/{active_match.request_id}/").content.decode()
    assert "Contactlog" in content
    assert "Bel" in content


def test_the_coordinator_hands_a_parent_over(coordinator_client: Client, active_match: Match) -> None:
    url = f"/buddyhulp/hulpvraag/{active_match.request_id}/overdragen/"
    assert "Ja, overdragen" in coordinator_client.get(url).content.decode()
    assert coordinator_client.post(url).status_code == 302
    assert HelpRequest.objects.get(pk=active_match.request_id).status == RequestStatus.OPEN
    assert Match.objects.get(pk=active_match.pk).outcome == "handed_over"


def test_a_coordinator_of_another_support_point_gets_a_404(
    client_for: Callable[[str], Client], help_request: HelpRequest
) -> None:
    assert client_for("coordinator_b").get(f"/buddyhulp/hulpvraag/{help_request.pk}/").status_code == 404
    assert not AccessLog.objects.exists()


def test_the_suggestions_page_for_500_buddies_has_a_constant_query_budget(
    coordinator_client: Client,
    help_request: HelpRequest,
    support_point: SupportPoint,
    django_assert_max_num_queries: object,
) -> None:
    # session, user, role lookup, MFA check, request, access log, history, settings, candidates
    budget = 10
    for i in range(3):
        make_buddy(f"klein{i}@example.org", support_point)
    with django_assert_max_num_queries(budget):
        assert coordinator_client.get(f"/buddyhulp/hulpvraag/{help_request.pk}/").status_code == 200
    for i in range(497):
        make_buddy(f"groot{i}@example.org", support_point, needs=["autism", "reading", "behaviour"][: 1 + i % 3])
    with django_assert_max_num_queries(budget):
        response = coordinator_client.get(f"/buddyhulp/hulpvraag/{help_request.pk}/")
    assert response.content.decode().count('name="buddy"') == 10
