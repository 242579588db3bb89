"""Coordinators run their support point in the Django admin, and see only their own objects."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from regions.models import Partnership, School, SupportPoint

pytestmark = pytest.mark.django_db

ClientFor = Callable[[str], Client]


def test_a_coordinator_sees_only_their_own_support_point(
    client_for: ClientFor, other_support_point: SupportPoint
) -> None:
    response = client_for("coordinator").get("/beheer/regions/supportpoint/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Steunpunt Utrecht (test)" in content
    assert "Steunpunt Zeeuws-Vlaanderen (test)" not in content


def test_a_coordinator_edits_their_own_support_point(client_for: ClientFor, support_point: SupportPoint) -> None:
    client = client_for("coordinator")
    url = f"/beheer/regions/supportpoint/{support_point.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": "Steunpunt Utrecht",
            "email": "nieuw@example.org",
            "phone": "030 111 1111",
            "website": "",
            "opening_hours": "ma–vr",
            "introduction": "Welkom",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    support_point.refresh_from_db()
    assert support_point.email == "nieuw@example.org"
    # Which partnerships it covers stays as it was: that is not the coordinator's choice.
    assert support_point.partnerships.count() == 2


def test_guessing_another_regions_support_point_url_finds_nothing(
    client_for: ClientFor, other_support_point: SupportPoint
) -> None:
    client = client_for("coordinator")
    url = f"/beheer/regions/supportpoint/{other_support_point.pk}/change/"
    response = client.get(url)
    assert response.status_code == 302
    assert "Zeeuws-Vlaanderen" not in client.get(response["Location"]).content.decode()
    response = client.post(url, {"name": "Gekaapt", "email": "x@example.org"})
    assert response.status_code == 302
    other_support_point.refresh_from_db()
    assert other_support_point.name == "Steunpunt Zeeuws-Vlaanderen (test)"
    assert client.post(f"/beheer/regions/supportpoint/{other_support_point.pk}/delete/").status_code in {302, 403}
    assert SupportPoint.objects.filter(pk=other_support_point.pk).exists()


def test_a_coordinator_cannot_add_or_delete_support_points(client_for: ClientFor, support_point: SupportPoint) -> None:
    client = client_for("coordinator")
    assert client.get("/beheer/regions/supportpoint/add/").status_code == 403
    assert client.post(f"/beheer/regions/supportpoint/{support_point.pk}/delete/").status_code == 403


def test_a_coordinator_renames_only_their_own_partnerships(
    client_for: ClientFor, partnerships: dict[str, Partnership]
) -> None:
    client = client_for("coordinator")
    listing = client.get("/beheer/regions/partnership/").content.decode()
    assert "PO2601" in listing and "PO2903" not in listing
    own = partnerships["PO2601"]
    response = client.post(f"/beheer/regions/partnership/{own.pk}/change/", {"name": "SWV Utrecht PO", "website": ""})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.name == "SWV Utrecht PO"
    assert own.code == "PO2601"
    other = partnerships["PO2903"]
    assert client.get(f"/beheer/regions/partnership/{other.pk}/change/").status_code == 302
    client.post(f"/beheer/regions/partnership/{other.pk}/change/", {"name": "Gekaapt"})
    other.refresh_from_db()
    assert other.name == ""


@pytest.mark.parametrize(
    "url", ["/beheer/regions/postcodearea/", "/beheer/accounts/user/", "/beheer/accounts/accesslog/"]
)
def test_reference_data_and_accounts_are_for_superusers_only(client_for: ClientFor, url: str) -> None:
    assert client_for("coordinator").get(url).status_code == 403
    assert client_for("superuser").get(url).status_code == 200


def test_the_admin_index_lists_only_what_a_coordinator_may_open(client_for: ClientFor) -> None:
    content = client_for("coordinator").get("/beheer/").content.decode()
    assert "/beheer/regions/supportpoint/" in content
    assert "/beheer/accounts/user/" not in content
    assert "/beheer/regions/postcodearea/" not in content


def test_a_superuser_sees_every_support_point(client_for: ClientFor, other_support_point: SupportPoint) -> None:
    content = client_for("superuser").get("/beheer/regions/supportpoint/").content.decode()
    assert "Steunpunt Utrecht (test)" in content and "Steunpunt Zeeuws-Vlaanderen (test)" in content


@pytest.mark.parametrize("persona", ["parent", "buddy", "professional"])
def test_non_coordinators_are_sent_to_the_admin_login(client_for: ClientFor, persona: str) -> None:
    response = client_for(persona).get("/beheer/regions/supportpoint/")
    assert response.status_code == 302
    assert response["Location"].startswith("/beheer/login/")


def test_a_coordinator_without_mfa_is_sent_to_set_it_up(client: Client, coordinator: User) -> None:
    coordinator.authenticator_set.all().delete()
    client.force_login(coordinator)
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"
    assert client.get("/beheer/regions/supportpoint/").status_code == 302


def test_the_admin_speaks_dutch(client_for: ClientFor) -> None:
    assert "Beheer van je steunpunt" in client_for("coordinator").get("/beheer/").content.decode()


def test_a_coordinator_verifies_a_profile_in_the_admin_and_is_recorded(
    client_for: ClientFor, school: School, coordinator: User
) -> None:
    profile = school.profile
    needs = list(profile.needs.order_by("pk"))
    data = {
        "arrangements": "Plusklas",
        "class_size": "22",
        "explanation": "",
        "verified_on": "01-03-2026",
        "facilities": [str(f.pk) for f in profile.facilities.all()],
        "needs-TOTAL_FORMS": str(len(needs)),
        "needs-INITIAL_FORMS": str(len(needs)),
        "needs-MIN_NUM_FORMS": "0",
        "needs-MAX_NUM_FORMS": "1000",
        "expertise-TOTAL_FORMS": "0",
        "expertise-INITIAL_FORMS": "0",
        "expertise-MIN_NUM_FORMS": "0",
        "expertise-MAX_NUM_FORMS": "1000",
    }
    for i, pn in enumerate(needs):
        data |= {f"needs-{i}-id": str(pn.pk), f"needs-{i}-profile": str(profile.pk)}
        data |= {f"needs-{i}-need": str(pn.need_id), f"needs-{i}-level": str(pn.level)}
    response = client_for("coordinator").post(f"/beheer/regions/supportprofile/{profile.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    profile.refresh_from_db()
    assert (profile.class_size, profile.arrangements, profile.verified_by) == (22, ["Plusklas"], coordinator)
    assert profile.school == school  # the school is shown, not editable
