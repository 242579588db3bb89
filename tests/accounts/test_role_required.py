"""The role decorator that staff views use: 403 for the wrong role, MFA set-up for staff without it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from accounts.access import log_access, role_required
from accounts.models import AccessLog, Role, User
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


@role_required(Role.COORDINATOR, Role.PROFESSIONAL)
def staff_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("staff page")


def call(user: object) -> HttpResponse:
    request = RequestFactory().get("/staff/")
    request.user = user  # type: ignore[assignment]
    request.session = SessionStore()
    return staff_view(request)


def test_it_lets_the_right_role_in(coordinator: User, professional: User) -> None:
    assert call(coordinator).content == b"staff page"
    assert call(professional).content == b"staff page"


def test_it_sends_anonymous_users_to_log_in(db: None) -> None:
    response = call(AnonymousUser())
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=/staff/")


@pytest.mark.parametrize("persona", ["parent", "buddy"])
def test_it_refuses_other_roles(request: pytest.FixtureRequest, persona: str) -> None:
    with pytest.raises(PermissionDenied):
        call(request.getfixturevalue(persona))


def test_superusers_always_pass(superuser: User) -> None:
    assert call(superuser).status_code == 200


def test_staff_without_mfa_are_sent_to_set_it_up(coordinator: User) -> None:
    coordinator.authenticator_set.all().delete()
    fresh = User.objects.get(pk=coordinator.pk)
    response = call(fresh)
    assert response.status_code == 302
    assert response["Location"] == "/account/2fa/totp/activate/"


def test_access_to_case_data_is_logged(coordinator: User, support_point: SupportPoint) -> None:
    log_access(actor=coordinator, obj=support_point, path="/x/")
    entry = AccessLog.objects.get()
    assert (entry.actor, entry.object_type, entry.object_id, entry.action) == (
        coordinator,
        "regions.supportpoint",
        str(support_point.pk),
        "view",
    )
