"""The whole buddy journey with the keyboard only: a parent asks for help, the coordinator proposes the top
suggestion, the buddy accepts and logs a contact, and the parent sees their buddy. Zero axe violations on the way."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.models import User
from buddies.models import BuddyProfile, HelpRequest
from tests.browser_fixtures import SignIn
from tests.support.axe import assert_no_axe_violations
from tests.support.browser import tab_to

pytestmark = pytest.mark.browser


def press(page: Page, role: str, name: str, key: str = "Space") -> None:
    tab_to(page, page.get_by_role(role, name=name, exact=True))  # type: ignore[arg-type]
    page.keyboard.press(key)


def pick(page: Page, group: str, option: str) -> None:
    """Tab into a radio group (focus lands on its first radio) and choose `option` with the arrow keys."""
    radios = page.get_by_role("group", name=group)
    tab_to(page, radios.get_by_role("radio").first)
    target = radios.get_by_role("radio", name=option, exact=True)
    for _ in range(10):
        if target.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not choose {option!r} in {group!r} with the arrow keys")


def test_a_parent_gets_a_buddy_with_the_keyboard_only(
    page: Page, sign_in: SignIn, parent: User, coordinator: User, buddy: User, buddy_profile: BuddyProfile
) -> None:
    sign_in(parent)
    page.goto("/buddyhulp/aanvragen/")
    tab_to(page, page.get_by_role("textbox", name="Postcode of woonplaats"))
    page.keyboard.type("3511")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/buddyhulp/aanvragen/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag een buddy aan")
    assert_no_axe_violations(page, label="the request form")

    press(page, "checkbox", "Autisme")
    pick(page, "Op welk soort onderwijs zit je kind?", "Primair onderwijs")
    tab_to(page, page.get_by_role("combobox", name="Soort school"))
    page.keyboard.type("Basisschool")
    press(page, "checkbox", "Iemand die luistert")
    pick(page, "Hoe wil je contact?", "Beeldbellen")
    press(page, "checkbox", "Ik geef toestemming om deze gegevens te delen met de coördinator en met mijn buddy.")
    press(page, "button", "Verstuur mijn vraag", key="Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanvraag voor een buddy")
    expect(page.locator("main")).to_contain_text("We zoeken een buddy")
    assert_no_axe_violations(page, label="the parent's request page")
    request = HelpRequest.objects.get()

    sign_in(coordinator)
    page.goto("/buddyhulp/steunpunt/utrecht/")
    assert_no_axe_violations(page, label="the coordinator overview")
    press(page, "link", f"Hulpvraag {request.pk}", key="Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hulpvraag {request.pk}")
    assert_no_axe_violations(page, label="the suggestions page")
    press(page, "button", "Vraag de beste match", key="Enter")
    expect(page.locator("main")).to_contain_text("Carla heeft het voorstel gekregen.")

    sign_in(buddy)
    page.goto("/buddyhulp/buddy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn ouders")
    assert_no_axe_violations(page, label="the caseload with a proposal")
    press(page, "link", f"Voorstel: hulpvraag {request.pk}", key="Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Voorstel: hulpvraag {request.pk}")
    assert_no_axe_violations(page, label="the proposal")
    press(page, "button", "Ja, ik help deze ouder", key="Enter")
    expect(page.locator("main")).to_contain_text("Je helpt deze ouder nu.")
    pick(page, "Hoe hadden jullie contact?", "Beeldbellen")
    tab_to(page, page.get_by_role("textbox", name="Korte notitie"))
    page.keyboard.type("Kennismaking, afspraak voor volgende week.")
    press(page, "button", "Contact opslaan", key="Enter")
    expect(page.locator("main")).to_contain_text("Het contact is opgeslagen.")
    expect(page.locator("main")).to_contain_text("Kennismaking, afspraak voor volgende week.")
    assert_no_axe_violations(page, label="the match page with its contact log")

    sign_in(parent)
    page.goto("/buddyhulp/mijn-aanvragen/")
    press(page, "link", re.compile("Aanvraag van"), key="Enter")  # type: ignore[arg-type]
    expect(page.get_by_role("heading", level=2, name="Je buddy is Carla")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Ik ben moeder van twee kinderen")
    expect(page.locator("main")).to_contain_text("Jullie hebben contact via: beeldbellen.")
    assert_no_axe_violations(page, label="the parent's page with their buddy")
