"""The comparison: up to four schools side by side, rows aligned, with a plain page when there is nothing to compare."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regions.models import Partnership, School, SupportLevel
from tests.regions.conftest import give_profile, make_school

pytestmark = pytest.mark.django_db


def test_without_schools_it_explains_how_to_compare(client: Client, school: School) -> None:
    response = client.get("/scholen/vergelijken/")
    assert response.status_code == 200
    assert response.context["schools"] == []
    assert "mijn lijstje" in response.content.decode().lower()


def test_unknown_codes_are_left_out_without_an_error(client: Client, school: School) -> None:
    response = client.get("/scholen/vergelijken/", {"school": ["ONZIN1", school.code.lower()]})
    assert response.status_code == 200
    assert [s.code for s in response.context["schools"]] == [school.code]


def test_a_school_without_a_profile_shows_dashes_not_an_error(
    client: Client, school: School, other_school: School
) -> None:
    response = client.get("/scholen/vergelijken/", {"school": [school.code, other_school.code]})
    assert response.status_code == 200
    autism_row = next(cells for need, cells in response.context["need_rows"] if need.slug == "autisme")
    assert [cell.level if cell else None for cell in autism_row] == [SupportLevel.SPECIALISED, None]


@pytest.mark.parametrize("profiles", [1, 4])
def test_the_comparison_uses_a_constant_number_of_queries(
    profiles: int,
    school: School,
    partnerships: dict[str, Partnership],
    client_for: Callable[[str], Client],
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    schools = [school]
    for i in range(3):
        extra = make_school(f"7{i}GG00", f"Vergelijk {i}", partnerships["PO2601"], lat=52.1, lon=5.1)
        if i < profiles - 1:
            give_profile(extra, {"autisme": SupportLevel.EXTRA, "lezen": SupportLevel.BASIC}, ["lift"])
        schools.append(extra)
    client = client_for("parent")
    # Session, user, memberships, schools with profiles, needs, expertise, facilities, the need rows.
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        response = client.get("/scholen/vergelijken/", {"school": [s.code for s in schools]})
    assert len(response.context["schools"]) == 4
