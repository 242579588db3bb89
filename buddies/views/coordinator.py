"""A coordinator's pages: the overview per support point, requests with suggestions, buddies and settings."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import role_required
from accounts.models import Role
from buddies import services
from buddies.access import (
    current_user,
    get_profile_for_coordinator,
    get_request_for_coordinator,
    get_support_point_for_coordinator,
)
from buddies.chart import requests_and_matches
from buddies.forms import InvitationForm, MatchingSettingsForm, ProposeForm, ScreeningForm
from buddies.matching import suggestions
from buddies.models import (
    SCREENING_VALID_DAYS,
    Answer,
    BuddyProfile,
    BuddyStatus,
    ExitSurvey,
    HelpRequest,
    Match,
    MatchingSettings,
    MatchStatus,
    Outcome,
    RequestStatus,
)
from regions.models import SupportPoint

PAGE_SIZE = 25


@role_required(Role.COORDINATOR)
@require_GET
def coordinator_home(request: HttpRequest) -> HttpResponse:
    points = list(SupportPoint.objects.coordinated_by(current_user(request)).order_by("name")[:200])
    if len(points) == 1:
        return redirect("buddies:overview", slug=points[0].slug)
    return render(request, "buddies/coordinator_home.html", {"points": points})


def _quarter_start(today: datetime.date) -> datetime.date:
    return datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _survey_summary(point: SupportPoint) -> list[dict[str, object]]:
    counts = {
        f"{field}_{answer}": Count("pk", filter=Q(**{field: answer}))
        for field in ("helpful", "would_recommend")
        for answer in Answer.values
    }
    rows = ExitSurvey.objects.filter(match__request__support_point=point).values("respondent").annotate(**counts)
    return sorted(rows, key=lambda row: row["respondent"], reverse=True)


@role_required(Role.COORDINATOR)
@require_GET
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_support_point_for_coordinator(request, slug)
    today = timezone.localdate()
    live = HelpRequest.objects.filter(support_point=point, status__in=[RequestStatus.OPEN, RequestStatus.PROPOSED])
    buddies = BuddyProfile.objects.at(point.pk)
    active_here = Match.objects.active().filter(request__support_point=point).select_related("buddy__user")
    warn_from = today - datetime.timedelta(days=SCREENING_VALID_DAYS - 60)
    closed = Match.objects.filter(
        request__support_point=point, status=MatchStatus.CLOSED, closed_at__date__gte=_quarter_start(today)
    )
    outcome_names = dict(Outcome.choices)
    context = {
        "point": point,
        "today": today,
        "open_requests": list(live.order_by("-is_urgent", "created_at")[:20]),
        "open_count": live.count(),
        "load": buddies.aggregate(
            buddies=Count("pk", filter=Q(status=BuddyStatus.ACTIVE)),
            helping=Sum("active_matches"),
            places=Sum("capacity", filter=Q(status=BuddyStatus.ACTIVE)),
            full=Count("pk", filter=Q(status=BuddyStatus.ACTIVE, active_matches__gte=F("capacity"))),
        ),
        "overdue": list(active_here.filter(next_check_in_on__lt=today).order_by("next_check_in_on")[:20]),
        "handovers": list(
            active_here.filter(handover_requested_at__isnull=False).order_by("handover_requested_at")[:20]
        ),
        "expiring": list(
            buddies.exclude(status=BuddyStatus.STOPPED)
            .filter(vog_issued_on__lte=warn_from)
            .select_related("user")
            .order_by("vog_issued_on")[:20]
        ),
        "outcomes": [
            (outcome_names.get(row["outcome"], row["outcome"]), row["n"])
            for row in closed.values("outcome").annotate(n=Count("pk")).order_by("-n")
        ],
        "surveys": _survey_summary(point),
        "suggestions_for_improvement": list(
            ExitSurvey.objects.filter(match__request__support_point=point)
            .exclude(improve="")
            .order_by("-created_at")
            .values_list("improve", flat=True)[:5]
        ),
        "chart": requests_and_matches(point.pk, today),
    }
    return render(request, "buddies/overview.html", context)


@role_required(Role.COORDINATOR)
@require_GET
def request_list(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_support_point_for_coordinator(request, slug)
    status = request.GET.get("status", "")
    requests = HelpRequest.objects.filter(support_point=point).order_by("-is_urgent", "-created_at")
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {"point": point, "page": page, "status": status, "statuses": RequestStatus.choices}
    return render(request, "buddies/request_list.html", context)


@role_required(Role.COORDINATOR)
@require_GET
def buddy_list(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_support_point_for_coordinator(request, slug)
    buddies = BuddyProfile.objects.at(point.pk).select_related("user").order_by("user__first_name", "pk")
    page = Paginator(buddies, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {"point": point, "page": page, "today": timezone.localdate()}
    return render(request, "buddies/buddy_list.html", context)


@role_required(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_support_point_for_coordinator(request, slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_create(
            support_point=point, email=form.cleaned_data["email"], invited_by=current_user(request)
        )
        messages.success(request, _("De uitnodiging is verstuurd naar %(email)s.") % form.cleaned_data)
        return redirect("buddies:buddy_list", slug=slug)
    status = 400 if form.errors else 200
    return render(request, "buddies/invite.html", {"point": point, "form": form}, status=status)


@role_required(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def matching_settings(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_support_point_for_coordinator(request, slug)
    form = MatchingSettingsForm(request.POST or None, instance=MatchingSettings.for_support_point(point.pk))
    if request.method == "POST" and form.is_valid():
        moved = services.matching_settings_save(matching_settings=form.instance, changed_fields=form.changed_data)
        messages.success(request, _("De instellingen zijn opgeslagen."))
        if moved:
            messages.info(
                request,
                ngettext(
                    "Het volgende contact van %(count)d koppeling is aangepast aan het nieuwe ritme.",
                    "Het volgende contact van %(count)d koppelingen is aangepast aan het nieuwe ritme.",
                    moved,
                )
                % {"count": moved},
            )
        return redirect("buddies:overview", slug=slug)
    status = 400 if form.errors else 200
    return render(request, "buddies/settings_form.html", {"point": point, "form": form}, status=status)


@role_required(Role.COORDINATOR)
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_request_for_coordinator(request, pk)
    history = list(help_request.matches.select_related("buddy__user").order_by("-proposed_at"))
    live = next((m for m in history if m.status in (MatchStatus.PROPOSED, MatchStatus.ACTIVE)), None)
    context = {
        "help_request": help_request,
        "history": history,
        "live": live,
        "contacts": list(live.contacts.all()[:50]) if live and live.status == MatchStatus.ACTIVE else [],
        "suggestions": suggestions(help_request) if help_request.status == RequestStatus.OPEN else [],
        "today": timezone.localdate(),
    }
    return render(request, "buddies/request_detail.html", context)


@role_required(Role.COORDINATOR)
@require_POST
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_request_for_coordinator(request, pk)
    form = ProposeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een buddy uit de lijst."))
        return redirect("buddies:request_detail", pk=pk)
    try:
        match = services.match_propose(
            request_id=help_request.pk, buddy_id=form.cleaned_data["buddy"], proposed_by=current_user(request)
        )
    except services.MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s heeft het voorstel gekregen.") % {"name": match.buddy.first_name})
    return redirect("buddies:request_detail", pk=pk)


@role_required(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def handover_close(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_request_for_coordinator(request, pk)
    live = help_request.matches.filter(status=MatchStatus.ACTIVE).select_related("buddy__user").first()
    if live is None:
        messages.info(request, _("Deze hulpvraag heeft geen actieve buddy."))
        return redirect("buddies:request_detail", pk=pk)
    if request.method == "POST":
        services.match_close(match_id=live.pk, by=current_user(request), outcome=Outcome.HANDED_OVER)
        messages.success(request, _("De koppeling is beëindigd. Kies nu een nieuwe buddy."))
        return redirect("buddies:request_detail", pk=pk)
    return render(request, "buddies/handover_confirm.html", {"help_request": help_request, "match": live})


@role_required(Role.COORDINATOR)
@require_http_methods(["GET", "POST"])
def screening(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_profile_for_coordinator(request, pk)
    form = ScreeningForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.buddy_profile_save(profile=form.save(commit=False), fields=form.Meta.fields)
        except services.MatchError as error:
            form.add_error("capacity", str(error))
        else:
            messages.success(request, _("De gegevens van %(name)s zijn opgeslagen.") % {"name": profile.first_name})
            return redirect("buddies:screening", pk=pk)
    status = 400 if form.errors else 200
    context = {"profile": profile, "form": form, "today": timezone.localdate()}
    return render(request, "buddies/screening_form.html", context, status=status)
