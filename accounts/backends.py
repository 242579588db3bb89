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
from django.core.exceptions import ValidationError

from accounts.models import Membership, User


def load_request_user(user_id: Any) -> User | None:
    """The user with their memberships and TOTP state preloaded into the caches `User` and `needs_mfa_setup` read.

    Written as SQL: this runs on every signed-in request, and compiling the equivalent ORM annotations (two
    subqueries) cost as much CPU as the two extra queries it saves.
    """
    users = User._meta.db_table
    memberships = Membership._meta.db_table
    authenticators = Authenticator._meta.db_table
    sql = f"""
        SELECT u.*,
            ARRAY(SELECT m.role || ':' || m.support_point_id FROM {memberships} m WHERE m.user_id = u.id)
                AS preloaded_memberships,
            EXISTS(SELECT 1 FROM {authenticators} a WHERE a.user_id = u.id AND a.type = %s) AS preloaded_totp
        FROM {users} u WHERE u.id = %s
    """  # noqa: S608 - table names are ours; the values are parameters
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    found = list(User.objects.raw(sql, [Authenticator.Type.TOTP, pk]))
    if not found:
        return None
    user = found[0]
    pairs = (pair.split(":", 1) for pair in user.preloaded_memberships)
    user.preload_memberships((role, int(support_point)) for role, support_point in pairs)
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
