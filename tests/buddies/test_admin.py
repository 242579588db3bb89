"""Coordinators look up buddies, requests and matches of their own support points in the Django admin."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import AccessLog, User
from buddies import services
from buddies.models import BuddyProfile, HelpRequest, Match, MatchingSettings
from regions.models import SupportPoint
from tests.buddies.conftest import make_buddy, make_request

pytestmark = pytest.mark.django_db

ClientFor = Callable[[str], Client]


@pytest.fixture
def elsewhere(other_support_point: SupportPoint, parent_b: User) -> HelpRequest:
    make_buddy("zeeland@example.org", other_support_point)
    return make_request(parent_b, other_support_point)


@pytest.mark.parametrize(
    "url", ["/beheer/buddies/buddyprofile/", "/beheer/buddies/helprequest/", "/beheer/buddies/match/"]
)
def test_the_lists_show_only_the_coordinators_own_support_point(
    client_for: ClientFor, active_match: Match, elsewhere: HelpRequest, url: str
) -> None:
    content = client_for("coordinator").get(url).content.decode()
    assert "Carla" in content or f"#{active_match.request_id}" in content
    assert "Zeeland" not in content
    assert f"#{elsewhere.pk}<" not in content


def test_another_regions_request_is_not_found(client_for: ClientFor, elsewhere: HelpRequest) -> None:
    response = client_for("coordinator").get(f"/beheer/buddies/helprequest/{elsewhere.pk}/change/")
    assert response.status_code == 302  # the admin's "does not exist" redirect to its index
    assert not AccessLog.objects.exists()


def test_a_request_is_read_only_shows_no_contact_details_and_its_opening_is_logged(
    client_for: ClientFor, active_match: Match, coordinator: User, parent: User, buddy: User
) -> None:
    services.contact_add(
        match=active_match, by=buddy, happened_on=timezone.localdate(), channel="phone", note="Geheime notitie"
    )
    client = client_for("coordinator")
    url = f"/beheer/buddies/helprequest/{active_match.request_id}/change/"
    content = client.get(url).content.decode()
    assert "Autisme" in content or "autism" in content
    for private in (parent.email, "06 0000 0000", "Geheime notitie"):
        assert private not in content
    assert AccessLog.objects.filter(actor=coordinator, object_id=str(active_match.request_id)).exists()
    assert client.post(url, {"status": "closed"}).status_code == 403
    assert HelpRequest.objects.get(pk=active_match.request_id).status == "matched"
    assert client.get("/beheer/buddies/helprequest/add/").status_code == 403


def test_a_match_is_read_only_without_its_contact_log(client_for: ClientFor, active_match: Match, buddy: User) -> None:
    services.contact_add(
        match=active_match, by=buddy, happened_on=timezone.localdate(), channel="phone", note="Geheime notitie"
    )
    client = client_for("coordinator")
    url = f"/beheer/buddies/match/{active_match.pk}/change/"
    content = client.get(url).content.decode()
    assert "Geheime notitie" not in content
    assert client.post(f"/beheer/buddies/match/{active_match.pk}/delete/").status_code == 403
    assert Match.objects.filter(pk=active_match.pk).exists()


@pytest.mark.parametrize("model", ["contactlog", "exitsurvey", "caseevent"])
def test_contact_logs_surveys_and_the_audit_trail_are_not_in_the_admin(client_for: ClientFor, model: str) -> None:
    assert client_for("superuser").get(f"/beheer/buddies/{model}/").status_code == 404


def test_the_coordinator_records_screening_in_the_admin_without_touching_the_place_count(
    client_for: ClientFor, active_match: Match, buddy_profile: BuddyProfile
) -> None:
    today = timezone.localdate()
    response = client_for("coordinator").post(
        f"/beheer/buddies/buddyprofile/{buddy_profile.pk}/change/",
        {
            "status": "paused",
            "training_completed_on": today.isoformat(),
            "agreement_signed_on": today.isoformat(),
            "vog_issued_on": today.isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = BuddyProfile.objects.get(pk=buddy_profile.pk)
    assert (saved.status, saved.vog_issued_on, saved.active_matches, saved.capacity) == ("paused", today, 1, 2)


def test_another_regions_buddy_cannot_be_changed(client_for: ClientFor, other_support_point: SupportPoint) -> None:
    profile = make_buddy("zeeland@example.org", other_support_point)
    client = client_for("coordinator")
    client.post(f"/beheer/buddies/buddyprofile/{profile.pk}/change/", {"status": "stopped"})
    assert BuddyProfile.objects.get(pk=profile.pk).status == "active"


def test_changing_the_cadence_in_the_admin_reschedules_check_ins(
    client_for: ClientFor, active_match: Match, support_point: SupportPoint
) -> None:
    data = {
        "support_point": str(support_point.pk),
        "weight_needs": "5",
        "weight_school_type": "2",
        "weight_procedures": "3",
        "weight_language": "3",
        "weight_channel": "2",
        "weight_load": "2",
        "weight_distance": "1",
        "proposal_days": "3",
        "early_weeks": "8",
        "early_interval_days": "3",
        "later_interval_days": "28",
    }
    response = client_for("coordinator").post("/beheer/buddies/matchingsettings/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert MatchingSettings.objects.get(support_point=support_point).early_interval_days == 3
    expected = timezone.localdate() + datetime.timedelta(days=3)
    assert Match.objects.get(pk=active_match.pk).next_check_in_on == expected


def test_a_coordinator_cannot_create_settings_for_another_support_point(
    client_for: ClientFor, other_support_point: SupportPoint
) -> None:
    response = client_for("coordinator").post(
        "/beheer/buddies/matchingsettings/add/", {"support_point": str(other_support_point.pk)}
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not MatchingSettings.objects.exists()


@pytest.mark.parametrize("persona", ["parent", "buddy", "professional"])
def test_non_coordinators_are_sent_to_the_admin_login(client_for: ClientFor, persona: str) -> None:
    assert client_for(persona).get("/beheer/buddies/match/")["Location"].startswith("/beheer/login/")


def test_the_admin_index_lists_the_buddy_models(client_for: ClientFor) -> None:
    content = client_for("coordinator").get("/beheer/").content.decode()
    for model in ("buddyprofile", "helprequest", "match", "matchingsettings"):
        assert f"/beheer/buddies/{model}/" in content
