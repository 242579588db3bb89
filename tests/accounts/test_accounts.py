from __future__ import annotations

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from accounts.models import Role, User
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


def test_anyone_can_sign_up_with_an_email_address_and_is_a_parent(client: Client) -> None:
    response = client.post(
        "/account/signup/",
        {
            "email": "Nieuwe.Ouder@Example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email__iexact="nieuwe.ouder@example.org")
    assert user.roles == {Role.PARENT.value}
    assert not user.has_staff_role
    assert len(mail.outbox) == 1  # the verification e-mail
    assert "[Ouderplatform]" in mail.outbox[0].subject


def test_sign_up_with_a_weak_password_re_renders_with_a_message(client: Client) -> None:
    response = client.post("/account/signup/", {"email": "a@example.org", "password1": "kort", "password2": "kort"})
    assert response.status_code == 200
    assert not User.objects.filter(email="a@example.org").exists()
    assert "errorlist" in response.content.decode() or "aria-invalid" in response.content.decode()


def test_login_is_by_email(client: Client, parent: User) -> None:
    response = client.post("/account/login/", {"login": "parent@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(parent.pk)


def test_a_wrong_password_does_not_log_in(client: Client, parent: User) -> None:
    response = client.post("/account/login/", {"login": "parent@example.org", "password": "fout"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_rate_limits_are_on() -> None:
    assert settings.ACCOUNT_RATE_LIMITS is not False
    assert "login_failed" in settings.ACCOUNT_RATE_LIMITS


def test_repeated_failed_logins_are_limited(client: Client, parent: User) -> None:
    for _ in range(5):
        client.post("/account/login/", {"login": "parent@example.org", "password": "fout"})
    response = client.post("/account/login/", {"login": "parent@example.org", "password": "correct-horse-battery"})
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 429}


def test_password_reset_sends_an_email(client: Client, parent: User) -> None:
    response = client.post("/account/password/reset/", {"email": "parent@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "parent@example.org" in mail.outbox[0].to


def test_roles_come_from_memberships_and_flags(
    buddy: User, coordinator: User, professional: User, superuser: User, support_point: SupportPoint
) -> None:
    assert buddy.roles == {"parent", "buddy"}
    assert coordinator.roles == {"parent", "coordinator"}
    assert professional.roles == {"parent", "professional"}
    assert "superuser" in superuser.roles
    assert coordinator.coordinates(support_point)
    assert not buddy.coordinates(support_point)
    assert [u.has_staff_role for u in (buddy, coordinator, professional, superuser)] == [False, True, True, True]


def test_the_user_model_has_no_username(parent: User) -> None:
    assert not hasattr(parent, "username")
    assert User.USERNAME_FIELD == "email"


def test_staff_without_mfa_set_it_up_right_after_logging_in(client: Client, coordinator: User) -> None:
    coordinator.authenticator_set.all().delete()
    client.post("/account/login/", {"login": "coordinator@example.org", "password": "correct-horse-battery"})
    response = client.get("/beheer/")
    assert response["Location"] == "/account/2fa/totp/activate/"
    # No second password prompt: the login a moment ago is recent enough.
    assert client.get(response["Location"]).status_code == 200


def test_an_old_session_must_reauthenticate_before_changing_mfa(client: Client, coordinator: User) -> None:
    coordinator.authenticator_set.all().delete()
    client.force_login(coordinator)  # no authentication record, as for a session from long ago
    response = client.get("/account/2fa/totp/activate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/reauthenticate/")
