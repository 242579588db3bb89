"""Playwright helpers: Debian's chromium, signing a persona in, keyboard navigation and basic page structure."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import BrowserContext, Locator, Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium_launch_args() -> dict[str, Any]:
    """Launch options for Debian's chromium; Playwright's own browser downloads are not available here."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Browser tests need Debian's chromium, and `chromium` is not on PATH. "
            "Install the package `chromium`: apt-get install -y chromium",
            pytrace=False,
        )
    return {"executable_path": executable, "args": CHROMIUM_ARGS}


def sign_in(context: BrowserContext, user: Any, *, base_url: str) -> None:
    """Sign `user` in for every page of `context`: a session made by force_login, handed over as its cookie.

    No password is typed and no TOTP code asked, so the staff MFA step is not in the way: staff personas with a TOTP
    authenticator count as having MFA set up; staff without one are sent to set it up, as in real life.
    """
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])


def is_focused(locator: Locator) -> bool:
    return bool(locator.evaluate("element => element === document.activeElement"))


def describe_focus(page: Page) -> str:
    """The focused element as a short string, for failure messages: `a.skip-link "Naar de inhoud"`."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return "<body> (nothing focused)";
            const id = el.id ? "#" + el.id : "";
            const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
            const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60);
            return `${el.tagName.toLowerCase()}${id}${classes} "${text}"`;
        }"""
    )


def tab_to(page: Page, target: Locator, *, limit: int = 40) -> int:
    """Press Tab until `target` has focus; return how many presses it took. Fails after `limit` presses."""
    stops: list[str] = []
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if is_focused(target):
            return presses
        stops.append(describe_focus(page))
    raise AssertionError(f"{target} was not reached with {limit} Tab presses; focus went to:\n  " + "\n  ".join(stops))


def assert_page_structure(page: Page) -> None:
    """Exactly one h1, one <main> landmark and a language on <html>."""
    h1_count = page.locator("h1").count()
    assert h1_count == 1, f"{page.url} has {h1_count} h1 elements, expected exactly one"
    main_count = page.locator("main, [role=main]").count()
    assert main_count == 1, f"{page.url} has {main_count} main landmarks, expected exactly one"
    lang = page.locator("html").get_attribute("lang") or ""
    assert lang.strip(), f"{page.url} has no lang attribute on <html>"


def assert_reflows(page: Page) -> None:
    """WCAG 1.4.10 (reflow): nothing sticks out sideways, so a 320 px wide page scrolls in one direction only."""
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow <= 0:
        return
    culprits = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const sticksOut = (el) => el.getBoundingClientRect().right > width + 1;
            const describe = (el) => {
                const id = el.id ? "#" + el.id : "";
                const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
                const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50);
                return `${el.tagName.toLowerCase()}${id}${classes} (${Math.round(el.getBoundingClientRect().width)} px`
                    + ` wide) "${text}"`;
            };
            // The innermost elements that stick out: their own width, not a child's, is the problem.
            return [...document.body.querySelectorAll("*")]
                .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut))
                .slice(0, 5)
                .map(describe);
        }"""
    )
    width = page.viewport_size["width"] if page.viewport_size else "?"
    sticking_out = "".join(f"\n  {culprit}" for culprit in culprits)
    raise AssertionError(f"{page.url} scrolls sideways by {overflow} px at {width} px; sticking out:{sticking_out}")
