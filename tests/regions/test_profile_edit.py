from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regions.models import Facility, School, SupportProfile

pytestmark = pytest.mark.django_db


def test_a_coordinator_edits_and_verifies_a_profile_in_their_region(
    client_for: Callable[[str], Client], school: School, coordinator: object
) -> None:
    SupportProfile.objects.filter(school=school).update(verified_on=timezone.localdate() - timedelta(days=500))
    response = client_for("coordinator").post(
        f"/scholen/{school.code}/profiel/",
        {
            "need_autisme": "2",
            "need_horen": "1",
            "staff_logopedist": "3",
            "facilities": [str(Facility.objects.get(slug="lift").pk)],
            "arrangements": "Plusklas\n\n  Taalklas  ",
            "class_size": "18",
            "explanation": "Kleine school.",
            "verified": "on",
        },
    )
    assert response.status_code == 302
    profile = SupportProfile.objects.prefetch_related("needs__need", "expertise__staff_role").get(school=school)
    assert {pn.need.slug: pn.level for pn in profile.needs.all()} == {"autisme": 2, "horen": 1}
    assert [(pe.staff_role.slug, pe.availability) for pe in profile.expertise.all()] == [("logopedist", 3)]
    assert profile.arrangements == ["Plusklas", "Taalklas"]
    assert (profile.class_size, profile.verified_on, profile.verified_by) == (18, timezone.localdate(), coordinator)
    assert not profile.is_stale


def test_saving_without_verifying_keeps_the_old_verification(
    client_for: Callable[[str], Client], school: School
) -> None:
    old = timezone.localdate() - timedelta(days=500)
    SupportProfile.objects.filter(school=school).update(verified_on=old)
    client_for("coordinator").post(f"/scholen/{school.code}/profiel/", {"class_size": "20"})
    assert SupportProfile.objects.get(school=school).verified_on == old


def test_the_form_shows_the_current_profile(client_for: Callable[[str], Client], school: School) -> None:
    response = client_for("coordinator").get(f"/scholen/{school.code}/profiel/")
    assert response.context["form"]["need_autisme"].value() == 3


def test_a_first_profile_is_created_for_a_school_without_one(
    client_for: Callable[[str], Client], school: School
) -> None:
    SupportProfile.objects.filter(school=school).delete()
    assert client_for("coordinator").get(f"/scholen/{school.code}/profiel/").status_code == 200
    client_for("coordinator").post(f"/scholen/{school.code}/profiel/", {"need_gedrag": "1"})
    assert SupportProfile.objects.get(school=school).needs.count() == 1


def test_a_silly_class_size_is_refused_in_dutch(client_for: Callable[[str], Client], school: School) -> None:
    response = client_for("coordinator").post(f"/scholen/{school.code}/profiel/", {"class_size": "500"})
    assert response.status_code == 400
    assert "Vul een aantal van 1 tot en met 60 in." in response.content.decode()


def test_a_coordinator_of_another_region_gets_404(
    client_for: Callable[[str], Client], school: School, coordinator_b: object
) -> None:
    assert client_for("coordinator_b").post(f"/scholen/{school.code}/profiel/", {}).status_code == 404


def test_a_parent_gets_403_and_anonymous_logs_in(client_for: Callable[[str], Client], school: School) -> None:
    assert client_for("parent").get(f"/scholen/{school.code}/profiel/").status_code == 403
    assert client_for("anonymous").get(f"/scholen/{school.code}/profiel/").status_code == 302
