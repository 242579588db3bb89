from __future__ import annotations

from knowledgebase.text import fold, plain_text, render_markdown, term_slugs, words


def test_folding_removes_accents_and_case() -> None:
    assert fold("Coördinator IB’er Ideeën") == "coordinator ib'er ideeen"


def test_words_are_folded_tokens() -> None:
    assert words("De coördinator, de IB'er!") == ["de", "coordinator", "de", "ib'er"]


def test_markdown_is_rendered_without_raw_html() -> None:
    html = render_markdown('# Kop\n\nTekst <script>alert(1)</script> <img src=x onerror="x()">\n\n[link](javascript:x)')
    assert "<script" not in html
    assert "onerror" not in html
    assert "<img" not in html
    assert "javascript:" not in html
    assert "Tekst" in html


def test_glossary_markers_become_links_to_the_explanation() -> None:
    html = render_markdown("Vraag om een [[opp]] of [[tlv|toelaatbaarheidsverklaring]].", {"opp": "OPP"})
    assert '<a href="#begrip-opp" class="term-link"' in html
    assert ">OPP</a>" in html
    assert ">toelaatbaarheidsverklaring</a>" in html


def test_term_slugs_are_found_once_in_order() -> None:
    assert term_slugs("[[tlv]] en [[opp]] en [[tlv|TLV]]") == ["tlv", "opp"]


def test_plain_text_drops_markup_and_keeps_sentences_apart() -> None:
    text = plain_text("## Kop\n\n- een\n- twee\n\nZie [[opp]].", {"opp": "OPP"})
    assert text.splitlines() == ["Kop", "een", "twee", "Zie OPP."]


def test_a_terms_first_mention_carries_its_plain_explanation_inline() -> None:
    html = render_markdown(
        "Het [[opp]] staat op papier. Later lees je het [[opp]] nog eens.",
        {"opp": "OPP"},
        explanations={"opp": "Het plan voor de extra hulp aan je kind."},
    )
    assert html.count('<span class="term-explanation">(Het plan voor de extra hulp aan je kind)</span>') == 1
    assert html.index("term-explanation") < html.index("Later")
    assert html.count('class="term-link"') == 2


def test_an_explanation_cannot_smuggle_markup() -> None:
    html = render_markdown("Een [[tlv]].", explanations={"tlv": "<script>x()</script> Toestemming"})
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
