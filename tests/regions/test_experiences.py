from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regions.models import Experience, ExperienceReport, ExperienceStatus, Need, School

pytestmark = pytest.mark.django_db


def test_a_parent_writes_an_experience_that_waits_for_moderation_with_flags(
    client_for: Callable[[str], Client], school: School, parent: object
) -> None:
    response = client_for("parent").post(
        f"/scholen/{school.code}/ervaring/",
        {
            "needs": [str(Need.objects.get(slug="autisme").pk)],
            "school_year": "2024-2025",
            "went_well": "Mijn dochter Lotte kreeg snel hulp.",
            "could_be_better": "Bel me: 06-12345678",
        },
    )
    assert response.status_code == 302
    experience = Experience.objects.get()
    assert (experience.status, experience.author) == (ExperienceStatus.PENDING, parent)
    assert len(experience.flags) == 2
    assert "Lotte" not in client_for("anonymous").get(f"/scholen/{school.code}/").content.decode()


def test_an_experience_needs_some_text(client_for: Callable[[str], Client], school: School) -> None:
    response = client_for("parent").post(f"/scholen/{school.code}/ervaring/", {"school_year": "2024-2025"})
    assert response.status_code == 400
    assert "Schrijf iets bij" in response.content.decode()


def test_the_form_warns_against_names_and_diagnoses(client_for: Callable[[str], Client], school: School) -> None:
    content = client_for("parent").get(f"/scholen/{school.code}/ervaring/").content.decode()
    assert "Schrijf zonder namen." in content
    assert "diagnose" in content


def test_an_edit_by_the_author_goes_back_to_moderation(
    client_for: Callable[[str], Client], published_experience: Experience
) -> None:
    response = client_for("parent").post(
        f"/ervaringen/{published_experience.pk}/bewerken/",
        {"school_year": "2024-2025", "went_well": "Nog steeds goed."},
    )
    assert response.status_code == 302
    published_experience.refresh_from_db()
    assert (published_experience.status, published_experience.went_well) == ("pending", "Nog steeds goed.")


def test_another_parent_cannot_edit_it(client_for: Callable[[str], Client], published_experience: Experience) -> None:
    response = client_for("parent_b").post(
        f"/ervaringen/{published_experience.pk}/bewerken/", {"school_year": "2024-2025", "went_well": "Gekaapt"}
    )
    assert response.status_code == 404


def test_a_coordinator_edits_out_a_name_and_approves(
    client_for: Callable[[str], Client], pending_experience: Experience, coordinator: object
) -> None:
    client = client_for("coordinator")
    queue = client.get("/ervaringen/controleren/").content.decode()
    assert "De Regenboog" in queue
    page = client.get(f"/ervaringen/{pending_experience.pk}/controleren/").content.decode()
    assert "‘Sem’" in page  # flagged for the moderator (the fixture wrote it without running the check)
    response = client.post(
        f"/ervaringen/{pending_experience.pk}/controleren/",
        {"action": "approve", "went_well": "", "could_be_better": "Mijn zoon moest lang wachten."},
    )
    assert response.status_code == 302
    pending_experience.refresh_from_db()
    assert pending_experience.status == "published"
    assert pending_experience.moderated_by == coordinator
    assert pending_experience.flags == []


def test_rejecting_needs_a_reason_that_the_parent_sees(
    client_for: Callable[[str], Client], pending_experience: Experience
) -> None:
    client = client_for("coordinator")
    url = f"/ervaringen/{pending_experience.pk}/controleren/"
    response = client.post(url, {"action": "reject", "could_be_better": "x"})
    assert response.status_code == 400
    assert "Schrijf waarom" in response.content.decode()
    client.post(url, {"action": "reject", "could_be_better": "x", "reason": "Er staat een naam in."})
    assert "Er staat een naam in." in client_for("parent").get("/ervaringen/").content.decode()


def test_a_report_puts_a_published_experience_back_on_the_moderators_list(
    client_for: Callable[[str], Client], published_experience: Experience
) -> None:
    client_for("anonymous").post(f"/ervaringen/{published_experience.pk}/melden/", {"reason": "Klopt niet."})
    assert ExperienceReport.objects.filter(experience=published_experience, reporter=None).exists()
    queue = client_for("coordinator").get("/ervaringen/controleren/")
    assert [e.pk for e in queue.context["page"].object_list] == [published_experience.pk]
    client_for("coordinator").post(
        f"/ervaringen/{published_experience.pk}/controleren/", {"action": "approve", "went_well": "Goed geluisterd."}
    )
    assert not client_for("coordinator").get("/ervaringen/controleren/").context["page"].object_list


def test_a_report_needs_a_reason(client_for: Callable[[str], Client], published_experience: Experience) -> None:
    response = client_for("anonymous").post(f"/ervaringen/{published_experience.pk}/melden/", {"reason": ""})
    assert response.status_code == 400


def test_the_queue_of_another_region_is_empty(
    client_for: Callable[[str], Client], pending_experience: Experience, coordinator_b: object
) -> None:
    assert not client_for("coordinator_b").get("/ervaringen/controleren/").context["page"].object_list


@pytest.mark.parametrize("count", [2, 200])
def test_the_moderation_queue_uses_a_constant_number_of_queries(
    count: int,
    client_for: Callable[[str], Client],
    school: School,
    parent: object,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    Experience.objects.bulk_create(
        Experience(school=school, author=parent, school_year="2024-2025", went_well=f"Ervaring {i}", flags=["Sem"])
        for i in range(count)
    )
    client = client_for("coordinator")
    # Session, user, memberships, count, page (with school and open reports).
    with django_assert_max_num_queries(6):  # type: ignore[operator]
        response = client.get("/ervaringen/controleren/")
    assert response.context["page"].paginator.count == count
