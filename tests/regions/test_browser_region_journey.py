"""Choosing a region with the keyboard only: from the home page to the support point, without a mouse."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from regions.models import Partnership, SupportPoint
from tests.support.axe import assert_no_axe_violations
from tests.support.browser import describe_focus, is_focused, tab_to

pytestmark = pytest.mark.browser


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert is_focused(skip_link), f"the first Tab stop is {describe_focus(page)}, not the skip link"
    expect(skip_link).to_be_visible()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_a_parent_finds_their_support_point_with_the_keyboard_only(
    page: Page, support_point: SupportPoint, partnerships: dict[str, Partnership]
) -> None:
    page.goto("/")
    assert_no_axe_violations(page)

    tab_to(page, page.get_by_role("textbox", name="Postcode of woonplaats"))
    page.keyboard.type("3511 AB")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/regio/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jouw regio")
    main = page.locator("main")
    expect(main).to_contain_text(partnerships["PO2601"].display_name)
    expect(main).to_contain_text(partnerships["VO2601"].display_name)
    expect(main).to_contain_text(support_point.name)
    assert_no_axe_violations(page)

    tab_to(page, page.get_by_role("link", name=support_point.name))
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/steunpunten/{support_point.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(support_point.name)
    assert_no_axe_violations(page)


def test_an_invalid_postcode_gets_an_announced_dutch_error_and_a_fix_shows_in_the_header(
    page: Page, support_point: SupportPoint
) -> None:
    page.goto("/regio/kiezen/")
    field = page.get_by_role("textbox", name="Postcode of woonplaats")
    tab_to(page, field)
    page.keyboard.type("12")
    page.keyboard.press("Enter")

    message = "Dit is geen geldige postcode. Een postcode ziet eruit als 3511 AB."
    expect(page.locator("main")).to_contain_text(message)
    assert error_is_announced(page, field_id="id_q", message=message), (
        "the error is neither in a role=alert region nor linked to the field with aria-describedby"
    )
    assert_no_axe_violations(page, label="with a validation error")

    tab_to(page, field)
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.type("3512")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/regio/$"))
    header = page.get_by_role("banner")
    expect(header).to_contain_text("Jouw regio:")
    expect(header.get_by_role("link", name="3512 Utrecht")).to_be_visible()


def error_is_announced(page: Page, *, field_id: str, message: str) -> bool:
    """The message sits in an alert (read out when the page loads) or is the field's accessible description."""
    in_alert = page.locator("[role=alert]", has_text=message).count() > 0
    described_by = (page.locator(f"#{field_id}").get_attribute("aria-describedby") or "").split()
    linked = any(message in (page.locator(f"#{id_}").text_content() or "") for id_ in described_by)
    return in_alert or linked
