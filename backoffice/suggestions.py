"""Knowledge-base articles that may answer a question while the parent is still typing it.

The hook for the knowledge base (built in another branch): until it is merged there is nothing to suggest and the
page shows nothing. After the merge, `suggest_articles` should call the knowledge base's search (see the report).
"""

from __future__ import annotations

from dataclasses import dataclass

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
    return []
