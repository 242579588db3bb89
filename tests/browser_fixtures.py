"""Browser-test fixtures: Playwright on Debian's chromium against pytest-django's live server.

Write a browser test like this::

    @pytest.mark.browser
    def test_it_shows_the_admin(page: Page, sign_in: SignIn, coordinator: User) -> None:
        sign_in(coordinator)
        page.goto("/beheer/")  # relative to the live server
        assert_no_axe_violations(page)  # from tests.support.axe

`page` and `context` come from pytest-playwright (one browser per session, a fresh context per test); requesting
them starts the live server and gives the test transactional database access, so personas from conftest.py work.
Every HTML page a test renders is also validated with the Nu Html Checker at the end of the run
(tests/support/html_validation.py, loaded here; HTML_VALIDATE=0 switches it off).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext
from pytest_django.live_server_helper import LiveServer

from tests.support.browser import chromium_launch_args
from tests.support.browser import sign_in as sign_in_context

pytest_plugins = ["tests.support.html_validation"]

SignIn = Callable[[Any], None]


def pytest_configure(config: pytest.Config) -> None:
    # pytest-playwright's own base_url fixture (a method on a class) trips a pytest 9 deprecation; not our code.
    config.addinivalue_line(
        "filterwarnings", "ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, **chromium_launch_args()}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any], live_server: LiveServer) -> dict[str, Any]:
    # base_url: `page.goto("/regio/")` goes to the live server.
    # bypass_csp: axe-core is injected as a script, which the pages' CSP (script-src 'self') would block.
    # locale: browse like the audience does (Accept-Language, number and date formats in the browser).
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "bypass_csp": True,
        "locale": "nl-NL",
        "viewport": {"width": 1280, "height": 800},
    }


@pytest.fixture
def sign_in(context: BrowserContext, live_server: LiveServer) -> SignIn:
    """`sign_in(coordinator)`: the browser context (and so `page`) is signed in as that persona from now on."""

    def _sign_in(user: Any) -> None:
        sign_in_context(context, user, base_url=live_server.url)

    return _sign_in
