"""What being signed in costs every request: the session and one query for the user with roles and MFA state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.backends import load_request_user
from accounts.models import Role, User
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["buddy", "coordinator", "professional"])
def test_a_staff_page_loads_the_user_roles_and_mfa_state_in_one_query(
    client_for: Callable[[str], Client], persona: str
) -> None:
    client = client_for(persona)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/_baseline/staf")
    assert response.status_code == 200
    # The session row, then the user with its memberships and TOTP flag.
    assert len(queries) == 2, "\n".join(query["sql"][-300:] for query in queries.captured_queries)


def test_the_preloaded_user_knows_roles_per_support_point_and_mfa_state(
    coordinator: User, support_point: SupportPoint
) -> None:
    user = load_request_user(coordinator.pk)
    assert user == coordinator
    assert user.support_point_ids(Role.COORDINATOR) == {support_point.pk}
    assert user.has_totp() is True


@pytest.mark.parametrize("user_id", ["not-a-number", 987654])
def test_a_session_pointing_at_no_user_loads_nobody(user_id: object) -> None:
    assert load_request_user(user_id) is None
