"""Searching the knowledge base: Dutch full-text search with typo tolerance, synonyms and accent folding.

A query goes through four steps:
1. fold accents and split into words (knowledgebase.text.words), as the stored search copies were;
2. correct words the articles never use to the nearest word they do use (pg_trgm on the vocabulary);
3. add the synonyms and abbreviations editors keep in SynonymGroup;
4. match every alternative against the weighted `dutch` search vector (title A, summary and terms B, body C),
   rank, and add a bonus when the words resemble the title (trigram word similarity).
Every step is one query, so the page costs the same number of queries for 10 articles or 5,000.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import reduce
from html import escape
from operator import add, or_
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import Greatest
from django.utils.safestring import SafeString, mark_safe

from knowledgebase.models import Article, SearchWord, SynonymGroup
from knowledgebase.text import fold, words

MAX_WORDS = 12
MIN_CORRECTABLE_LENGTH = 4
CORRECTION_SIMILARITY = 0.4
TITLE_BONUS = 0.3
TITLE_MATCH_WORDS = 3
CANDIDATES = 100
HEADLINE_START, HEADLINE_STOP = "\u27e6", "\u27e7"


# Words too common to help find anything; the dutch configuration drops most of them too, but we skip them early so
# they neither get "corrected" nor ranked.
_STOP_WORDS_TEXT = """
de het een en of in op aan bij van voor met naar om te tot uit over door als dan dat die dit deze er
is zijn was ben bent heb hebt heeft hebben wordt worden word kan kun kunnen moet moeten mag mogen
wil willen ik je jij u hij zij ze we wij mijn jouw zijn haar ons onze hun wat wie waar wanneer hoe
waarom welke niet geen nog al ook wel maar want dus nu zo heel erg veel meer
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
COMMON_SHARE = 0.5  # a word in more than half of the articles says little about any of them


@dataclass
class SearchPlan:
    """What we understood of a query: the words, their corrections, the synonyms we added, and their weights."""

    text: str
    words: list[str]
    corrections: dict[str, str] = field(default_factory=dict)
    synonyms: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)  # words no article uses and no correction was found for

    @property
    def alternatives(self) -> list[str]:
        seen: dict[str, None] = {}
        for word in [*self.words, *self.corrections.values(), *self.synonyms]:
            if word not in STOP_WORDS:
                seen.setdefault(word, None)
        return list(seen)

    @property
    def terms(self) -> list[str]:
        """The alternatives worth matching: rare enough to tell articles apart (all of them if none is)."""
        useful = [t for t in self.alternatives if self.weights.get(t, 1.0) > 0]
        return useful or self.alternatives

    @property
    def corrected_text(self) -> str:
        """The query with typos replaced, for 'Bedoelde je …?'; empty when nothing was corrected."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, word) for word in self.words)

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def term_query(self, term: str) -> SearchQuery:
        return SearchQuery(term, search_type="phrase", config="dutch")

    def search_query(self) -> SearchQuery | None:
        queries = [self.term_query(term) for term in self.terms]
        return reduce(or_, queries) if queries else None

    def rank(self) -> Any:
        """Sum over the terms of their rank in the article times their rarity (an idf weight)."""
        parts = [
            SearchRank(F("search_vector"), self.term_query(term), normalization=Value(1))
            * Value(max(self.weights.get(term, 1.0), 0.05))
            for term in self.terms
        ]
        return reduce(add, parts)


def corrections_for(candidates: list[str]) -> dict[str, str]:
    """Map each word the articles do not contain to the most similar word they do contain (one query)."""
    candidates = [w for w in candidates if len(w) >= MIN_CORRECTABLE_LENGTH and not w.isdigit() and w not in STOP_WORDS]
    if not candidates:
        return {}
    table = SearchWord._meta.db_table
    sql = f"""
        SELECT q.w, best.word
        FROM unnest(%s::text[]) AS q(w)
        JOIN LATERAL (
            SELECT v.word, similarity(v.word, q.w) AS sim
            FROM {table} v
            WHERE v.word %% q.w
            ORDER BY sim DESC, v.article_count DESC, v.word
            LIMIT 1
        ) best ON best.sim >= %s
        WHERE NOT EXISTS (SELECT 1 FROM {table} known WHERE known.word = q.w)
    """  # noqa: S608 - the table name is ours; the words are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [candidates, CORRECTION_SIMILARITY])
        return dict(cursor.fetchall())


def _phrases(tokens: list[str], longest: int = 3) -> list[str]:
    return [" ".join(tokens[i : i + n]) for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)]


def synonyms_for(tokens: list[str]) -> list[str]:
    """Every term of every synonym group that shares a word or phrase with the query (one query)."""
    phrases = _phrases(tokens)
    if not phrases:
        return []
    found: list[str] = []
    for terms in SynonymGroup.objects.filter(terms__overlap=phrases).values_list("terms", flat=True):
        found.extend(term for term in terms if term not in phrases)
    return found


def vocabulary_counts(terms: list[str]) -> tuple[dict[str, int], int]:
    """Per word of `terms`: in how many articles it occurs; and the count of the most common word (one query)."""
    every_word = sorted({w for term in terms for w in term.split()})
    table = SearchWord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, article_count FROM {table} WHERE word = ANY(%s) "  # noqa: S608
            f"UNION ALL SELECT '', coalesce(max(article_count), 0) FROM {table}",
            [every_word],
        )
        counts = dict(cursor.fetchall())
    return counts, max(counts.pop("", 0), 1)


def weights_for(terms: list[str], counts: dict[str, int], total: int) -> dict[str, float]:
    """An idf weight per term from the vocabulary's article counts: rare words count more.

    A phrase weighs as its rarest word. Words in more than half of the articles get 0: they are left out.
    """
    weights: dict[str, float] = {}
    for term in terms:
        count = min((counts.get(w, 0) for w in term.split()), default=0)
        weights[term] = 0.0 if count > total * COMMON_SHARE else math.log((total + 1) / (count + 0.5))
    return weights


def plan(text: str) -> SearchPlan:
    tokens = words(text)[:MAX_WORDS]
    result = SearchPlan(text=text.strip(), words=tokens)
    if not tokens:
        return result
    result.corrections = corrections_for(tokens)
    corrected = [result.corrections.get(word, word) for word in tokens]
    result.synonyms = synonyms_for(corrected + list(result.corrections))
    counts, total = vocabulary_counts(result.alternatives)
    result.weights = weights_for(result.alternatives, counts, total)
    result.unknown = [
        word for word in tokens if word not in STOP_WORDS and word not in result.corrections and not counts.get(word)
    ]
    return result


def ranked_ids(search_plan: SearchPlan, *, language: str = "nl") -> list[int]:
    """Ids of the published articles matching the plan, best first, at most CANDIDATES (one query).

    Two phases in one statement: the matches are cut to the best CANDIDATES by one cheap rank, and only those get
    the rarity-weighted rank (one ts_rank per term) and the title bonus. Ranking every match per term made a
    search over 5,000 articles cost about 100 ms of database time.
    """
    query = search_plan.search_query()
    if query is None:
        return []
    matches = Q(search_vector=query)
    if search_plan.unknown and len(search_plan.words) <= TITLE_MATCH_WORDS:
        # A short query with a word the vocabulary could not correct ("toelatbaarheid") also matches titles that
        # merely resemble it. Only then: the trigram test runs on every title and turns the index scan into a
        # sequential scan (about 20 ms at 5,000 articles).
        matches |= Q(search_title__trigram_word_similar=fold(search_plan.text)[:200])
    candidates = (
        Article.objects.published()
        .in_language(language)
        .filter(matches)
        .annotate(quick=SearchRank(F("search_vector"), query))
        .order_by("-quick")
        .values("pk")[:CANDIDATES]
    )
    folded = fold(" ".join(search_plan.terms))[:200]
    return list(
        Article.objects.filter(pk__in=candidates)
        .annotate(
            rank=search_plan.rank()
            + Value(TITLE_BONUS) * Greatest(TrigramWordSimilarity(Value(folded), "search_title"), Value(0.0))
        )
        .order_by("-rank", "title")
        .values_list("pk", flat=True)
    )


def page_articles(search_plan: SearchPlan, ids: list[int]) -> list[Article]:
    """The articles for one page of results, in the given order, each with a highlighted `snippet` (one query)."""
    query = search_plan.search_query()
    if not ids or query is None:
        return []
    found = {
        article.pk: article
        for article in Article.objects.filter(pk__in=ids)
        .select_related("topic")
        .only("slug", "title", "summary", "language", "topic__name", "topic__slug")
        .annotate(
            snippet=SearchHeadline(
                "body_plain",
                query,
                config="dutch",
                start_sel=HEADLINE_START,
                stop_sel=HEADLINE_STOP,
                max_words=28,
                min_words=12,
                max_fragments=1,
            )
        )
    }
    return [found[pk] for pk in ids if pk in found]


def search_ranked_slugs(text: str, *, limit: int = 3) -> list[str]:
    """The slugs of the best `limit` results: used by the search-quality test."""
    ids = ranked_ids(plan(text))[:limit]
    slugs = dict(Article.objects.filter(pk__in=ids).values_list("pk", "slug"))
    return [slugs[pk] for pk in ids]


def highlight(snippet: str) -> SafeString:
    """Escape a headline and turn our markers into <mark>: the article text itself is never trusted as HTML."""
    html = escape(snippet).replace(HEADLINE_START, "<mark>").replace(HEADLINE_STOP, "</mark>")
    return mark_safe(re.sub(r"\s+", " ", html))  # noqa: S308 - escaped above


def suggestions(text: str, *, language: str = "nl", limit: int = 6) -> list[Article]:
    """Titles for the search box while typing: prefix matches in the vector, then title resemblance."""
    tokens = [re.sub(r"[^0-9a-z]", "", w) for w in words(text)[:MAX_WORDS]]
    tokens = [t for t in tokens if t]
    if not tokens:
        return []
    prefix = SearchQuery(" & ".join(f"{t}:*" for t in tokens), search_type="raw", config="dutch")
    folded = fold(text)[:200]
    similarity = TrigramWordSimilarity(Value(folded), "search_title")
    return list(
        Article.objects.published()
        .in_language(language)
        .filter(Q(search_vector=prefix) | Q(search_title__trigram_word_similar=folded))
        .annotate(score=Greatest(similarity, Value(0.0), output_field=FloatField()))
        .only("slug", "title")
        .order_by("-score", "title")[:limit]
    )
