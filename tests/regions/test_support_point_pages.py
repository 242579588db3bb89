from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from regions.models import Partnership, SupportPoint

pytestmark = pytest.mark.django_db


def test_the_support_point_page_shows_contact_and_area(client: Client, support_point: SupportPoint) -> None:
    response = client.get("/steunpunten/utrecht/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Steunpunt Utrecht (test)</h1>" in content
    assert "mailto:utrecht@example.org" in content
    assert "Samenwerkingsverband PO 26-01" in content


def test_it_marks_the_parents_own_support_point(client: Client, support_point: SupportPoint) -> None:
    client.post("/regio/kiezen/", {"q": "3511"})
    assert "Dit is het steunpunt in jouw regio." in client.get("/steunpunten/utrecht/").content.decode()


def test_an_unknown_support_point_is_a_dutch_404(client: Client, support_point: SupportPoint) -> None:
    response = client.get("/steunpunten/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_support_point_pages_are_read_only(client: Client, support_point: SupportPoint) -> None:
    assert client.post("/steunpunten/utrecht/").status_code == 405
    assert client.post("/steunpunten/").status_code == 405


def test_the_list_shows_every_support_point(
    client: Client, support_point: SupportPoint, other_support_point: SupportPoint
) -> None:
    content = client.get("/steunpunten/").content.decode()
    assert "Steunpunt Utrecht (test)" in content
    assert "Steunpunt Zeeuws-Vlaanderen (test)" in content


def test_the_list_has_an_empty_state(client: Client, db: None) -> None:
    assert "Er staan nog geen steunpunten" in client.get("/steunpunten/").content.decode()


def _list_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/steunpunten/").status_code == 200
    return len(ctx.captured_queries)


def test_the_list_query_count_does_not_grow_with_the_data(
    client: Client, partnerships: dict[str, Partnership], django_assert_max_num_queries: object, settings: object
) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]  # measure the real render, not the page cache
    SupportPoint.objects.create(name="Eerste", slug="eerste", email="e@example.org").partnerships.set(
        partnerships.values()
    )
    few = _list_queries(client)
    for i in range(60):
        SupportPoint.objects.create(
            name=f"Steunpunt {i:02}", slug=f"sp-{i}", email=f"sp{i}@example.org"
        ).partnerships.set(partnerships.values())
    assert _list_queries(client) == few
    with django_assert_max_num_queries(4):  # session, count, page, partnerships
        client.get("/steunpunten/?pagina=2")


def test_pagination_survives_a_bad_page_number(client: Client, support_point: SupportPoint) -> None:
    assert client.get("/steunpunten/?pagina=abc").status_code == 200
    assert client.get("/steunpunten/?pagina=999").status_code == 200


def test_the_support_point_page_has_a_small_constant_query_count(
    client: Client, support_point: SupportPoint, django_assert_max_num_queries: object, settings: object
) -> None:
    settings.PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    with django_assert_max_num_queries(3):
        client.get("/steunpunten/utrecht/")
