"""Who may see and edit what in the knowledge base. Outside your scope → 404; too low a role → 403 (decorators)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import get_language

from knowledgebase.models import Article, ArticleRevision, translation_languages
from regions.models import SupportPoint


@dataclass(frozen=True)
class ArticleView:
    article: Article
    wanted_language: str
    is_fallback: bool  # the chosen language has no published translation: we show the Dutch original


def get_published_article(request: HttpRequest, slug: str) -> ArticleView:
    """The published article in the visitor's language, or the Dutch original when there is no translation.

    One query: both languages are fetched together and the wanted one wins.
    """
    wanted = (get_language() or "nl")[:2]
    candidates = {
        a.language: a
        for a in Article.objects.published()
        .filter(slug=slug, language__in={wanted, "nl"})
        .select_related("topic", "last_checked_by")
    }
    article = candidates.get(wanted) or candidates.get("nl")
    if article is None:
        raise Http404
    return ArticleView(article=article, wanted_language=wanted, is_fallback=article.language != wanted)


def get_article_for_editor(user: Any, pk: int) -> Article:
    """An article this editor may change: professionals any, coordinators only their own unpublished proposals."""
    article = Article.objects.editable_by(user).select_related("topic").filter(pk=pk).first()
    if article is None:
        raise Http404
    return article


def get_original_for_translation(user: Any, pk: int, language: str) -> Article:
    """A Dutch article this editor may change, to be translated into `language` (404 for other languages)."""
    article = get_article_for_editor(user, pk)
    if article.is_translation or language not in translation_languages():
        raise Http404
    return article


def get_revision_for_editor(user: Any, pk: int, number: int) -> ArticleRevision:
    """A revision of an article this editor may change."""
    article = get_article_for_editor(user, pk)
    revision = article.revisions.select_related("author").filter(number=number).first()
    if revision is None:
        raise Http404
    return revision


def get_support_point_for_supplement(user: Any, slug: str) -> SupportPoint:
    """A support point whose regional supplements this user writes: only its own coordinators (and superusers)."""
    point = SupportPoint.objects.coordinated_by(user).filter(slug=slug).first()
    if point is None:
        raise Http404
    return point
