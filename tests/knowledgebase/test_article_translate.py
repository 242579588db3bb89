"""Editors write a translation of an article in the same workflow: a draft with versions, reviewed and published."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import Article, ArticleStatus
from knowledgebase.seed.loader import LoadResult

pytestmark = pytest.mark.django_db

ENGLISH = {
    "title": "The OPP: the plan for your child",
    "summary": "What the development plan is and why you must agree to part of it.",
    "body": "The school writes a plan for your child. You have to agree to the action part. Ask for a meeting.",
    "note": "First translation",
}


def _opp() -> Article:
    return Article.objects.get(slug="opp", language="nl")


def test_the_form_starts_from_the_dutch_text_and_says_the_score_is_for_dutch_only(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    response = client_for("professional").get(f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/")
    content = response.content.decode()
    assert response.status_code == 200
    assert _opp().title in content
    assert "werkt alleen voor Nederlandse tekst" in content


def test_a_professional_writes_reviews_and_publishes_a_translation(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    client = client_for("professional")
    response = client.post(f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/", ENGLISH)
    translated = Article.objects.get(slug="opp", language="en")
    assert response.status_code == 302 and response["Location"].endswith(f"/artikelen/{translated.pk}/")
    assert translated.status == ArticleStatus.DRAFT and translated.topic_id == _opp().topic_id
    assert translated.needs == _opp().needs and translated.revisions.get().author == professional
    assert translated.readability == 0 and not translated.readability_applies

    editor_page = client.get(f"/kennisbank/redactie/artikelen/{translated.pk}/").content.decode()
    assert "Vertaling van" in editor_page and "Niet gemeten" in editor_page

    client.post(f"/kennisbank/redactie/artikelen/{translated.pk}/status/", {"action": "publish"})
    translated.refresh_from_db()
    assert translated.status == ArticleStatus.PUBLISHED and translated.readability_override_reason == ""
    visitor = client_for("anonymous")
    visitor.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = visitor.get("/kennisbank/artikel/opp/")
    assert "The school writes a plan for your child." in english.content.decode()


def test_the_original_links_to_its_translations(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    client = client_for("professional")
    page = client.get(f"/kennisbank/redactie/artikelen/{_opp().pk}/").content.decode()
    assert f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/" in page
    client.post(f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/", ENGLISH)
    page = client.get(f"/kennisbank/redactie/artikelen/{_opp().pk}/").content.decode()
    assert ENGLISH["title"] in page


def test_an_existing_translation_is_opened_instead_of_made_twice(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    client = client_for("professional")
    client.post(f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/", ENGLISH)
    response = client.get(f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/")
    assert response["Location"].endswith(f"/artikelen/{Article.objects.get(slug='opp', language='en').pk}/")


def test_a_form_with_errors_is_shown_again(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    response = client_for("professional").post(
        f"/kennisbank/redactie/artikelen/{_opp().pk}/vertaling/en/", {"title": ""}
    )
    assert response.status_code == 400
    assert "Vul een titel in." in response.content.decode()
    assert not Article.objects.filter(slug="opp", language="en").exists()


def test_a_translation_cannot_be_translated_again(
    client_for: Callable[[str], Client], professional: User, seeded: LoadResult
) -> None:
    english = Article.objects.get(slug="het-steunpunt", language="en")
    assert (
        client_for("professional").get(f"/kennisbank/redactie/artikelen/{english.pk}/vertaling/en/").status_code == 404
    )
