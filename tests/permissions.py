"""The permission matrix: every URL × every persona → the status code each must get.

Each app lists its URLs in `tests/<app>/test_permissions.py` as `CASES = [Case(...), ...]` and runs them with
`matrix_test(CASES)`; `tests/test_permission_matrix.py` checks that every named project URL appears in some CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client

from tests.conftest import PERSONAS

# The admin sends people without access to its login page.
ADMIN_DENIED = 302
ADMIN_ACCESS = {"coordinator": 200, "coordinator_b": 200, "superuser": 200, "anonymous": 302}


@dataclass(frozen=True)
class Case:
    """One request. `path` may hold {placeholders} filled by the app's `path_values` fixture."""

    name: str  # the URL name, "namespace:name"
    path: str
    method: str = "get"
    default: int = 200
    expected: dict[str, int] = field(default_factory=dict)
    data: dict[str, Any] | None = None

    def status_for(self, persona: str) -> int:
        return self.expected.get(persona, self.default)

    @property
    def id(self) -> str:
        return f"{self.method}:{self.path}"


def matrix_test(cases: list[Case]) -> Callable[..., None]:
    """Build the parametrised matrix test for `cases`; the test module must provide a `path_values` fixture."""

    @pytest.mark.django_db
    @pytest.mark.parametrize("persona", PERSONAS)
    @pytest.mark.parametrize("case", cases, ids=lambda c: c.id)
    def test_permission_matrix(
        case: Case, persona: str, client_for: Callable[[str], Client], path_values: dict[str, Any]
    ) -> None:
        client = client_for(persona)
        response = getattr(client, case.method)(case.path.format(**path_values), case.data)
        assert response.status_code == case.status_for(persona), (
            f"{persona} {case.method.upper()} {case.path}: got {response.status_code}"
        )

    return test_permission_matrix
