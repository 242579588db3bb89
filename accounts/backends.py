"""Authentication backends that load the signed-in user with everything every page asks of it, in one query.

Every request of a signed-in user starts with the session and the user. The header's role checks, `role_required`
and the staff MFA rule then each asked the database again (memberships, TOTP authenticator). Loading those with the
user turns three queries into one on every signed-in page.
"""

from __future__ import annotations

import functools
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.core.exceptions import ValidationError
from django.db import connection

from accounts.models import Membership, User


@functools.cache
def _user_sql() -> str:
    # Built once per process: the statement is the same for every request.
    columns = ", ".join(f"u.{connection.ops.quote_name(field.column)}" for field in User._meta.concrete_fields)
    return f"""
        SELECT {columns},
            ARRAY(SELECT m.role || ':' || m.support_point_id FROM {Membership._meta.db_table} m WHERE m.user_id = u.id),
            EXISTS(SELECT 1 FROM {Authenticator._meta.db_table} a WHERE a.user_id = u.id AND a.type = %s)
        FROM {User._meta.db_table} u WHERE u.id = %s
    """  # noqa: S608 - table and column names are ours; the values are parameters


def load_request_user(user_id: Any) -> User | None:
    """The user with their memberships and TOTP state preloaded into the caches `User` and `needs_mfa_setup` read.

    Written as SQL: this runs on every signed-in request, and compiling the equivalent ORM annotations (two
    subqueries) cost as much CPU as the two extra queries it saves.
    """
    try:
        pk = User._meta.pk.to_python(user_id)
    except ValidationError:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_user_sql(), [Authenticator.Type.TOTP, pk])
        row = cursor.fetchone()
    if row is None:
        return None
    # Model.from_db, not a RawQuerySet: that one maps its columns onto the model again on every call.
    *values, memberships, has_totp = row
    user = User.from_db(connection.alias, [field.attname for field in User._meta.concrete_fields], values)
    pairs = (pair.split(":", 1) for pair in memberships)
    user.preload_memberships((role, int(support_point)) for role, support_point in pairs)
    user.__dict__["_has_totp"] = has_totp  # the cache User.has_totp() reads
    return user


class PreloadingGetUser:
    def get_user(self, user_id: Any) -> User | None:
        user = load_request_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None  # type: ignore[attr-defined]


class ModelBackend(PreloadingGetUser, DjangoModelBackend):
    pass


class AuthenticationBackend(PreloadingGetUser, AllauthBackend):
    pass
