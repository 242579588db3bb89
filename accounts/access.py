"""Who may do what: role checks, the staff MFA rule, and the case-data access log."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from accounts.models import AccessLog, Role, User


def needs_mfa_setup(user: Any) -> bool:
    """True for a signed-in staff user (coordinator, professional, superuser) without an MFA authenticator."""
    if not settings.STAFF_MFA_REQUIRED or not user.is_authenticated or not user.has_staff_role:
        return False
    return not user.has_totp()


def mfa_setup_redirect() -> HttpResponse:
    return redirect("mfa_activate_totp")


def role_required(*roles: Role) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Allow only users holding one of `roles` (superusers always pass); others get 403, anonymous users log in.

    Staff roles must have MFA set up first; they are sent to set it up.
    """
    wanted = {role.value for role in roles}

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not isinstance(user, User) or not (user.is_superuser or wanted & user.roles):
                raise PermissionDenied
            if needs_mfa_setup(user):
                return mfa_setup_redirect()
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def log_access(*, actor: User, obj: models.Model, action: str = "view", path: str = "") -> AccessLog:
    """Record that `actor` opened (or exported, …) a piece of case data."""
    return AccessLog.objects.create(
        actor=actor, action=action, object_type=obj._meta.label_lower, object_id=str(obj.pk), path=path[:300]
    )
