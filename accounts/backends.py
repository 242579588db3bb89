"""Authentication backends that load the signed-in user with everything every page asks of it, in one query.

Every request of a signed-in user starts with the session and the user. The header's role checks, `role_required`
and the staff MFA rule then each asked the database again (memberships, TOTP authenticator). Loading those with the
user turns three queries into one on every signed-in page.
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef
from django.db.models.functions import JSONObject

from accounts.models import Membership, User


def load_request_user(user_id: Any) -> User | None:
    """The user with their memberships and TOTP state preloaded into the caches `User` and `needs_mfa_setup` read."""
    memberships = Membership.objects.filter(user=OuterRef("pk")).values(
        pair=JSONObject(role="role", support_point="support_point_id")
    )
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    user = (
        User._default_manager.annotate(preloaded_memberships=ArraySubquery(memberships), preloaded_totp=Exists(totp))
        .filter(pk=user_id)
        .first()
    )
    if user is None:
        return None
    user.preload_memberships((pair["role"], pair["support_point"]) for pair in user.preloaded_memberships)
    user.__dict__["_has_totp"] = user.preloaded_totp
    return user


class PreloadingGetUser:
    def get_user(self, user_id: Any) -> User | None:
        user = load_request_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(PreloadingGetUser, DjangoModelBackend):
    pass


class AuthenticationBackend(PreloadingGetUser, AllauthBackend):
    pass
