"""Every named URL of the project must be in some app's permission matrix (tests/<app>/test_permissions.py)."""

from __future__ import annotations

import importlib
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

IGNORED_NAMESPACES = {"admin"}  # the admin is covered by representative pages and by its own scoping tests
IGNORED_PREFIXES = ("account/", "i18n/", "beheer/")  # allauth and Django's own views


def project_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[URLPattern | URLResolver], namespace: str, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if pattern.namespace in IGNORED_NAMESPACES or route.startswith(IGNORED_PREFIXES):
                    continue
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, ns, route)
            elif pattern.name and not route.startswith(IGNORED_PREFIXES):
                names.add(namespace + pattern.name)

    walk(get_resolver().url_patterns, "", "")
    return names


def covered_url_names() -> set[str]:
    names: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("*/test_permissions.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.test_permissions")
        names |= {case.name for case in module.CASES}
    return names


def test_every_project_url_is_in_a_permission_matrix() -> None:
    missing = project_url_names() - covered_url_names()
    assert not missing, f"Add these URLs to tests/<app>/test_permissions.py: {sorted(missing)}"
