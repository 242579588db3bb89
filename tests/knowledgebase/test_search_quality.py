"""Search quality against thirty-odd questions as parents type them: the right article in the top 3 for ≥ 90%."""

from __future__ import annotations

import pytest

from knowledgebase.models import SynonymGroup
from knowledgebase.search import plan, search_ranked_slugs
from knowledgebase.seed.loader import LoadResult
from tests.knowledgebase.search_questions import PARENT_QUESTIONS

pytestmark = pytest.mark.django_db


def test_at_least_ninety_percent_of_parent_questions_find_their_article_in_the_top_three(seeded: LoadResult) -> None:
    misses = [(q, slug) for q, slug in PARENT_QUESTIONS if slug not in search_ranked_slugs(q, limit=3)]
    assert len(PARENT_QUESTIONS) >= 30
    assert len(misses) / len(PARENT_QUESTIONS) <= 0.10, misses


def test_a_typo_is_corrected_to_a_word_the_articles_use(seeded: LoadResult) -> None:
    assert plan("dislexie").corrections == {"dislexie": "dyslexie"}
    assert search_ranked_slugs("dislexie", limit=1) == ["dyslexie-op-school"]


def test_a_misspelt_long_word_finds_the_tlv_articles(seeded: LoadResult) -> None:
    assert "tlv" in search_ranked_slugs("toelatbaarheid", limit=2)


def test_accents_do_not_matter(seeded: LoadResult) -> None:
    assert search_ranked_slugs("coordinator") == search_ranked_slugs("coördinator")
    assert search_ranked_slugs("zorgcoordinator")


def test_an_abbreviation_finds_the_written_out_word(seeded: LoadResult) -> None:
    assert "ontwikkelingsperspectief" in plan("OPP").synonyms
    assert "opp" in search_ranked_slugs("ontwikkelingsperspectief")


def test_editors_synonyms_change_the_search_at_once(seeded: LoadResult) -> None:
    assert "opp" not in plan("groeidocument").alternatives
    SynonymGroup.objects.create(terms=["groeidocument", "opp"])
    assert "opp" in plan("groeidocument").alternatives


def test_a_query_of_only_common_words_finds_nothing_rather_than_everything(seeded: LoadResult) -> None:
    assert plan("wat is het").is_empty
