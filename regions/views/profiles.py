"""Coordinators keep the support profiles of the schools in their own region true."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import role_required
from accounts.models import Role
from regions.access import get_school_for_coordinator
from regions.models import SupportProfile
from regions.profile_forms import SupportProfileForm
from regions.services import profile_save


@require_http_methods(["GET", "POST"])
@role_required(Role.COORDINATOR)
def profile_edit(request: HttpRequest, code: str) -> HttpResponse:
    school = get_school_for_coordinator(request.user, code)
    profile = (
        SupportProfile.objects.filter(school=school)
        .prefetch_related("needs", "expertise", "facilities")
        .select_related("verified_by")
        .first()
    )
    form = SupportProfileForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        profile_save(
            school=school,
            by=request.user,  # type: ignore[arg-type]
            needs=form.chosen_needs(),
            expertise=form.chosen_expertise(),
            facilities=data["facilities"],
            arrangements=data["arrangements"],
            class_size=data["class_size"],
            explanation=data["explanation"],
            verified=data["verified"],
        )
        messages.success(request, _("Het ondersteuningsprofiel is opgeslagen."))
        return redirect(school.get_absolute_url() + "#profiel")
    status = 400 if form.errors else 200
    return render(
        request, "regions/profile_edit.html", {"school": school, "profile": profile, "form": form}, status=status
    )
