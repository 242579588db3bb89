"""A buddy's pages: caseload, profile, answering a proposal, the contact log, closing, hand-over and escalation."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import User
from buddies.models import BuddyProfile, ContactLog, Match, MatchStatus, RequestStatus
from regions.models import SupportPoint
from tests.buddies.conftest import make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def buddy_client(client_for: Callable[[str], Client]) -> Client:
    return client_for("buddy")


def test_the_caseload_lists_proposals_and_active_parents_with_overdue_highlighted(
    buddy_client: Client, active_match: Match, support_point: SupportPoint, parent_b: User, coordinator: User
) -> None:
    from buddies import services

    other = make_request(parent_b, support_point)
    services.match_propose(request_id=other.pk, buddy_id=active_match.buddy_id, proposed_by=coordinator)
    Match.objects.filter(pk=active_match.pk).update(next_check_in_on=timezone.localdate() - datetime.timedelta(days=2))
    content = buddy_client.get("/buddyhulp/buddy/").content.decode()
    assert f"Voorstel: hulpvraag {other.pk}" in content
    assert "Anna (hulpvraag" in content
    assert 'class="is-overdue"' in content
    assert "Bij 1 ouder is het tijd voor contact." in content


def test_the_caseload_has_a_query_budget_that_does_not_grow(
    buddy_client: Client,
    buddy_profile: BuddyProfile,
    support_point: SupportPoint,
    parent: User,
    coordinator: User,
    buddy: User,
    django_assert_max_num_queries: object,
) -> None:
    from buddies import services

    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(capacity=10)

    def add(n: int) -> None:
        for _ in range(n):
            request = make_request(parent, support_point)
            match = services.match_propose(request_id=request.pk, buddy_id=buddy_profile.pk, proposed_by=coordinator)
            services.match_accept(match_id=match.pk, by=buddy)

    add(1)
    with django_assert_max_num_queries(8):
        buddy_client.get("/buddyhulp/buddy/")
    add(8)
    with django_assert_max_num_queries(8):
        buddy_client.get("/buddyhulp/buddy/")


def test_an_expired_screening_is_shown_on_the_caseload(buddy_client: Client, buddy_profile: BuddyProfile) -> None:
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(vog_issued_on=None)
    assert "Je kunt nu geen nieuwe ouders aannemen" in buddy_client.get("/buddyhulp/buddy/").content.decode()


def test_a_buddy_edits_their_profile(buddy_client: Client, buddy_profile: BuddyProfile, postcode_areas: list) -> None:
    data = {
        "needs": ["autism", "gifted"],
        "languages": ["nl", "en"],
        "channels": ["in_person"],
        "pc4": "3512",
        "capacity": "3",
        "availability": "Avonden",
        "introduction": "Hallo!",
    }
    assert buddy_client.post("/buddyhulp/buddy/profiel/", data).status_code == 302
    buddy_profile.refresh_from_db()
    assert (buddy_profile.needs, buddy_profile.home_area_id, buddy_profile.capacity) == (
        ["autism", "gifted"],
        "3512",
        3,
    )


def test_the_profile_refuses_an_unknown_postcode_and_too_little_capacity(
    buddy_client: Client, active_match: Match
) -> None:
    BuddyProfile.objects.filter(pk=active_match.buddy_id).update(capacity=2, active_matches=2)
    data = {"languages": ["nl"], "channels": ["phone"], "pc4": "0000", "capacity": "1"}
    response = buddy_client.post("/buddyhulp/buddy/profiel/", data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Deze postcode kennen we niet" in content
    assert "Je helpt nu 2 ouders. Kies minstens dat aantal." in content


def test_a_buddy_accepts_a_proposal(buddy_client: Client, proposal: Match) -> None:
    page = buddy_client.get(f"/buddyhulp/buddy/voorstel/{proposal.pk}/").content.decode()
    assert "Ja, ik help deze ouder" in page
    response = buddy_client.post(f"/buddyhulp/buddy/voorstel/{proposal.pk}/aannemen/")
    assert response["Location"] == f"/buddyhulp/buddy/ouder/{proposal.pk}/"
    assert Match.objects.get(pk=proposal.pk).status == MatchStatus.ACTIVE


def test_a_full_buddy_is_told_there_is_no_place(buddy_client: Client, proposal: Match) -> None:
    BuddyProfile.objects.filter(pk=proposal.buddy_id).update(capacity=1, active_matches=1)
    response = buddy_client.post(f"/buddyhulp/buddy/voorstel/{proposal.pk}/aannemen/", follow=True)
    assert "Je hebt geen plek meer" in response.content.decode()
    assert Match.objects.get(pk=proposal.pk).status == MatchStatus.PROPOSED


def test_declining_needs_a_reason(buddy_client: Client, proposal: Match) -> None:
    url = f"/buddyhulp/buddy/voorstel/{proposal.pk}/afwijzen/"
    response = buddy_client.post(url, {})
    assert response.status_code == 400
    assert "Kies een van de mogelijkheden." in response.content.decode()
    assert buddy_client.post(url, {"reason": "distance", "note": "Te ver"}).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decline_reason) == (MatchStatus.DECLINED, "distance")
    assert proposal.request.status == RequestStatus.OPEN


def test_another_buddy_cannot_see_the_proposal(client_for: Callable[[str], Client], proposal: Match) -> None:
    assert client_for("buddy_b").get(f"/buddyhulp/buddy/voorstel/{proposal.pk}/").status_code == 404


def test_the_match_page_reminds_not_to_record_health_details(buddy_client: Client, active_match: Match) -> None:
    content = buddy_client.get(f"/buddyhulp/buddy/ouder/{active_match.pk}/").content.decode()
    assert "Geen gezondheidsgegevens" in content
    assert "parent@example.org" in content
    assert "06 0000 0000" in content


def test_a_buddy_logs_a_contact(buddy_client: Client, active_match: Match) -> None:
    today = timezone.localdate().isoformat()
    response = buddy_client.post(
        f"/buddyhulp/buddy/ouder/{active_match.pk}/contact/", {"happened_on": today, "channel": "video", "note": "Fijn"}
    )
    assert response.status_code == 302
    assert ContactLog.objects.get().note == "Fijn"
    assert "Fijn" in buddy_client.get(f"/buddyhulp/buddy/ouder/{active_match.pk}/").content.decode()


def test_a_contact_in_the_future_is_refused(buddy_client: Client, active_match: Match) -> None:
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = buddy_client.post(
        f"/buddyhulp/buddy/ouder/{active_match.pk}/contact/", {"happened_on": tomorrow, "channel": "video"}
    )
    assert response.status_code == 400
    assert "De datum ligt in de toekomst." in response.content.decode()
    assert not ContactLog.objects.exists()


def test_a_buddy_closes_with_an_outcome_and_is_asked_for_the_survey(buddy_client: Client, active_match: Match) -> None:
    url = f"/buddyhulp/buddy/ouder/{active_match.pk}/afsluiten/"
    assert "Je kunt dit niet ongedaan maken" in buddy_client.get(url).content.decode()
    assert buddy_client.post(url, {"outcome": "handed_over"}).status_code == 400  # only through the coordinator
    response = buddy_client.post(url, {"outcome": "referred"})
    assert response["Location"] == f"/buddyhulp/buddy/ouder/{active_match.pk}/evaluatie/"
    assert buddy_client.post(response["Location"], {"helpful": "yes", "would_recommend": "yes"}).status_code == 302
    assert active_match.surveys.get().respondent == "buddy"


def test_a_buddy_asks_the_coordinator_for_a_hand_over(
    buddy_client: Client, active_match: Match, coordinator: User
) -> None:
    mail.outbox.clear()
    url = f"/buddyhulp/buddy/ouder/{active_match.pk}/overdragen/"
    assert buddy_client.post(url, {"note": ""}).status_code == 400
    assert buddy_client.post(url, {"note": "Ik verhuis"}).status_code == 302
    assert Match.objects.get(pk=active_match.pk).handover_note == "Ik verhuis"
    assert mail.outbox[0].to == [coordinator.email]


def test_the_escalation_entry_point_explains_the_back_office(buddy_client: Client, active_match: Match) -> None:
    content = buddy_client.get(f"/buddyhulp/buddy/ouder/{active_match.pk}/backoffice/").content.decode()
    assert "landelijke backoffice" in content
    assert "utrecht@example.org" in content


def test_pages_of_a_closed_match_send_the_buddy_back(buddy_client: Client, active_match: Match, buddy: User) -> None:
    from buddies import services

    services.match_close(match_id=active_match.pk, by=buddy, outcome="goal_reached")
    assert buddy_client.get(f"/buddyhulp/buddy/ouder/{active_match.pk}/afsluiten/").status_code == 302
    assert buddy_client.get(f"/buddyhulp/buddy/ouder/{active_match.pk}/").status_code == 200
