"""Pages for a parent who asks for help: the request form, the status of their requests, the exit survey."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import role_required
from accounts.models import Role
from buddies import services
from buddies.access import current_user, get_own_request
from buddies.forms import HelpRequestForm, SurveyForm
from buddies.models import CONSENT_VERSION, HelpRequest, Match, MatchStatus, RequestStatus, Respondent
from regions.models import PostcodeArea, SupportPoint
from regions.session import chosen_region


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """What buddy help is, with the way in for parents, buddies and coordinators."""
    return render(request, "buddies/start.html")


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request)
    if region is None:
        return redirect(reverse("regions:choose") + "?" + urlencode({"next": request.path}))
    point = SupportPoint.objects.filter(pk__in=region["support_point_ids"]).order_by("name").first()
    if point is None:
        return render(request, "buddies/request_no_point.html", {"region": region})
    form = HelpRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = {k: v for k, v in form.cleaned_data.items() if k != "consent"}
        help_request = services.help_request_create(
            parent=current_user(request),
            support_point=point,
            area=PostcodeArea.objects.filter(pk=region["pc4"]).first(),
            **data,
        )
        messages.success(request, _("Je hulpvraag is verstuurd. We zoeken een buddy voor je."))
        return redirect("buddies:my_request", pk=help_request.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "point": point, "region": region, "consent_version": CONSENT_VERSION}
    return render(request, "buddies/request_form.html", context, status=status)


@role_required(Role.PARENT)
@require_GET
def my_requests(request: HttpRequest) -> HttpResponse:
    requests = HelpRequest.objects.of_parent(request.user).select_related("support_point").order_by("-created_at")
    return render(request, "buddies/my_requests.html", {"requests": requests[:50]})


@role_required(Role.PARENT)
@require_GET
def my_request(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_own_request(request, pk)
    match = (
        help_request.matches.filter(status__in=[MatchStatus.ACTIVE, MatchStatus.CLOSED])
        .select_related("buddy__user")
        .prefetch_related("surveys")
        .first()
    )
    survey_open = bool(
        match
        and match.status == MatchStatus.CLOSED
        and not any(s.respondent == Respondent.PARENT for s in match.surveys.all())
    )
    context = {"help_request": help_request, "match": match, "survey_open": survey_open}
    return render(request, "buddies/my_request.html", context)


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def request_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then withdraw the parent's own request; a buddy who was asked or helping is told."""
    help_request = get_own_request(request, pk)
    if help_request.status == RequestStatus.CLOSED:
        messages.info(request, _("Deze aanvraag is al afgesloten."))
        return redirect("buddies:my_request", pk=pk)
    if request.method == "POST":
        try:
            services.help_request_withdraw(request_id=help_request.pk, by=current_user(request))
        except services.MatchError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Je aanvraag is ingetrokken."))
        return redirect("buddies:my_request", pk=pk)
    return render(request, "buddies/request_withdraw.html", {"help_request": help_request})


def _closed_match(help_request: HelpRequest) -> Match | None:
    return help_request.matches.filter(status=MatchStatus.CLOSED).order_by("-closed_at").first()


@role_required(Role.PARENT)
@require_http_methods(["GET", "POST"])
def parent_survey(request: HttpRequest, pk: int) -> HttpResponse:
    help_request = get_own_request(request, pk)
    match = _closed_match(help_request)
    if match is None:
        messages.info(request, _("Je kunt de vragen invullen als de hulp is afgesloten."))
        return redirect("buddies:my_request", pk=pk)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_submit(match=match, respondent=Respondent.PARENT, **form.cleaned_data)
        except services.MatchError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Dank je wel voor je antwoorden."))
        return redirect("buddies:my_request", pk=pk)
    status = 400 if form.errors else 200
    return render(
        request, "buddies/survey.html", {"form": form, "back": reverse("buddies:my_request", args=[pk])}, status=status
    )
