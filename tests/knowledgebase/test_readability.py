from __future__ import annotations

import pytest

from knowledgebase.readability import PASS_MARK, analyse, flesch_douma, sentences, syllables
from knowledgebase.seed import GLOSSARY
from knowledgebase.seed.loader import seed_articles
from knowledgebase.text import plain_text


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("school", 1),
        ("ouder", 2),
        ("idee", 2),
        ("ideeën", 3),
        ("coördinator", 5),
        ("zorgplicht", 2),
        ("leerplichtambtenaar", 5),
        ("toelaatbaarheidsverklaring", 7),
        ("groeien", 2),
        ("nieuwe", 2),
        ("situatie", 4),
        ("TLV", 3),
        ("6", 1),
    ],
)
def test_it_counts_dutch_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_short_sentences_count_as_sentences() -> None:
    assert len(sentences("Ja. Dat klopt. De school moet binnen zes weken een plek bieden.")) == 3


def test_the_score_follows_the_flesch_douma_formula() -> None:
    text = "De school zoekt een plek. Dat duurt zes weken."
    # 9 words, 2 sentences, 10 syllables ("weken" has two).
    assert flesch_douma(text) == round(206.835 - 0.93 * 9 / 2 - 77 * 10 / 9, 1)


def test_long_text_scores_low_and_gets_hints() -> None:
    text = (
        "De toelaatbaarheidsverklaring wordt door het samenwerkingsverband afgegeven nadat twee onafhankelijke "
        "deskundigen, waaronder in voorkomende gevallen een orthopedagoog-generalist, schriftelijk hebben "
        "geadviseerd over de noodzakelijke ondersteuningsbehoefte van de betreffende leerling."
    )
    result = analyse(text)
    assert result.score < PASS_MARK
    assert {hint.kind for hint in result.hints} == {"long_sentence", "long_word"}
    assert any(hint.text == "toelaatbaarheidsverklaring" for hint in result.hints)


def test_empty_text_scores_zero() -> None:
    assert analyse("").score == 0


@pytest.mark.parametrize("seed", [s for s in seed_articles() if s.language == "nl"], ids=lambda s: s.slug)
def test_every_dutch_seed_article_meets_the_reading_level(seed: object) -> None:
    labels = {slug: term for slug, term, _explanation in GLOSSARY}
    assert flesch_douma(plain_text(seed.body, labels)) >= PASS_MARK  # type: ignore[attr-defined]
