from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from regions.models import Experience, Partnership, School, SupportProfile
from tests.regions.conftest import give_profile, make_school

pytestmark = pytest.mark.django_db


def test_the_school_page_shows_address_profile_partnership_and_support_point(
    client: Client, school: School, published_experience: Experience
) -> None:
    content = client.get(f"/scholen/{school.code}/").content.decode()
    assert "De Regenboog" in content
    assert "3511 AB Utrecht" in content
    assert "PO2601" in content
    assert "Autisme" in content and "Specialistisch arrangement" in content
    assert "Goed geluisterd." in content
    assert "Steunpunt Utrecht (test)" in content


def test_pending_experiences_are_not_shown(client: Client, school: School, pending_experience: Experience) -> None:
    assert "Sem" not in client.get(f"/scholen/{school.code}/").content.decode()


def test_a_profile_not_verified_for_more_than_a_year_says_so_plainly(client: Client, school: School) -> None:
    SupportProfile.objects.filter(school=school).update(verified_on=timezone.localdate() - timedelta(days=400))
    content = client.get(f"/scholen/{school.code}/").content.decode()
    assert "langer dan een jaar niet gecontroleerd" in content


def test_a_closed_school_keeps_its_page_with_a_notice(client: Client, school: School) -> None:
    School.objects.filter(pk=school.pk).update(closed_on="2026-01-01")
    response = client.get(f"/scholen/{school.code}/")
    assert response.status_code == 200
    assert "niet meer in de lijst van DUO" in response.content.decode()


def test_only_the_regions_coordinator_sees_the_edit_link(
    client_for: Callable[[str], Client], school: School, coordinator_b: object
) -> None:
    assert "Profiel bewerken" in client_for("coordinator").get(f"/scholen/{school.code}/").content.decode()
    assert "Profiel bewerken" not in client_for("coordinator_b").get(f"/scholen/{school.code}/").content.decode()
    assert "Profiel bewerken" not in client_for("parent").get(f"/scholen/{school.code}/").content.decode()


def test_an_unknown_school_is_404(client: Client, db: None) -> None:
    assert client.get("/scholen/ZZ9900/").status_code == 404


@pytest.mark.parametrize("extra", [0, 30])
def test_the_school_page_uses_a_constant_number_of_queries(
    extra: int,
    school: School,
    parent: object,
    partnerships: dict[str, Partnership],
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    for i in range(extra):
        Experience.objects.create(school=school, school_year="2024-2025", went_well=f"Ervaring {i}", status="published")
    client = client_for("parent")
    # Session, user, memberships (header), school with profile, needs, expertise, facilities, experiences + their
    # needs, support points and knowledge-base topics (both cached for a minute after this first visit): the same
    # at 0 and at 30 experiences.
    with django_assert_max_num_queries(11):  # type: ignore[operator]
        assert client.get(f"/scholen/{school.code}/").status_code == 200


def test_compare_aligns_profile_rows_for_up_to_four_schools(
    client: Client, school: School, partnerships: dict[str, Partnership]
) -> None:
    others = [make_school(f"6{i}FF00", f"Vergelijk {i}", partnerships["PO2601"], lat=52.1, lon=5.1) for i in range(4)]
    give_profile(others[0], {"autisme": 2})
    codes = [school.code, *(o.code for o in others)]
    response = client.get("/scholen/vergelijken/", {"school": codes})
    assert [s.code for s in response.context["schools"]] == codes[:4]
    autism_row = next(cells for need, cells in response.context["need_rows"] if need.slug == "autisme")
    assert [cell.level if cell else None for cell in autism_row] == [3, 2, None, None]
    assert "vier scholen tegelijk" in response.content.decode()


def test_the_shortlist_lives_in_the_session_and_feeds_the_comparison(client: Client, school: School) -> None:
    response = client.post(f"/scholen/{school.code}/lijstje/")
    assert response.status_code == 302
    assert client.session["school_shortlist"] == [school.code]
    assert "De Regenboog" in client.get("/scholen/mijn-lijstje/").content.decode()
    assert [s.code for s in client.get("/scholen/vergelijken/").context["schools"]] == [school.code]
    client.post(f"/scholen/{school.code}/lijstje/")
    assert client.session["school_shortlist"] == []


def test_the_shortlist_toggle_returns_to_a_safe_next_url(client: Client, school: School) -> None:
    response = client.post(f"/scholen/{school.code}/lijstje/", {"next": "https://evil.example/"})
    assert response["Location"] == f"/scholen/{school.code}/"
    response = client.post(f"/scholen/{school.code}/lijstje/", {"next": "/scholen/?q=x"})
    assert response["Location"] == "/scholen/?q=x"


def test_the_school_page_links_to_knowledge_base_topics_on_school_choice(client: Client, school: School) -> None:
    from knowledgebase.models import Tier, Topic

    Topic.objects.create(tier=Tier.SCHOOL_CHOICE, name="Een school kiezen", slug="school-kiezen")
    Topic.objects.create(tier=Tier.WHEN_SCHOOL_FAILS, name="Thuiszitten", slug="thuiszitten")
    content = client.get(f"/scholen/{school.code}/").content.decode()
    assert 'href="/kennisbank/onderwerp/school-kiezen/"' in content
    assert "Thuiszitten" not in content
