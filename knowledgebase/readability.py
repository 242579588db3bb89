"""Reading level of Dutch text: Flesch–Douma with a Dutch syllable counter, and hints per sentence.

Flesch–Douma = 206.835 − 0.93 × (words per sentence) − 77 × (syllables per word). Higher is easier; 60 and up
is about B1. We count ourselves instead of using textstat: its Dutch mode counts syllables with hyphenation
patterns ("idee" → 1, "ideeën" → 2) and skips sentences of one or two words, which punishes exactly the short
sentences plain language asks for.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

PASS_MARK = 60.0
LONG_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 5

_VOWELS = set("aeiouyĳ")
# Vowel combinations that sound as one syllable, longest first so that "oei" wins over "oe".
_UNITS = (
    "aai", "ooi", "oei", "eeu", "ieu", "eau",
    "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ui", "ei", "ou", "au",
)  # fmt: skip
_DIAERESIS = "\u0308"
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?:;])\s+|\n+")


def _parts(word: str) -> list[str]:
    """Split a word into base letters, starting a new part at every diaeresis ('ideeën' → ['idee', 'en'])."""
    parts = [""]
    for ch in unicodedata.normalize("NFD", word.lower()):
        if ch == _DIAERESIS:
            parts[-1], last = parts[-1][:-1], parts[-1][-1:]
            parts.append(last)
        elif not unicodedata.combining(ch):
            parts[-1] += ch
    return [p.replace("ij", "ĳ") for p in parts]


def _count_run(run: str) -> int:
    count, i = 0, 0
    while i < len(run):
        step = next((len(u) for u in _UNITS if run.startswith(u, i)), 1)
        count += 1
        i += step
    return count


def syllables(word: str) -> int:
    """Syllables of one Dutch word; abbreviations in capitals are spelled out (TLV: tee-el-vee = 3)."""
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return 1 if any(ch.isdigit() for ch in word) else 0
    if letters.isupper() and len(letters) > 1:
        return len(letters)
    total = 0
    for part in _parts(word):
        run = ""
        for ch in part + " ":
            if ch in _VOWELS:
                run += ch
            elif run:
                total += _count_run(run)
                run = ""
    return max(total, 1)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END_RE.split(text) if _TOKEN_RE.search(s)]


def tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text)


@dataclass(frozen=True)
class Hint:
    kind: str  # "long_sentence" or "long_word"
    text: str
    size: int  # words in the sentence or syllables in the word


@dataclass(frozen=True)
class Readability:
    score: float
    sentence_count: int
    word_count: int
    syllable_count: int
    hints: list[Hint] = field(default_factory=list)

    @property
    def passes(self) -> bool:
        return self.score >= PASS_MARK


def flesch_douma(text: str) -> float:
    return analyse(text).score


def analyse(text: str) -> Readability:
    """Score `text` and list its long sentences and long words (each long word once)."""
    found = sentences(text)
    hints: list[Hint] = []
    seen_words: set[str] = set()
    word_count = syllable_count = 0
    for sentence in found:
        sentence_words = tokens(sentence)
        word_count += len(sentence_words)
        if len(sentence_words) > LONG_SENTENCE_WORDS:
            hints.append(Hint("long_sentence", sentence, len(sentence_words)))
        for word in sentence_words:
            count = syllables(word)
            syllable_count += count
            if count >= LONG_WORD_SYLLABLES and not word.isupper() and word.lower() not in seen_words:
                seen_words.add(word.lower())
                hints.append(Hint("long_word", word, count))
    if not word_count:
        return Readability(0.0, 0, 0, 0, [])
    score = 206.835 - 0.93 * (word_count / len(found)) - 77 * (syllable_count / word_count)
    return Readability(round(score, 1), len(found), word_count, syllable_count, hints)
