from __future__ import annotations

import pytest
from django.test import Client

from knowledgebase.models import Topic, ZeroResultSearch
from knowledgebase.seed.loader import LoadResult
from knowledgebase.services import vocabulary_rebuild
from tests.knowledgebase.conftest import bulk_articles

pytestmark = pytest.mark.django_db


def test_it_shows_ranked_results_with_highlighted_snippets(client: Client, seeded: LoadResult) -> None:
    response = client.get("/kennisbank/zoeken/", {"q": "zorgplicht"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Zorgplicht: de school zoekt een passende plek" in content
    assert "<mark>" in content


def test_it_offers_the_corrected_query(client: Client, seeded: LoadResult) -> None:
    content = client.get("/kennisbank/zoeken/", {"q": "dislexie"}).content.decode()
    assert "Bedoelde je:" in content
    assert "?q=dyslexie" in content
    assert "Dyslexie: welke hulp krijgt je kind op school?" in content


def test_snippets_never_carry_html_from_the_article(client: Client, seeded: LoadResult, topic: Topic) -> None:
    from knowledgebase.models import Article

    Article.objects.filter(slug="zorgplicht").update(body_plain="zorgplicht <script>alert(1)</script>")
    content = client.get("/kennisbank/zoeken/", {"q": "zorgplicht"}).content.decode()
    assert "<script>alert" not in content


def test_a_search_without_results_shows_the_route_guide_and_is_logged(client: Client, seeded: LoadResult) -> None:
    content = client.get("/kennisbank/zoeken/", {"q": "Paardrijden op zondag"}).content.decode()
    assert "We vonden niets" in content
    assert "/kennisbank/wat-nu/" in content
    client.get("/kennisbank/zoeken/", {"q": "paardrijden op zondag"})
    logged = ZeroResultSearch.objects.get()
    assert (logged.query, logged.count) == ("paardrijden op zondag", 2)


def test_an_empty_search_shows_the_form(client: Client, seeded: LoadResult) -> None:
    response = client.get("/kennisbank/zoeken/")
    assert response.status_code == 200
    assert not ZeroResultSearch.objects.exists()


def test_search_is_read_only(client: Client, seeded: LoadResult) -> None:
    assert client.post("/kennisbank/zoeken/", {"q": "opp"}).status_code == 405


def test_suggestions_return_matching_titles_as_json(client: Client, seeded: LoadResult) -> None:
    data = client.get("/kennisbank/suggesties/", {"q": "zorgpl"}).json()
    assert data["results"][0]["url"] == "/kennisbank/artikel/zorgplicht/"
    assert client.get("/kennisbank/suggesties/", {"q": "z"}).json() == {"results": []}


def _search_queries(client: Client, django_assert_max_num_queries: object, query: str, budget: int) -> None:
    with django_assert_max_num_queries(budget):  # type: ignore[operator]
        assert client.get("/kennisbank/zoeken/", {"q": query}).status_code == 200


@pytest.mark.parametrize("count", [10, 5000])
def test_the_search_page_costs_the_same_queries_at_any_size(
    client: Client, topic: Topic, django_assert_max_num_queries: object, count: int
) -> None:
    bulk_articles(count, topic)
    vocabulary_rebuild()
    # Planning (corrections, synonyms, weights), the count and the page.
    _search_queries(client, django_assert_max_num_queries, "hulp bij plan gesprekk", 5)
    # No results: the same, plus logging the query (an update, or a savepoint-wrapped insert).
    _search_queries(client, django_assert_max_num_queries, "onbekendwoord", 9)
