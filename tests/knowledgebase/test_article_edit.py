"""Writing articles: proposals by coordinators, new versions, diffs and reverts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import Article, ArticleRevision, ArticleStatus
from knowledgebase.seed.loader import LoadResult

pytestmark = pytest.mark.django_db

NEW = "/kennisbank/redactie/artikelen/nieuw/"


def _form(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Naar school met een rolstoel",
        "slug": "rolstoel",
        "topic": "",
        "summary": "Wat de school moet regelen.",
        "body": "De school moet een [[arrangement]] zoeken. Vraag het op tijd.",
        "body_more": "",
        "needs": ["motor"],
        "sectors": ["PO"],
        "note": "",
    }
    data.update(changes)
    return data


def test_a_coordinator_proposes_an_article_as_a_draft(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    topic = Article.objects.get(slug="arrangement").topic_id
    response = client_for("coordinator").post(NEW, _form(topic=topic))
    article = Article.objects.get(slug="rolstoel")
    assert response.status_code == 302
    assert article.status == ArticleStatus.DRAFT
    assert article.created_by == coordinator
    assert list(article.terms.values_list("slug", flat=True)) == ["arrangement"]
    revision = article.revisions.get()
    assert (revision.number, revision.author) == (1, coordinator)


def test_unknown_glossary_terms_and_taken_slugs_are_refused(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    topic = Article.objects.get(slug="arrangement").topic_id
    client = client_for("professional")
    response = client.post(NEW, _form(topic=topic, body="Zie [[bestaat-niet]]."))
    assert response.status_code == 400
    assert "Deze begrippen staan niet in de begrippenlijst: bestaat-niet." in response.content.decode()
    response = client.post(NEW, _form(topic=topic, slug="zorgplicht"))
    assert "Er is al een artikel met deze korte naam." in response.content.decode()


def test_each_save_adds_a_version_with_author_and_the_diff_shows_it(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    article = Article.objects.get(slug="opp", language="nl")
    client = client_for("professional")
    url = f"/kennisbank/redactie/artikelen/{article.pk}/"
    data = _form(topic=article.topic_id, title=article.title, summary=article.summary, body="Nieuwe tekst.")
    data.pop("slug")
    assert client.post(url, data).status_code == 302
    latest = article.revisions.order_by("-number").first()
    assert latest is not None and (latest.number, latest.author) == (2, professional)
    diff = client.get(f"{url}versies/2/").content.decode()
    assert "<ins>" in diff and "Nieuwe tekst." in diff
    assert "<del>" in diff and "Verwijderd:" in diff
    history = client.get(f"{url}versies/").content.decode()
    assert "Hanna" in history


def test_a_revert_brings_an_old_version_back_as_a_new_one(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    article = Article.objects.get(slug="opp", language="nl")
    original = article.body
    client = client_for("professional")
    url = f"/kennisbank/redactie/artikelen/{article.pk}/"
    data = _form(topic=article.topic_id, title=article.title, summary=article.summary, body="Nieuwe tekst.")
    data.pop("slug")
    client.post(url, data)
    assert "terugzetten?" in client.get(f"{url}versies/1/terugzetten/").content.decode()
    assert client.post(f"{url}versies/1/terugzetten/").status_code == 302
    article.refresh_from_db()
    assert article.body == original
    assert ArticleRevision.objects.filter(article=article).count() == 3
    assert "opp" in [a.slug for a in Article.objects.filter(search_body__contains="handelingsdeel")]


def test_a_coordinator_cannot_edit_a_published_article(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    article = Article.objects.get(slug="opp", language="nl")
    assert client_for("coordinator").get(f"/kennisbank/redactie/artikelen/{article.pk}/").status_code == 404


def test_the_editor_shows_the_reading_level_with_hints(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    article = Article.objects.get(slug="opp", language="nl")
    content = client_for("professional").get(f"/kennisbank/redactie/artikelen/{article.pk}/").content.decode()
    assert "Leesbaarheid (Flesch–Douma)" in content
    assert "goed: 60 of hoger" in content
