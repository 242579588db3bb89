"""Permission matrix for the shared pages, the region pages and the admin."""

from __future__ import annotations

from typing import Any

import pytest

from regions.models import SupportPoint
from tests.permissions import ADMIN_ACCESS, ADMIN_DENIED, Case, matrix_test

CASES = [
    Case("home", "/"),
    Case("healthz", "/healthz"),
    Case("baseline", "/_baseline"),
    Case("accessibility", "/toegankelijkheid"),
    Case("privacy", "/privacy"),
    Case("regions:choose", "/regio/kiezen/"),
    Case("regions:choose", "/regio/kiezen/", method="post", default=302, data={"q": "3511"}),
    Case("regions:clear", "/regio/wissen/", method="post", default=302),
    Case("regions:clear", "/regio/wissen/", default=405),
    Case("regions:my_region", "/regio/", default=302),
    Case("regions:support_points", "/steunpunten/"),
    Case("regions:support_point", "/steunpunten/utrecht/"),
    Case("regions:support_point", "/steunpunten/utrecht/", method="post", default=405),
    Case("regions:support_point", "/steunpunten/onbekend/", default=404),
    Case("admin:index", "/beheer/", default=ADMIN_DENIED, expected=ADMIN_ACCESS),
    Case(
        "admin:regions_supportpoint_changelist",
        "/beheer/regions/supportpoint/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS,
    ),
    # Own support point (utrecht) for coordinator; coordinator_b guesses its URL and is sent away.
    Case(
        "admin:regions_supportpoint_change",
        "/beheer/regions/supportpoint/{utrecht}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_supportpoint_add",
        "/beheer/regions/supportpoint/add/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:regions_postcodearea_changelist",
        "/beheer/regions/postcodearea/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:accounts_user_changelist",
        "/beheer/accounts/user/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case("account_email", "/account/email/", expected={"anonymous": 302}),
]


@pytest.fixture
def path_values(support_point: SupportPoint, other_support_point: SupportPoint) -> dict[str, Any]:
    return {"utrecht": support_point.pk, "zvl": other_support_point.pk}


test_permission_matrix = matrix_test(CASES)
