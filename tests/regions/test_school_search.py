from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client

from regions.models import Facility, Need, Partnership, ProfileNeed, School, SupportLevel, SupportProfile
from tests.regions.conftest import give_profile, make_school

pytestmark = pytest.mark.django_db


@pytest.fixture
def nearby(school: School, partnerships: dict[str, Partnership]) -> dict[str, School]:
    """Around Utrecht centre: one school at ~3 km without autism, one at ~15 km with it, one VO school nearby."""
    near = make_school("33CC00", "Het Anker", partnerships["PO2601"], lat=52.118, lon=5.125)
    give_profile(near, {"lezen": SupportLevel.EXTRA}, ["lift", "ringleiding"])
    far = make_school("44DD00", "De Verre Verte", partnerships["PO2601"], lat=52.225, lon=5.125, place="Hilversum")
    give_profile(far, {"autisme": SupportLevel.EXTRA})
    lyceum = make_school("55EE00", "Stedelijk Lyceum", partnerships["VO2601"], lat=52.095, lon=5.12, kind="VO")
    lyceum.levels = ["havo", "vwo"]
    lyceum.save()
    return {"school": school, "near": near, "far": far, "lyceum": lyceum}


def names(response: object) -> list[str]:
    return [card.name for card in response.context["cards"]]  # type: ignore[attr-defined]


def test_a_parent_finds_schools_that_support_autism_within_10_km(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "3511 AB", "afstand": "10", "behoefte": "autisme"})
    assert response.status_code == 200
    assert names(response) == ["De Regenboog"]
    assert "1 school gevonden" in response.content.decode()


def test_a_larger_radius_finds_the_farther_school_sorted_by_distance(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "3511", "afstand": "20", "behoefte": "autisme"})
    assert names(response) == ["De Regenboog", "De Verre Verte"]
    distances = [row["distance"] for row in response.context["page"].object_list]
    assert distances[0] < 1 < 10 < distances[1] < 20


def test_every_selected_need_must_be_met(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "3511", "afstand": "50", "behoefte": ["autisme", "lezen"]})
    assert names(response) == ["De Regenboog"]


def test_the_support_level_is_a_minimum(client: Client, nearby: dict[str, School]) -> None:
    response = client.get(
        "/scholen/", {"postcode": "3511", "afstand": "50", "behoefte": "autisme", "ondersteuning": "3"}
    )
    assert names(response) == ["De Regenboog"]
    response = client.get("/scholen/", {"postcode": "3511", "afstand": "50", "ondersteuning": "2"})
    assert set(names(response)) == {"De Regenboog", "Het Anker", "De Verre Verte"}


def test_all_selected_facilities_must_be_present(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"voorziening": ["lift", "ringleiding"]})
    assert names(response) == ["Het Anker"]


def test_it_filters_on_kind_level_denomination_and_name(client: Client, nearby: dict[str, School]) -> None:
    assert names(client.get("/scholen/", {"soort": "VO"})) == ["Stedelijk Lyceum"]
    assert names(client.get("/scholen/", {"schoolniveau": "vwo"})) == ["Stedelijk Lyceum"]
    assert names(client.get("/scholen/", {"q": "hilversum"})) == ["De Verre Verte"]
    assert names(client.get("/scholen/", {"q": "anker"})) == ["Het Anker"]
    assert len(names(client.get("/scholen/", {"richting": "Openbaar"}))) == 4


def test_it_sorts_by_name_when_asked(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "3511", "afstand": "50", "sorteer": "naam"})
    assert names(response) == sorted(names(response))


def test_closed_schools_are_not_found(client: Client, nearby: dict[str, School]) -> None:
    School.objects.filter(code="33CC00").update(closed_on="2026-01-01")
    assert "Het Anker" not in names(client.get("/scholen/", {"q": "anker"}))


def test_an_unknown_postcode_is_explained_next_to_the_field(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "12"})
    assert response.status_code == 200
    assert response.context["page"] is None
    content = response.content.decode()
    assert "Dit is geen geldige postcode" in content
    assert 'href="#id_postcode"' in content


def test_without_a_search_it_shows_an_invitation_and_no_results(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/")
    assert response.context["page"] is None
    assert "Zoek scholen" in response.content.decode()


def test_the_fragment_request_returns_only_the_results(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"q": "anker"}, headers={"X-Fragment": "results"})
    content = response.content.decode()
    assert "Het Anker" in content
    assert "<html" not in content
    assert "X-Fragment" in response["Vary"]


def test_pagination_links_keep_the_filters(
    client: Client, school: School, partnerships: dict[str, Partnership]
) -> None:
    for i in range(25):
        make_school(f"9{i:02d}X00", f"School {i:02d}", partnerships["PO2601"], lat=52.09, lon=5.12)
    response = client.get("/scholen/", {"q": "school", "sorteer": "naam"})
    assert 'href="?q=school&amp;sorteer=naam&amp;pagina=2"' in response.content.decode()


def test_the_map_gets_the_coordinates_of_the_listed_schools(client: Client, nearby: dict[str, School]) -> None:
    content = client.get("/scholen/", {"q": "anker"}).content.decode()
    assert 'data-lat="52.118000"' in content
    assert 'id="school-map"' in content


def bulk_schools(count: int, partnership: Partnership) -> None:
    """`count` schools around Utrecht, each with a profile of three needs and two facilities."""
    rng = random.Random(count)  # noqa: S311
    schools = School.objects.bulk_create(
        School(
            code=f"{i:04d}{rng.randint(10, 99)}",
            institution_code=f"{i:04d}",
            name=f"School {i}",
            kind="BO",
            place="Utrecht",
            partnership=partnership,
            latitude=52.09 + rng.uniform(-0.05, 0.05),
            longitude=5.12 + rng.uniform(-0.05, 0.05),
        )
        for i in range(count)
    )
    profiles = SupportProfile.objects.bulk_create(SupportProfile(school=s) for s in schools)
    needs = list(Need.objects.all())
    ProfileNeed.objects.bulk_create(
        ProfileNeed(profile=p, need=n, level=rng.randint(1, 3)) for p in profiles for n in rng.sample(needs, 3)
    )
    facilities = list(Facility.objects.all())
    through = SupportProfile.facilities.through
    through.objects.bulk_create(
        through(supportprofile_id=p.pk, facility_id=f.pk) for p in profiles for f in rng.sample(facilities, 2)
    )
    # Planner statistics as a real database has them (autovacuum): stale statistics from an earlier test with ten
    # rows once made PostgreSQL choose nested loops that ran for minutes here.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE regions_school, regions_supportprofile, regions_profileneed")
        cursor.execute("ANALYZE regions_supportprofile_facilities")


SEARCH = {"postcode": "3511", "afstand": "10", "behoefte": "autisme", "voorziening": "lift", "sorteer": "afstand"}
QUERY_BUDGET = 8  # session, user, memberships, postcode area, chosen need, chosen facility, count, page with needs


@pytest.mark.parametrize("count", [10, 8700])
def test_the_search_page_uses_a_constant_number_of_queries(
    count: int,
    located_areas: object,
    partnerships: dict[str, Partnership],
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    bulk_schools(count, partnerships["PO2601"])
    client = client_for("parent")
    client.get("/scholen/")  # the session exists from here on, as for a real visitor
    with django_assert_max_num_queries(QUERY_BUDGET):  # type: ignore[operator]
        response = client.get("/scholen/", SEARCH)
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"behoefte": "onzin"}, "Wat heeft je kind nodig?"),
        ({"afstand": "7"}, "Afstand"),
        ({"voorziening": "zwembad"}, "Voorzieningen"),
        ({"soort": "XX"}, "Soort school"),
    ],
)
def test_bad_search_values_are_named_in_the_error_summary_not_a_server_error(
    client: Client, nearby: dict[str, School], query: dict[str, str], message: str
) -> None:
    response = client.get("/scholen/", query)
    assert response.status_code == 200
    assert response.context["page"] is None
    content = response.content.decode()
    assert "Controleer je zoekvragen" in content
    assert f"{message}:" in content


def test_a_page_number_past_the_end_shows_the_last_page(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"q": "utrecht", "pagina": "99"})
    assert response.status_code == 200
    assert response.context["page"].number == 1
    assert client.get("/scholen/", {"q": "utrecht", "pagina": "abc"}).status_code == 200


def test_no_results_say_what_to_try(client: Client, nearby: dict[str, School]) -> None:
    response = client.get("/scholen/", {"postcode": "3511", "afstand": "2", "behoefte": ["horen", "zien"]})
    content = response.content.decode()
    assert "0 scholen gevonden" in content
    assert "Kies minder behoeften of een grotere afstand." in content
    assert "Naar het zoekresultaat" in content  # on a phone the message is one link away too
