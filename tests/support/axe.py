"""Run axe-core (from node_modules) in a Playwright page and fail with a readable list of violations.

The pages send a strict Content-Security-Policy (script-src 'self'), so axe can only be injected into a context
created with `bypass_csp=True`; the `browser_context_args` fixture in tests/browser_fixtures.py does that.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


@cache
def axe_source() -> str:
    if not AXE_JS.is_file():
        raise FileNotFoundError(f"{AXE_JS} is missing; run `npm ci` (package axe-core).")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page, *, tags: tuple[str, ...] = WCAG_TAGS) -> list[dict[str, Any]]:
    """The axe violations of the page as it is now (run again after changing the viewport or the page)."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    return page.evaluate("async (options) => (await window.axe.run(document, options)).violations", options)


def format_violations(violations: list[dict[str, Any]], *, where: str) -> str:
    lines = [f"axe found {len(violations)} accessibility violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): {violation['help']}")
        lines.append(f"  {violation.get('helpUrl', '')}")
        for node in violation.get("nodes", []):
            target = " ".join(" > ".join(part) if isinstance(part, list) else str(part) for part in node["target"])
            lines.append(f"  * {target}")
            parts = [line.strip() for line in str(node.get("failureSummary", "")).splitlines() if line.strip()]
            summary = "; ".join(parts).replace(":;", ":")
            if summary:
                lines.append(f"    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, *, label: str = "") -> None:
    """Fail when axe finds any WCAG 2.1 A/AA violation on the page; `label` names the situation (e.g. "320 px")."""
    violations = axe_violations(page)
    if violations:
        where = page.url + (f" ({label})" if label else "")
        raise AssertionError(format_violations(violations, where=where))
