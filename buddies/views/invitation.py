"""Accepting a coordinator's invitation to become a buddy, after signing up or logging in through allauth."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import role_required
from accounts.models import Role
from buddies import services
from buddies.access import current_user


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    found = services.invitation_from_token(token)
    if found is None:
        raise Http404
    user = current_user(request)
    same_address = user.email.lower() == found.email.lower()
    if request.method == "POST" and same_address:
        services.invitation_accept(invitation_id=found.pk, user=user)
        messages.success(request, _("Welkom als buddy! Vul nu je profiel in."))
        return redirect("buddies:profile")
    status = 200 if same_address else 403
    return render(
        request, "buddies/invitation.html", {"invitation": found, "same_address": same_address}, status=status
    )
