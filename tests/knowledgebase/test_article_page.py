from __future__ import annotations

import pytest
from django.test import Client

from knowledgebase.models import Article, ArticleStatus, RegionalSupplement, Topic
from knowledgebase.seed.loader import LoadResult
from knowledgebase.services import supplement_save
from regions.models import SupportPoint
from tests.knowledgebase.conftest import bulk_articles

pytestmark = pytest.mark.django_db


def test_it_shows_the_plain_body_the_deeper_layer_and_the_glossary(client: Client, seeded: LoadResult) -> None:
    response = client.get("/kennisbank/artikel/zorgplicht/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Zorgplicht: de school zoekt een passende plek</h1>" in content
    assert "Meer weten" in content
    assert 'id="begrip-tlv"' in content
    assert 'href="#begrip-tlv"' in content
    # The first mention of a term explains it inline, in plain words.
    assert '<span class="term-explanation">(' in content
    assert "Laatst gecontroleerd op" in content
    assert "nog niet vertaald" not in content


def test_a_parent_in_the_region_sees_the_supplement(
    client: Client, seeded: LoadResult, support_point: SupportPoint, other_support_point: SupportPoint
) -> None:
    supplement_save(article_slug="zorgplicht", support_point=support_point, body="Bel **Utrecht**.", by=None)
    supplement_save(article_slug="zorgplicht", support_point=other_support_point, body="Bel Zeeland.", by=None)
    assert "Zo werkt het in jouw regio" not in client.get("/kennisbank/artikel/zorgplicht/").content.decode()
    client.post("/regio/kiezen/", {"q": "3511"})
    content = client.get("/kennisbank/artikel/zorgplicht/").content.decode()
    assert "Zo werkt het in jouw regio" in content
    assert "Bel <strong>Utrecht</strong>." in content
    assert "Bel Zeeland." not in content


def _choose_english(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})


def test_an_english_visitor_gets_the_translation(client: Client, seeded: LoadResult) -> None:
    _choose_english(client)
    content = client.get("/kennisbank/artikel/het-steunpunt/").content.decode()
    assert "The parent and youth support point" in content
    assert "nog niet vertaald" not in content


def test_without_a_translation_the_dutch_article_is_shown_with_a_notice(client: Client, seeded: LoadResult) -> None:
    _choose_english(client)
    content = client.get("/kennisbank/artikel/zorgplicht/").content.decode()
    assert "This article has not been translated yet. You are reading the Dutch version." in content
    assert "Zorgplicht: de school zoekt een passende plek" in content
    assert 'lang="nl"' in content


def test_drafts_and_unknown_articles_are_not_found(client: Client, seeded: LoadResult) -> None:
    Article.objects.filter(slug="opp").update(status=ArticleStatus.DRAFT)
    assert client.get("/kennisbank/artikel/opp/").status_code == 404
    assert client.get("/kennisbank/artikel/bestaat-niet/").status_code == 404


def test_the_article_page_is_read_only(client: Client, seeded: LoadResult) -> None:
    assert client.post("/kennisbank/artikel/zorgplicht/").status_code == 405


@pytest.mark.parametrize("count", [10, 5000])
def test_the_article_page_costs_the_same_queries_at_any_size(
    client: Client,
    seeded: LoadResult,
    topic: Topic,
    support_point: SupportPoint,
    django_assert_max_num_queries: object,
    count: int,
) -> None:
    bulk_articles(count, topic)
    article = Article.objects.get(slug="zorgplicht", language="nl")
    article.related.add(*Article.objects.filter(slug__startswith="gen-")[:count])
    RegionalSupplement.objects.create(article_slug="zorgplicht", support_point=support_point, body="Bel ons.")
    client.post("/regio/kiezen/", {"q": "3511"})
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        assert client.get("/kennisbank/artikel/zorgplicht/").status_code == 200


@pytest.mark.parametrize("count", [10, 5000])
def test_the_topic_page_costs_the_same_queries_at_any_size(
    client: Client, topic: Topic, django_assert_max_num_queries: object, count: int
) -> None:
    bulk_articles(count, topic)
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        response = client.get(f"/kennisbank/onderwerp/{topic.slug}/")
    assert response.status_code == 200
