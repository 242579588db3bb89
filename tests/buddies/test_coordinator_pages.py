"""The coordinator's pages per support point: overview with chart, lists, invitations, settings and screening."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, Role, User
from buddies import services
from buddies.models import BuddyInvitation, BuddyProfile, Match, MatchingSettings, Outcome
from regions.models import SupportPoint
from tests.buddies.conftest import make_buddy, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client_for: Callable[[str], Client]) -> Client:
    return client_for("coordinator")


def test_a_coordinator_with_one_support_point_lands_on_its_overview(coordinator_client: Client) -> None:
    assert coordinator_client.get("/buddyhulp/coordinatie/")["Location"] == "/buddyhulp/steunpunt/utrecht/"


def test_the_overview_shows_open_requests_load_overdue_screenings_and_outcomes(
    coordinator_client: Client, active_match: Match, buddy: User, support_point: SupportPoint, parent_b: User
) -> None:
    waiting = make_request(parent_b, support_point, is_urgent=True)
    Match.objects.filter(pk=active_match.pk).update(next_check_in_on=timezone.localdate() - datetime.timedelta(days=1))
    BuddyProfile.objects.filter(pk=active_match.buddy_id).update(
        vog_issued_on=timezone.localdate() - datetime.timedelta(days=340)
    )
    closed = make_request(parent_b, support_point)
    other = make_buddy("ander@example.org", support_point)
    match = services.match_propose(request_id=closed.pk, buddy_id=other.pk, proposed_by=buddy)
    services.match_accept(match_id=match.pk, by=other.user)
    services.match_close(match_id=match.pk, by=other.user, outcome=Outcome.REFERRED)
    services.survey_submit(match=match, respondent="parent", helpful="yes", would_recommend="yes", improve="Top")
    content = coordinator_client.get("/buddyhulp/steunpunt/utrecht/").content.decode()
    assert f"/buddyhulp/hulpvraag/{waiting.pk}/" in content
    assert "Kind thuis" in content
    assert "1 / 4" in content  # one parent helped now, four places
    assert f'<li class="is-overdue"><a href="/buddyhulp/hulpvraag/{active_match.request_id}/">' in content
    assert "geldig tot en met" in content
    assert "Doorverwezen naar andere hulp" in content
    assert "Top" in content


def test_the_chart_has_a_title_a_description_and_the_same_numbers_in_a_table(
    coordinator_client: Client, active_match: Match
) -> None:
    content = coordinator_client.get("/buddyhulp/steunpunt/utrecht/").content.decode()
    assert '<svg viewBox="0 0 640 240" role="img" aria-labelledby="chart-title chart-desc"' in content
    assert '<title id="chart-title">' in content
    month = timezone.localdate().strftime("%Y")
    assert month in content
    assert "<caption>Hulpvragen en koppelingen per maand</caption>" in content
    assert "<td>1</td><td>1</td>" in content  # this month: one request, one match
    # SVG coordinates must not be localised ("596,3" is no number): the bars would silently vanish.
    assert re.search(r'<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+"', content)


def test_the_overview_query_count_does_not_grow_with_the_data(
    coordinator_client: Client, support_point: SupportPoint, parent: User, django_assert_max_num_queries: object
) -> None:
    def add(n: int) -> None:
        for i in range(n):
            buddy = make_buddy(f"o{n}-{i}@example.org", support_point)
            request = make_request(parent, support_point)
            match = services.match_propose(request_id=request.pk, buddy_id=buddy.pk, proposed_by=parent)
            services.match_accept(match_id=match.pk, by=buddy.user)
            make_request(parent, support_point)

    add(2)
    with django_assert_max_num_queries(18):
        coordinator_client.get("/buddyhulp/steunpunt/utrecht/")
    add(30)
    with django_assert_max_num_queries(18):
        coordinator_client.get("/buddyhulp/steunpunt/utrecht/")


@pytest.mark.parametrize("page", ["hulpvragen", "buddies"])
def test_the_lists_paginate_with_a_constant_query_count(
    coordinator_client: Client,
    support_point: SupportPoint,
    parent: User,
    page: str,
    django_assert_max_num_queries: object,
) -> None:
    for i in range(30):
        make_buddy(f"l{i}@example.org", support_point)
        make_request(parent, support_point)
    with django_assert_max_num_queries(8):
        response = coordinator_client.get(f"/buddyhulp/steunpunt/utrecht/{page}/?pagina=2")
    assert "Pagina 2 van 2" in response.content.decode()
    assert coordinator_client.get(f"/buddyhulp/steunpunt/utrecht/{page}/?pagina=x").status_code == 200


def test_the_request_list_filters_by_status(coordinator_client: Client, active_match: Match) -> None:
    content = coordinator_client.get("/buddyhulp/steunpunt/utrecht/hulpvragen/?status=matched").content.decode()
    assert f"Hulpvraag {active_match.request_id}</a>" in content
    open_content = coordinator_client.get("/buddyhulp/steunpunt/utrecht/hulpvragen/?status=open").content.decode()
    assert f"Hulpvraag {active_match.request_id}</a>" not in open_content


def test_the_coordinator_invites_a_buddy_by_email(coordinator_client: Client, support_point: SupportPoint) -> None:
    response = coordinator_client.post("/buddyhulp/steunpunt/utrecht/uitnodigen/", {"email": "Nieuw@Example.org"})
    assert response.status_code == 302
    invitation = BuddyInvitation.objects.get()
    assert invitation.email == "nieuw@example.org"
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert "/buddyhulp/uitnodiging/" in mail.outbox[0].body
    bad = coordinator_client.post("/buddyhulp/steunpunt/utrecht/uitnodigen/", {"email": "geen-adres"})
    assert bad.status_code == 400
    assert "Vul een geldig e-mailadres in." in bad.content.decode()


def test_the_invited_person_signs_in_accepts_and_lands_in_their_profile(
    coordinator_client: Client, client_for: Callable[[str], Client], support_point: SupportPoint, parent_b: User
) -> None:
    coordinator_client.post("/buddyhulp/steunpunt/utrecht/uitnodigen/", {"email": parent_b.email})
    link = next(line for line in mail.outbox[0].body.splitlines() if "/uitnodiging/" in line)
    path = link[link.index("/buddyhulp/") :]
    client = client_for("parent_b")
    assert "Ik neem de uitnodiging aan" in client.get(path).content.decode()
    assert client.post(path)["Location"] == "/buddyhulp/buddy/profiel/"
    assert Membership.objects.filter(user=parent_b, support_point=support_point, role=Role.BUDDY).exists()
    assert BuddyProfile.objects.filter(user=parent_b).exists()
    assert client.get(path).status_code == 404  # used once


def test_an_invitation_for_another_address_is_refused(
    client_for: Callable[[str], Client], support_point: SupportPoint, parent: User
) -> None:
    invitation = services.invitation_create(support_point=support_point, email="iemand@example.org", invited_by=parent)
    link = next(line for line in mail.outbox[0].body.splitlines() if "/uitnodiging/" in line)
    client = client_for("parent")
    response = client.post(link[link.index("/buddyhulp/") :])
    assert response.status_code == 403
    assert "iemand@example.org" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_the_coordinator_sets_the_weights(coordinator_client: Client, support_point: SupportPoint) -> None:
    data = {
        "weight_needs": "9",
        "weight_school_type": "0",
        "weight_procedures": "3",
        "weight_language": "3",
        "weight_channel": "2",
        "weight_load": "2",
        "weight_distance": "1",
        "proposal_days": "5",
        "early_weeks": "6",
        "early_interval_days": "7",
        "later_interval_days": "21",
    }
    assert coordinator_client.post("/buddyhulp/steunpunt/utrecht/instellingen/", data).status_code == 302
    saved = MatchingSettings.objects.get(support_point=support_point)
    assert (saved.weight_needs, saved.proposal_days) == (9, 5)
    response = coordinator_client.post("/buddyhulp/steunpunt/utrecht/instellingen/", data | {"weight_needs": "11"})
    assert response.status_code == 400


def test_the_coordinator_records_screening_and_status(coordinator_client: Client, buddy_profile: BuddyProfile) -> None:
    today = timezone.localdate()
    data = {
        "training_completed_on": today.isoformat(),
        "agreement_signed_on": today.isoformat(),
        "vog_issued_on": today.isoformat(),
        "status": "paused",
        "capacity": "4",
    }
    assert coordinator_client.post(f"/buddyhulp/buddies/{buddy_profile.pk}/screening/", data).status_code == 302
    buddy_profile.refresh_from_db()
    assert (buddy_profile.status, buddy_profile.capacity, buddy_profile.vog_issued_on) == ("paused", 4, today)
    future = (today + datetime.timedelta(days=3)).isoformat()
    response = coordinator_client.post(
        f"/buddyhulp/buddies/{buddy_profile.pk}/screening/", data | {"vog_issued_on": future}
    )
    assert response.status_code == 400


def test_another_coordinator_cannot_open_the_screening(
    client_for: Callable[[str], Client], buddy_profile: BuddyProfile
) -> None:
    assert client_for("coordinator_b").get(f"/buddyhulp/buddies/{buddy_profile.pk}/screening/").status_code == 404
