from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from accounts.access import mfa_setup_redirect, needs_mfa_setup


class StaffMFAMiddleware:
    """Send staff without MFA to the MFA setup before they open the admin.

    Staff pages elsewhere are guarded by `accounts.access.role_required`, which applies the same rule.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    @cached_property
    def admin_prefix(self) -> str:
        # Resolved once, on the first request (the URLconf is not loaded when middleware is built).
        return reverse("admin:index")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.admin_prefix) and needs_mfa_setup(request.user):
            messages.warning(request, _("Stel eerst tweestapsverificatie in. Daarna kun je het beheer openen."))
            return mfa_setup_redirect()
        return self.get_response(request)
