"""Knowledge-base articles that may answer a question while the parent is still typing it (the knowledge base's
search-as-you-type, on the subject and the question so far)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation

from knowledgebase import search

MIN_QUERY_LENGTH = 12
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    summary: str = ""


def suggest_articles(text: str, *, tier: int | None = None) -> list[Suggestion]:
    """Up to MAX_SUGGESTIONS published articles matching `text` (subject and question so far)."""
    if len(text.strip()) < MIN_QUERY_LENGTH:
        return []
    articles = search.suggestions(text, language=translation.get_language() or "nl", limit=MAX_SUGGESTIONS)
    return [Suggestion(title=article.title, url=article.get_absolute_url()) for article in articles]
