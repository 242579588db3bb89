"""The axe helper itself: it must fail on a real violation, and say where and why."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.support.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

GOOD = '<!DOCTYPE html><html lang="nl"><head><title>Goed</title></head><body><main><h1>Goed</h1></main></body></html>'
BAD = (
    '<!DOCTYPE html><html lang="nl"><head><title>Fout</title></head>'
    '<body><main><h1>Fout</h1><img src="/static/niets.png" class="foto"></main></body></html>'
)


def test_it_passes_a_clean_page(page: Page) -> None:
    page.set_content(GOOD)
    assert_no_axe_violations(page)


def test_it_fails_with_the_rule_impact_help_and_target(page: Page) -> None:
    page.set_content(BAD)
    with pytest.raises(AssertionError) as failure:
        assert_no_axe_violations(page, label="test page")
    message = str(failure.value)
    assert "1 accessibility violation(s)" in message
    assert "(test page)" in message
    assert "- image-alt (critical): Images must have alternative text" in message
    assert "\n  * img\n" in message
    assert "Element does not have an alt attribute; " in message
