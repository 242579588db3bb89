"""Every URL × every persona → the status code each must get. New URLs must be added here (see the last test)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from regions.models import SupportPoint
from tests.conftest import PERSONAS

STAFF_DENIED = 302  # the admin sends people without access to its login page


@dataclass(frozen=True)
class Case:
    name: str  # URL name, "namespace:name"
    path: str
    method: str = "get"
    default: int = 200
    expected: dict[str, int] = field(default_factory=dict)

    def status_for(self, persona: str) -> int:
        return self.expected.get(persona, self.default)


def only(statuses: dict[str, int], **kwargs: int) -> dict[str, int]:
    return statuses | kwargs


ADMIN_ACCESS = {"coordinator": 200, "coordinator_b": 200, "superuser": 200, "anonymous": 302}

CASES = [
    Case("home", "/"),
    Case("healthz", "/healthz"),
    Case("baseline", "/_baseline"),
    Case("accessibility", "/toegankelijkheid"),
    Case("privacy", "/privacy"),
    Case("regions:choose", "/regio/kiezen/"),
    Case("regions:choose", "/regio/kiezen/", method="post", default=302, expected={}),
    Case("regions:clear", "/regio/wissen/", method="post", default=302),
    Case("regions:clear", "/regio/wissen/", default=405),
    Case("regions:my_region", "/regio/", default=302),
    Case("regions:support_points", "/steunpunten/"),
    Case("regions:support_point", "/steunpunten/utrecht/"),
    Case("regions:support_point", "/steunpunten/utrecht/", method="post", default=405),
    Case("regions:support_point", "/steunpunten/onbekend/", default=404),
    Case("admin:index", "/beheer/", default=STAFF_DENIED, expected=ADMIN_ACCESS),
    Case(
        "admin:regions_supportpoint_changelist",
        "/beheer/regions/supportpoint/",
        default=STAFF_DENIED,
        expected=ADMIN_ACCESS,
    ),
    # Own support point (utrecht) for coordinator; coordinator_b guesses its URL and is sent away.
    Case(
        "admin:regions_supportpoint_change",
        "/beheer/regions/supportpoint/{utrecht}/change/",
        default=STAFF_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_supportpoint_add",
        "/beheer/regions/supportpoint/add/",
        default=STAFF_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:regions_postcodearea_changelist",
        "/beheer/regions/postcodearea/",
        default=STAFF_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:accounts_user_changelist",
        "/beheer/accounts/user/",
        default=STAFF_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case("account_email", "/account/email/", expected={"anonymous": 302}),
]


@pytest.fixture
def resolve_path(support_point: SupportPoint, other_support_point: SupportPoint) -> Callable[[str], str]:
    return lambda path: path.format(utrecht=support_point.pk, zvl=other_support_point.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method}:{c.path}")
def test_permission_matrix(
    case: Case, persona: str, client_for: Callable[[str], Client], resolve_path: Callable[[str], str]
) -> None:
    client = client_for(persona)
    data = {"q": "3511"} if case.method == "post" else None
    response = getattr(client, case.method)(resolve_path(case.path), data)
    assert response.status_code == case.status_for(persona), (
        f"{persona} {case.method.upper()} {case.path}: got {response.status_code}"
    )


IGNORED_NAMESPACES = {"admin"}  # the admin is covered by representative pages above and by its own scoping tests
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


def test_every_project_url_is_in_the_matrix() -> None:
    covered = {case.name for case in CASES}
    missing = project_url_names() - covered
    assert not missing, f"Add these URLs to the permission matrix: {sorted(missing)}"
