"""A parent, keyboard only: searches with a typo, reads the article with their region's supplement, rates it, and
walks the route guide to a result. Zero axe violations on every page; the HTML is validated at the end of the run."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from knowledgebase.seed.loader import load_knowledgebase
from knowledgebase.services import supplement_save
from regions.models import SupportPoint
from tests.support.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser


def tab_to(page: Page, target: Locator, *, limit: int = 80) -> None:
    """Press Tab until `target` has the keyboard focus (fails if it never gets there)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def press_on(page: Page, target: Locator, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


@pytest.fixture
def knowledge_base(transactional_db: None, support_point: SupportPoint) -> None:
    load_knowledgebase()
    supplement_save(
        article_slug="dyslexie-op-school",
        support_point=support_point,
        body="In Utrecht helpt **de leescoach** je.",
        by=None,
    )


def test_a_parent_finds_reads_rates_and_gets_a_route(page: Page, knowledge_base: None) -> None:
    page.goto("/regio/kiezen/")
    tab_to(page, page.get_by_role("textbox", name="Postcode of woonplaats"))
    page.keyboard.type("3511")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Je regio is nu 3511 Utrecht.")).to_be_visible()

    page.goto("/kennisbank/")
    assert_no_axe_violations(page)
    tab_to(page, page.get_by_role("searchbox", name="Waar ben je naar op zoek?"))
    page.keyboard.type("dislexie hulp")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Bedoelde je:")).to_be_visible()
    assert_no_axe_violations(page)

    press_on(page, page.get_by_role("link", name="Dyslexie: welke hulp krijgt je kind op school?"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dyslexie: welke hulp krijgt je kind op school?")
    supplement = page.get_by_role("region", name="Zo werkt het in jouw regio")
    expect(supplement).to_contain_text("de leescoach")
    assert_no_axe_violations(page)

    press_on(page, page.get_by_role("radio", name="Ja"), " ")
    tab_to(page, page.get_by_role("textbox", name="Wat kan beter? (mag leeg blijven)"))
    page.keyboard.type("Duidelijk.")
    press_on(page, page.get_by_role("button", name="Verstuur"))
    expect(page.get_by_text("Bedankt voor je antwoord.")).to_be_visible()
    assert_no_axe_violations(page)

    press_on(page, page.get_by_role("link", name="Het gaat niet goed op school. Wat nu? Gebruik de routewijzer."))
    answers = [
        ("radio", "Basisschool (primair onderwijs)"),
        ("radio", "Nee, mijn kind zit thuis"),
        ("radio", "Langer dan vier weken"),
        ("radio", "Nee"),
        ("radio", "Dat weet ik niet"),
        ("checkbox", "Met de leraar of mentor"),
    ]
    for number, (role, label) in enumerate(answers, start=1):
        expect(page.get_by_text(f"Vraag {number} van 6")).to_be_visible()
        if number == 1:
            assert_no_axe_violations(page)
        choice = page.get_by_role(role, name=label, exact=True)  # type: ignore[arg-type]
        tab_to(page, page.get_by_role(role).first)  # type: ignore[arg-type]
        while not choice.evaluate("element => element === document.activeElement"):
            page.keyboard.press("ArrowDown" if role == "radio" else "Tab")
        if role == "checkbox" or not choice.is_checked():
            page.keyboard.press(" ")
        press_on(page, page.get_by_role("button", name="Volgende"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Jouw route")
    expect(page.get_by_role("heading", name="Dringend: je kind is (deels) thuis")).to_be_visible()
    expect(page.get_by_text("Steunpunt Utrecht (test)").first).to_be_visible()
    assert "s=po" in page.url and "w=thuis" in page.url
    assert_no_axe_violations(page)
