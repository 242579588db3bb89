"""Draft → in review → published → archived: who may do what, and the reading-level bar."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from accounts.models import User
from knowledgebase.models import Article, ArticleStatus, Topic
from knowledgebase.services import ArticleContent, article_create

pytestmark = pytest.mark.django_db

EASY = ArticleContent("Makkelijk", "Kort.", "De school helpt. Dat is fijn. Vraag het op tijd.")
HARD = ArticleContent(
    "Moeilijk",
    "Lang.",
    "De toelaatbaarheidsverklaring wordt door het samenwerkingsverband afgegeven nadat twee onafhankelijke "
    "deskundigen, waaronder in voorkomende gevallen een orthopedagoog-generalist, schriftelijk hebben "
    "geadviseerd over de noodzakelijke ondersteuningsbehoefte van de betreffende leerling.",
)


def _article(content: ArticleContent, author: User, topic: Topic) -> Article:
    return article_create(author=author, slug=content.title.lower(), topic=topic, content=content)


def _status(client: Client, article: Article, **data: str) -> None:
    client.post(f"/kennisbank/redactie/artikelen/{article.pk}/status/", data)


def test_a_coordinator_submits_and_a_professional_publishes(
    client_for: Callable[[str], Client], coordinator: User, professional: User, topic: Topic
) -> None:
    article = _article(EASY, coordinator, topic)
    _status(client_for("coordinator"), article, action="submit")
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW
    _status(client_for("coordinator"), article, action="publish")
    article.refresh_from_db()
    assert article.status == ArticleStatus.REVIEW
    _status(client_for("professional"), article, action="publish")
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.last_checked_by == professional
    assert article.review_due is not None


def test_a_hard_text_needs_a_reason_to_be_published(
    client_for: Callable[[str], Client], professional: User, topic: Topic
) -> None:
    article = _article(HARD, professional, topic)
    assert article.readability < 60
    client = client_for("professional")
    _status(client, article, action="publish")
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT
    _status(client, article, action="publish", override_reason="Juridische tekst, met uitleg ernaast.")
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert article.readability_override_by == professional


def test_the_database_refuses_a_hard_article_published_without_a_reason(professional: User, topic: Topic) -> None:
    article = _article(HARD, professional, topic)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)


def test_archiving_takes_an_article_offline_and_checking_moves_the_review_date(
    client_for: Callable[[str], Client], professional: User, topic: Topic
) -> None:
    article = _article(EASY, professional, topic)
    client = client_for("professional")
    _status(client, article, action="publish")
    Article.objects.filter(pk=article.pk).update(review_due="2020-01-01")
    _status(client, article, action="checked")
    article.refresh_from_db()
    assert not article.is_review_overdue
    _status(client, article, action="archive")
    article.refresh_from_db()
    assert article.status == ArticleStatus.ARCHIVED
    assert client.get(f"/kennisbank/artikel/{article.slug}/").status_code == 404


def test_status_changes_need_post(client_for: Callable[[str], Client], professional: User, topic: Topic) -> None:
    article = _article(EASY, professional, topic)
    assert client_for("professional").get(f"/kennisbank/redactie/artikelen/{article.pk}/status/").status_code == 405
