"""Knowledge-base fixtures: the seed content, and bulk articles for query budgets."""

from __future__ import annotations

import pytest

from knowledgebase.models import Article, ArticleStatus, Topic
from knowledgebase.seed.loader import LoadResult, load_knowledgebase
from knowledgebase.text import fold


@pytest.fixture
def seeded(db: None) -> LoadResult:
    return load_knowledgebase()


@pytest.fixture
def topic(db: None) -> Topic:
    return Topic.objects.create(tier=3, name="Zorgplicht", slug="zorgplicht-test")


def bulk_articles(count: int, topic: Topic, *, prefix: str = "gen") -> None:
    """`count` published articles in one insert, with their folded search copies (as the services would make)."""
    words = ["school", "steun", "ouder", "leerling", "plan", "gesprek", "regio", "hulp", "klas", "toets"]
    articles = []
    for i in range(count):
        title = f"Artikel {i} over {words[i % 10]} en {words[(i * 7) % 10]}"
        body = f"Uitleg {i}: de {words[(i * 3) % 10]} helpt bij {words[(i * 5) % 10]}. Vraag het op school."
        articles.append(
            Article(
                slug=f"{prefix}-{i}",
                topic=topic,
                title=title,
                summary=f"Samenvatting {i}",
                body=body,
                body_plain=body,
                body_html=f"<p>{body}</p>",
                search_title=fold(title),
                search_summary=f"samenvatting {i}",
                search_body=fold(body),
                status=ArticleStatus.PUBLISHED,
                readability=80,
            )
        )
    Article.objects.bulk_create(articles, batch_size=1000)
