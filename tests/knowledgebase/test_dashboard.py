from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import Article, ArticleVote
from knowledgebase.seed.loader import LoadResult

pytestmark = pytest.mark.django_db


def test_professionals_see_overdue_low_rated_and_zero_result_searches(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    Article.objects.filter(slug="vrijstelling").update(review_due="2020-01-01")
    opp = Article.objects.get(slug="opp", language="nl")
    ArticleVote.objects.bulk_create(ArticleVote(article=opp, voter=str(i), helpful=i == 0) for i in range(6))
    client_for("anonymous").get("/kennisbank/zoeken/", {"q": "paardrijden"})
    content = client_for("professional").get("/kennisbank/redactie/").content.decode()
    assert "Vrijstelling van de leerplicht" in content
    assert "Het OPP: het plan voor je kind" in content
    assert "paardrijden" in content


def test_coordinators_see_their_proposals_and_supplements(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    content = client_for("coordinator").get("/kennisbank/redactie/").content.decode()
    assert "Jouw voorstellen" in content
    assert "Regionale aanvullingen" in content
    assert "Zoekvragen zonder resultaat" not in content
