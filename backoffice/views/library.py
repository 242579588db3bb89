"""Canned responses (per topic, maintained by professionals) and the signals report with its CSV export."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import role_required
from accounts.models import Role, User
from backoffice.forms import CannedResponseForm
from backoffice.models import CannedResponse
from backoffice.signals import Quarter, signals_for
from regions.models import SupportPoint


@role_required(Role.PROFESSIONAL)
@require_GET
def canned_list(request: HttpRequest) -> HttpResponse:
    responses = CannedResponse.objects.select_related("updated_by")
    return render(request, "backoffice/canned_list.html", {"responses": responses})


@role_required(Role.PROFESSIONAL)
@require_http_methods(["GET", "POST"])
def canned_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(CannedResponse, pk=pk) if pk else None
    form = CannedResponseForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        response = form.save(commit=False)
        response.updated_by = request.user
        response.save()
        messages.success(request, _("Het standaardantwoord is opgeslagen."))
        return redirect("backoffice:canned_list")
    status = 400 if form.errors else 200
    return render(request, "backoffice/canned_form.html", {"form": form, "instance": instance}, status=status)


def _signal_scope(request: HttpRequest) -> tuple[list[SupportPoint], SupportPoint, Quarter]:
    """The support points the user may report on (coordinators: their own; professionals: all), the chosen one
    (404 when it is out of scope) and the quarter."""
    user: User = request.user  # type: ignore[assignment]
    points = SupportPoint.objects.order_by("name")
    if not (user.is_superuser or user.is_professional):
        points = points.filter(pk__in=user.support_point_ids(Role.COORDINATOR))
    allowed = list(points)
    slug = request.GET.get("steunpunt")
    chosen = next((p for p in allowed if p.slug == slug), None) if slug else (allowed[0] if allowed else None)
    if chosen is None:
        raise Http404
    return allowed, chosen, Quarter.parse(request.GET.get("kwartaal"), today=timezone.localdate())


@role_required(Role.COORDINATOR, Role.PROFESSIONAL)
@require_GET
def signals(request: HttpRequest) -> HttpResponse:
    points, point, quarter = _signal_scope(request)
    sections = signals_for(support_point_id=point.pk, quarter=quarter)
    context = {"points": points, "point": point, "quarter": quarter, "sections": sections}
    return render(request, "backoffice/signals.html", context)


@role_required(Role.COORDINATOR, Role.PROFESSIONAL)
@require_GET
def signals_csv(request: HttpRequest) -> HttpResponse:
    _points, point, quarter = _signal_scope(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signalen-{point.slug}-{quarter}.csv"'
    writer = csv.writer(response)
    writer.writerow([_("steunpunt"), _("kwartaal"), _("onderdeel"), _("regel"), _("waarde")])
    for section in signals_for(support_point_id=point.pk, quarter=quarter):
        for row in section.rows:
            writer.writerow([point.name, str(quarter), section.title, row.label, row.shown])
    return response
