"""A parent finds a school for a child who needs support with autism, opens it and compares it, by keyboard only.

The map needs tiles from the internet, which the test machine does not have: nothing here depends on them.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.models import User
from regions.models import Experience, Partnership, Registration, School, SupportLevel, SupportOffer
from tests.browser_fixtures import SignIn
from tests.conftest import make_user
from tests.regions.conftest import give_profile, make_school
from tests.support.axe import assert_no_axe_violations
from tests.support.browser import assert_page_structure, assert_reflows, tab_to

pytestmark = pytest.mark.browser


@pytest.fixture
def anker(school: School, partnerships: dict[str, Partnership]) -> School:
    anker = make_school("33CC00", "Het Anker", partnerships["PO2601"], lat=52.118, lon=5.125)
    give_profile(anker, {"autisme": SupportLevel.EXTRA, "gedrag": SupportLevel.BASIC})
    far = make_school("44DD00", "De Verre Verte", partnerships["PO2601"], lat=52.3, lon=5.125, place="Hilversum")
    give_profile(far, {"autisme": SupportLevel.EXTRA})
    return anker


def press_space_on(page: Page, target: object) -> None:
    tab_to(page, target)  # type: ignore[arg-type]
    page.keyboard.press("Space")


def test_a_parent_finds_compares_and_opens_a_school_by_keyboard(page: Page, school: School, anker: School) -> None:
    page.goto("/scholen/")
    assert_page_structure(page)
    assert_no_axe_violations(page)

    tab_to(page, page.get_by_role("textbox", name="Postcode"))
    page.keyboard.type("3511 AB")
    press_space_on(page, page.get_by_role("checkbox", name="Autisme"))
    tab_to(page, page.get_by_role("button", name="Zoek scholen"))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"postcode=3511\+AB.*behoefte=autisme"))
    results = page.locator("#school-results")
    expect(results.get_by_role("heading", level=2)).to_have_text(re.compile("2 scholen gevonden"))
    expect(results).to_contain_text("De Regenboog")
    expect(results).to_contain_text("Het Anker")
    expect(results).not_to_contain_text("De Verre Verte")  # farther than 10 km
    assert_no_axe_violations(page)

    tab_to(page, page.get_by_role("button", name="Zet op mijn lijstje: De Regenboog"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Haal van mijn lijstje: De Regenboog")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Zet op mijn lijstje: Het Anker"), limit=80)
    page.keyboard.press("Enter")

    tab_to(page, page.get_by_role("link", name="De Regenboog"), limit=80)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("De Regenboog")
    expect(page.locator("main")).to_contain_text("Specialistisch arrangement")
    assert_page_structure(page)
    assert_no_axe_violations(page)

    tab_to(page, page.get_by_role("link", name="Bekijk en vergelijk mijn lijstje"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn lijstje")
    assert_no_axe_violations(page)
    tab_to(page, page.get_by_role("button", name="Vergelijk"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Scholen vergelijken")
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_count(2)
    expect(table.get_by_role("row", name=re.compile("^Autisme"))).to_contain_text("Specialistisch arrangement")
    expect(table.get_by_role("row", name=re.compile("^Autisme"))).to_contain_text("Extra ondersteuning")
    assert_no_axe_violations(page)


def test_with_javascript_the_results_update_without_a_page_load(page: Page, school: School, anker: School) -> None:
    page.goto("/scholen/?postcode=3511&afstand=50")
    expect(page.locator("#school-results h2")).to_have_text(re.compile("3 scholen gevonden"))
    page.evaluate("window.__samePage = true")
    press_space_on(page, page.get_by_role("checkbox", name="Gedrag en sociaal-emotionele ontwikkeling"))
    expect(page.locator("#school-results h2")).to_have_text(re.compile("1 school gevonden"))
    expect(page).to_have_url(re.compile(r"behoefte=gedrag"))
    assert page.evaluate("window.__samePage") is True  # no full reload happened
    expect(page.locator("#search-status")).to_have_text(re.compile("1 school gevonden"))
    expect(page.locator("#school-map")).to_be_visible()  # the map is drawn, with or without tiles
    assert_no_axe_violations(page)


@pytest.fixture
def everything(
    school: School,
    published_experience: Experience,
    pending_experience: Experience,
    registration: Registration,
    offer: SupportOffer,
    national_offer: SupportOffer,
) -> dict[str, object]:
    return {
        "school": school,
        "published": published_experience,
        "pending": pending_experience,
        "registration": registration,
        "offer": offer,
    }


def test_every_page_of_the_directory_has_no_axe_violations(
    page: Page, sign_in: SignIn, everything: dict[str, object], coordinator: User
) -> None:
    school: School = everything["school"]  # type: ignore[assignment]
    registration: Registration = everything["registration"]  # type: ignore[assignment]
    public = [
        f"/scholen/{school.code}/",
        "/scholen/?postcode=12",
        "/scholen/vergelijken/",
        "/scholen/mijn-lijstje/",
        "/aanbod/?steunpunt=utrecht",
        f"/aanbod/{everything['offer'].pk}/",  # type: ignore[attr-defined]
        "/steunpunten/utrecht/bijeenkomsten/",
        f"/bijeenkomsten/{registration.meeting_id}/",
        f"/bijeenkomsten/afmelden/{registration.token}/",
        "/steunpunten/utrecht/je-zei-wij-deden/",
        f"/ervaringen/{everything['published'].pk}/melden/",  # type: ignore[attr-defined]
    ]
    for path in public:
        page.goto(path)
        assert_page_structure(page)
        assert_no_axe_violations(page)

    sign_in(make_user("ouder-c@example.org"))
    for path in [f"/scholen/{school.code}/ervaring/", "/ervaringen/"]:
        page.goto(path)
        assert_page_structure(page)
        assert_no_axe_violations(page)

    sign_in(coordinator)
    staff = [
        f"/scholen/{school.code}/profiel/",
        "/ervaringen/controleren/",
        f"/ervaringen/{everything['pending'].pk}/controleren/",  # type: ignore[attr-defined]
    ]
    for path in staff:
        page.goto(path)
        assert_page_structure(page)
        assert_no_axe_violations(page)


def test_the_profile_form_reports_errors_in_an_announced_summary(
    page: Page, sign_in: SignIn, school: School, coordinator: User
) -> None:
    sign_in(coordinator)
    page.goto(f"/scholen/{school.code}/profiel/")
    field = page.get_by_role("spinbutton", name=re.compile("Gemiddelde groepsgrootte"))
    tab_to(page, field, limit=120)
    page.keyboard.type("500")
    tab_to(page, page.get_by_role("button", name="Profiel opslaan"), limit=20)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Vul een aantal van 1 tot en met 60 in.")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_the_results_are_one_link_away_from_the_top(
    page: Page, school: School, anker: School, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 640})
    page.goto("/scholen/?postcode=3511+AB&afstand=10&behoefte=autisme")
    assert_reflows(page)
    jump = page.get_by_role("link", name="Naar het zoekresultaat")
    expect(jump).to_be_in_viewport()  # above the long list of search questions, without scrolling
    expect(page.get_by_role("heading", name=re.compile("scholen gevonden"))).not_to_be_in_viewport()
    tab_to(page, jump)
    page.keyboard.press("Enter")
    results_title = page.get_by_role("heading", name=re.compile("2 scholen gevonden"))
    expect(results_title).to_be_focused()
    expect(results_title).to_be_in_viewport()
    tab_to(page, page.get_by_role("link", name="Zoekvragen aanpassen"))
    assert_no_axe_violations(page)


def test_on_a_wide_screen_the_jump_links_are_not_needed(page: Page, school: School, anker: School) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/scholen/?postcode=3511+AB&afstand=10&behoefte=autisme")
    expect(page.get_by_role("link", name="Naar het zoekresultaat")).to_be_hidden()
    expect(page.get_by_role("heading", name=re.compile("scholen gevonden"))).to_be_in_viewport()
