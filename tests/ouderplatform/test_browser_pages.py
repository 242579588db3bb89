"""Accessibility sweep: axe (WCAG 2.1 A and AA) and the basic page structure on every page, at 320 px and on desktop.

The HTML of every page visited here is also checked by the Nu Html Checker at the end of the run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, Response, expect

from accounts.models import Membership, Role, User
from regions.models import SupportPoint
from tests.browser_fixtures import SignIn
from tests.conftest import make_user
from tests.support.axe import assert_no_axe_violations
from tests.support.browser import assert_page_structure, assert_reflows

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"  # make_user's password
NARROW = {"width": 320, "height": 720}
DESKTOP = {"width": 1280, "height": 800}


def choose_postcode(page: Page, postcode: str) -> Response | None:
    page.goto("/regio/kiezen/")
    page.get_by_role("textbox", name="Postcode of woonplaats").fill(postcode)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Zoek mijn regio").click()
    return navigation.value


def submit_an_expired_form(page: Page) -> Response | None:
    """A form sent after its CSRF cookie is gone (an old tab, a cleared browser) gets the 403 "expired form" page."""
    page.goto("/regio/kiezen/")
    page.context.clear_cookies()
    page.get_by_role("textbox", name="Postcode of woonplaats").fill("3511 AB")
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Zoek mijn regio").click()
    return navigation.value


@dataclass(frozen=True)
class Visit:
    """Open a page as `persona` (None: anonymous): go to `path`, or let `open` get there (e.g. by posting a form)."""

    path: str = ""
    persona: str | None = None
    status: int = 200
    lands_on: str = ""  # the path the browser ends up on after redirects
    open: Callable[[Page], Response | None] | None = None


def confirm_password_then_activate_totp(page: Page) -> Response | None:
    """Staff without MFA are sent from the admin to set it up; allauth first asks for the password again."""
    page.goto("/beheer/")
    expect(page).to_have_url(re.compile(r"/account/reauthenticate/"))
    page.get_by_role("textbox", name="Wachtwoord").fill(PASSWORD)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Bevestigen").click()
    return navigation.value


@pytest.fixture
def staff_without_mfa(support_point: SupportPoint) -> User:
    """A coordinator who has not set up MFA yet."""
    user = make_user("coordinator-no-mfa@example.org", first_name="Gert")
    Membership.objects.create(user=user, support_point=support_point, role=Role.COORDINATOR)
    return user


VISITS = {
    "home": Visit("/"),
    "choose-region": Visit("/regio/kiezen/"),
    "choose-region-with-error": Visit(status=400, open=lambda page: choose_postcode(page, "12")),
    "my-region": Visit(lands_on="/regio/", open=lambda page: choose_postcode(page, "3511 AB")),
    "support-points": Visit("/steunpunten/"),
    "support-point": Visit("/steunpunten/utrecht/"),
    "accessibility-statement": Visit("/toegankelijkheid"),
    "privacy-statement": Visit("/privacy"),
    "not-found": Visit("/deze-pagina-bestaat-niet/", status=404),
    "expired-form": Visit(status=403, open=submit_an_expired_form),
    "login": Visit("/account/login/"),
    "signup": Visit("/account/signup/"),
    "password-reset": Visit("/account/password/reset/"),
    "parent-email": Visit("/account/email/", persona="parent"),
    "admin-index": Visit("/beheer/", persona="coordinator"),
    "admin-support-point": Visit("/beheer/regions/supportpoint/{support_point.pk}/change/", persona="coordinator"),
    "admin-forbidden": Visit("/beheer/regions/postcodearea/", persona="coordinator", status=403),
    "staff-without-mfa": Visit("/beheer/", persona="staff_without_mfa", lands_on="/account/reauthenticate/"),
    "staff-totp-activation": Visit(
        persona="staff_without_mfa", lands_on="/account/2fa/totp/activate/", open=confirm_password_then_activate_totp
    ),
}


@pytest.mark.parametrize("name", VISITS)
def test_the_page_is_accessible_at_320_px_and_on_desktop(
    page: Page, sign_in: SignIn, support_point: SupportPoint, request: pytest.FixtureRequest, name: str
) -> None:
    visit = VISITS[name]
    if visit.persona:
        sign_in(request.getfixturevalue(visit.persona))

    page.set_viewport_size(DESKTOP)
    response = visit.open(page) if visit.open else page.goto(visit.path.format(support_point=support_point))
    assert response is not None
    assert response.status == visit.status, f"{page.url} answered {response.status}, expected {visit.status}"
    if visit.lands_on:
        expect(page).to_have_url(re.compile(rf"^[^?]*{re.escape(visit.lands_on)}(\?.*)?$"))
    assert_page_structure(page)
    assert_no_axe_violations(page, label="desktop, 1280 px")

    page.set_viewport_size(NARROW)
    assert_no_axe_violations(page, label="narrow, 320 px")
    assert_reflows(page)
