"""Text handling for the knowledge base: accent folding, words, Markdown to safe HTML, glossary markers.

The embedded PostgreSQL has no `unaccent`, so the searchable copies of articles are folded here in Python and every
query is folded the same way ("coördinator" and "coordinator" become one word).
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

import markdown
import nh3

WORD_RE = re.compile(r"[0-9a-z]+(?:'[a-z]+)?")
# [[opp]] or [[opp|het ontwikkelingsperspectief]]: a glossary term in an article body.
TERM_MARKER_RE = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
ALLOWED_CLASSES = {"a": {"term-link"}, "span": {"term-explanation"}}


def fold(text: str) -> str:
    """Lowercase and strip accents: 'Coördinator IB’er' → "coordinator ib'er"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return WORD_RE.findall(fold(text))


def term_slugs(body: str) -> list[str]:
    """Glossary slugs marked in a Markdown body, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in TERM_MARKER_RE.finditer(body):
        seen.setdefault(match.group(1), None)
    return list(seen)


def _default_label(slug: str) -> str:
    """Without the glossary at hand: short slugs are abbreviations (OPP), longer ones words (zorgplicht)."""
    return slug.upper() if len(slug) <= 4 else slug.replace("-", " ")


def strip_markers(body: str, labels: dict[str, str] | None = None) -> str:
    """Replace [[slug|text]] by its text (or the term's label) for plain-text uses: search, readability."""

    def label(match: re.Match[str]) -> str:
        return match.group(2) or (labels or {}).get(match.group(1)) or _default_label(match.group(1))

    return TERM_MARKER_RE.sub(label, body)


def render_markdown(
    body: str, labels: dict[str, str] | None = None, *, explanations: dict[str, str] | None = None
) -> str:
    """Markdown → sanitised HTML. Glossary markers become links to the term's explanation on the same page.

    The first time a term appears, its short plain explanation follows inline in brackets, as plain-language
    writing asks; later mentions are only links. Editors' raw HTML is not trusted: nh3 keeps only a small set of
    tags and attributes.
    """
    explained: set[str] = set()

    def link(match: re.Match[str]) -> str:
        slug = match.group(1)
        text = match.group(2) or (labels or {}).get(slug) or _default_label(slug)
        html = f'<a href="#begrip-{slug}" class="term-link">{escape(text)}</a>'
        explanation = (explanations or {}).get(slug, "").strip().rstrip(".")
        if explanation and slug not in explained:
            explained.add(slug)
            html += f' <span class="term-explanation">({escape(explanation)})</span>'
        return html

    html = markdown.markdown(TERM_MARKER_RE.sub(link, body), extensions=["tables", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def plain_text(body: str, labels: dict[str, str] | None = None) -> str:
    """The readable text of a Markdown body, without markup: for snippets, search and the reading level."""
    html = markdown.markdown(strip_markers(body, labels), extensions=["tables", "sane_lists"])
    # Block ends become sentence-like breaks so that headings and list items count as their own sentences.
    html = re.sub(r"</(p|li|h[1-6]|td|th|blockquote)>", "\n", html)
    text = nh3.clean(html, tags=set())
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    return re.sub(r"[ \t]+", " ", re.sub(r"\n\s*\n+", "\n", text)).strip()
