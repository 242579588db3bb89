"""Editors read what parents wrote under 'Was dit nuttig?': on the dashboard, the article's page and a full list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import Article, ArticleVote, Topic
from knowledgebase.seed.loader import LoadResult
from tests.knowledgebase.conftest import bulk_articles

pytestmark = pytest.mark.django_db


def _votes(article: Article, count: int, *, comment: str = "Te lang") -> None:
    ArticleVote.objects.bulk_create(
        ArticleVote(article=article, voter=f"v{i}", helpful=i == 0, comment=f"{comment} {i}") for i in range(count)
    )


def test_comments_show_on_the_dashboard_the_editor_page_and_the_feedback_page(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    opp = Article.objects.get(slug="opp", language="nl")
    _votes(opp, 6, comment="Ik snap het woord handelingsdeel niet")
    client = client_for("professional")

    dashboard = client.get("/kennisbank/redactie/").content.decode()
    assert "Ik snap het woord handelingsdeel niet 5" in dashboard
    assert f"/kennisbank/redactie/artikelen/{opp.pk}/reacties/" in dashboard

    editor = client.get(f"/kennisbank/redactie/artikelen/{opp.pk}/").content.decode()
    assert "1 keer ja, 5 keer nee." in editor and "Alle 6 opmerkingen" in editor

    feedback = client.get(f"/kennisbank/redactie/artikelen/{opp.pk}/reacties/").content.decode()
    assert all(f"handelingsdeel niet {i}" in feedback for i in range(6))


def test_the_feedback_page_has_an_empty_state(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    opp = Article.objects.get(slug="opp", language="nl")
    content = client_for("professional").get(f"/kennisbank/redactie/artikelen/{opp.pk}/reacties/").content.decode()
    assert "Nog geen opmerkingen." in content


@pytest.mark.parametrize("count", [10, 5000])
def test_the_feedback_page_and_the_dashboard_cost_the_same_queries_at_any_size(
    client_for: Callable[[str], Client],
    professional: User,
    topic: Topic,
    django_assert_max_num_queries: object,
    count: int,
) -> None:
    bulk_articles(count, topic)
    article = Article.objects.order_by("pk").first()
    assert article is not None
    _votes(article, min(count, 200))
    client = client_for("professional")
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert client.get(f"/kennisbank/redactie/artikelen/{article.pk}/reacties/?pagina=2").status_code == 200
    with django_assert_max_num_queries(14):  # type: ignore[operator]
        assert client.get("/kennisbank/redactie/").status_code == 200
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        assert client.get("/kennisbank/redactie/artikelen/?pagina=3").status_code == 200
