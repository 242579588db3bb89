"""Meetings of a support point: sign-up without an account, waiting list, cancellation link, calendar file."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from regions.forms import SignUpForm
from regions.ical import meeting_calendar
from regions.models import Meeting, Registration, RegistrationStatus, SupportPoint
from regions.services import AlreadyRegistered, meeting_sign_up, registration_cancel


@require_GET
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_object_or_404(SupportPoint, slug=slug)
    meetings = point.meetings.filter(ends_at__gte=timezone.now()).order_by("starts_at")[:50]
    return render(request, "regions/meeting_list.html", {"point": point, "meetings": meetings})


@require_http_methods(["GET", "POST"])
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("support_point"), pk=pk)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and not meeting.is_past and form.is_valid():
        try:
            registration = meeting_sign_up(meeting=meeting, **form.cleaned_data)
        except AlreadyRegistered:
            form.add_error("email", _("Met dit e-mailadres ben je al aangemeld. Kijk in je e-mail."))
        else:
            if registration.status == RegistrationStatus.CONFIRMED:
                messages.success(request, _("Je bent aangemeld. Je krijgt een e-mail met de gegevens."))
            else:
                messages.info(request, _("De bijeenkomst is vol. Je staat op de wachtlijst en krijgt een e-mail."))
            return redirect(meeting.get_absolute_url())
    taken = meeting.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    status = 400 if form.errors else 200
    context = {"meeting": meeting, "form": form, "places_left": max(meeting.capacity - taken, 0)}
    return render(request, "regions/meeting_detail.html", context, status=status)


@require_GET
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk)
    response = HttpResponse(meeting_calendar(meeting, now=timezone.now()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="bijeenkomst-{meeting.pk}.ics"'
    return response


@require_http_methods(["GET", "POST"])
def registration_cancel_view(request: HttpRequest, token: uuid.UUID) -> HttpResponse:
    registration = get_object_or_404(Registration.objects.select_related("meeting"), token=token)
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        registration_cancel(registration=registration)
        messages.success(request, _("Je bent afgemeld. Fijn dat je het liet weten."))
        return redirect(registration.meeting.get_absolute_url())
    return render(request, "regions/registration_cancel.html", {"registration": registration})
