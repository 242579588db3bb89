"""A buddy's pages: the caseload, their profile, answering proposals, and working with one parent."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import role_required
from accounts.models import Role
from buddies import services
from buddies.access import current_user, get_match_for_buddy, get_own_profile
from buddies.forms import BuddyProfileForm, CloseForm, ContactForm, DeclineForm, HandoverForm, SurveyForm
from buddies.models import Match, MatchStatus, Outcome, Respondent


@role_required(Role.BUDDY)
@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    profile = get_own_profile(request)
    matches = Match.objects.filter(buddy=profile).select_related("request__parent")
    active = list(matches.filter(status=MatchStatus.ACTIVE).order_by("next_check_in_on", "pk"))
    proposals = list(matches.filter(status=MatchStatus.PROPOSED).order_by("respond_by"))
    to_evaluate = list(
        matches.filter(status=MatchStatus.CLOSED)
        .exclude(outcome=Outcome.HANDED_OVER)
        .exclude(surveys__respondent=Respondent.BUDDY)
        .order_by("-closed_at")[:5]
    )
    today = timezone.localdate()
    context = {
        "profile": profile,
        "active": active,
        "proposals": proposals,
        "to_evaluate": to_evaluate,
        "today": today,
        "overdue_count": sum(1 for m in active if m.is_overdue(today)),
        "screening_valid": profile.screening_valid_on(today),
    }
    return render(request, "buddies/caseload.html", context)


@role_required(Role.BUDDY)
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    own = get_own_profile(request)
    form = BuddyProfileForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        try:
            services.buddy_profile_save(profile=form.save(commit=False), fields=[*form.Meta.fields, "home_area"])
        except services.MatchError as error:
            form.add_error("capacity", str(error))
        else:
            messages.success(request, _("Je profiel is opgeslagen."))
            return redirect("buddies:caseload")
    status = 400 if form.errors else 200
    return render(request, "buddies/profile_form.html", {"form": form, "profile": own}, status=status)


def _proposal_page(request: HttpRequest, match: Match, decline_form: DeclineForm, status: int = 200) -> HttpResponse:
    context = {"match": match, "help_request": match.request, "decline_form": decline_form}
    return render(request, "buddies/proposal.html", context, status=status)


@role_required(Role.BUDDY)
@require_GET
def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_buddy(request, pk)
    if match.status == MatchStatus.ACTIVE:
        return redirect("buddies:match", pk=pk)
    return _proposal_page(request, match, DeclineForm())


@role_required(Role.BUDDY)
@require_POST
def proposal_accept(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_buddy(request, pk)
    try:
        services.match_accept(match_id=match.pk, by=current_user(request))
    except services.MatchError as error:
        messages.error(request, str(error))
        return redirect("buddies:proposal", pk=pk)
    messages.success(request, _("Je helpt deze ouder nu. Neem binnen een paar dagen contact op."))
    return redirect("buddies:match", pk=pk)


@role_required(Role.BUDDY)
@require_POST
def proposal_decline(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_buddy(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _proposal_page(request, match, form, status=400)
    try:
        services.match_decline(match_id=match.pk, by=current_user(request), **form.cleaned_data)
    except services.MatchError as error:
        messages.error(request, str(error))
        return redirect("buddies:proposal", pk=pk)
    messages.success(request, _("Je hebt het voorstel afgewezen. De coördinator zoekt een andere buddy."))
    return redirect("buddies:caseload")


def _match_page(request: HttpRequest, match: Match, form: ContactForm, status: int = 200) -> HttpResponse:
    context = {
        "match": match,
        "help_request": match.request,
        "contacts": match.contacts.all()[:50],
        "form": form,
        "today": timezone.localdate(),
    }
    return render(request, "buddies/match.html", context, status=status)


def _active_or_redirect(request: HttpRequest, pk: int) -> Match | HttpResponse:
    match = get_match_for_buddy(request, pk)
    if match.status == MatchStatus.PROPOSED:
        return redirect("buddies:proposal", pk=pk)
    return match


@role_required(Role.BUDDY)
@require_GET
def match(request: HttpRequest, pk: int) -> HttpResponse:
    found = _active_or_redirect(request, pk)
    if isinstance(found, HttpResponse):
        return found
    return _match_page(request, found, ContactForm(initial={"happened_on": timezone.localdate()}))


@role_required(Role.BUDDY)
@require_POST
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_buddy(request, pk)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _match_page(request, match, form, status=400)
    try:
        services.contact_add(match=match, by=current_user(request), **form.cleaned_data)
    except services.MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het contact is opgeslagen."))
    return redirect("buddies:match", pk=pk)


def _active_match(request: HttpRequest, pk: int) -> Match | HttpResponse:
    match = get_match_for_buddy(request, pk)
    if match.status != MatchStatus.ACTIVE:
        messages.info(request, _("Deze koppeling is niet actief."))
        return redirect("buddies:caseload")
    return match


@role_required(Role.BUDDY)
@require_http_methods(["GET", "POST"])
def match_close(request: HttpRequest, pk: int) -> HttpResponse:
    found = _active_match(request, pk)
    if isinstance(found, HttpResponse):
        return found
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.match_close(match_id=found.pk, by=current_user(request), outcome=form.cleaned_data["outcome"])
        messages.success(request, _("De koppeling is afgesloten. Wil je nog drie korte vragen beantwoorden?"))
        return redirect("buddies:buddy_survey", pk=pk)
    status = 400 if form.errors else 200
    return render(request, "buddies/match_close.html", {"match": found, "form": form}, status=status)


@role_required(Role.BUDDY)
@require_http_methods(["GET", "POST"])
def handover(request: HttpRequest, pk: int) -> HttpResponse:
    found = _active_match(request, pk)
    if isinstance(found, HttpResponse):
        return found
    form = HandoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.handover_request(match=found, by=current_user(request), note=form.cleaned_data["note"])
        messages.success(request, _("Je coördinator heeft je vraag gekregen en zoekt een andere buddy."))
        return redirect("buddies:match", pk=pk)
    status = 400 if form.errors else 200
    return render(request, "buddies/handover.html", {"match": found, "form": form}, status=status)


@role_required(Role.BUDDY)
@require_GET
def escalate(request: HttpRequest, pk: int) -> HttpResponse:
    """The entry point for asking the national back office; the escalation itself is built in the backoffice app."""
    match = get_match_for_buddy(request, pk)
    return render(request, "buddies/escalate.html", {"match": match, "help_request": match.request})


@role_required(Role.BUDDY)
@require_http_methods(["GET", "POST"])
def buddy_survey(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_buddy(request, pk)
    if match.status != MatchStatus.CLOSED:
        return redirect("buddies:match", pk=pk)
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_submit(match=match, respondent=Respondent.BUDDY, **form.cleaned_data)
        except services.MatchError as error:
            messages.info(request, str(error))
        else:
            messages.success(request, _("Dank je wel voor je antwoorden."))
        return redirect("buddies:caseload")
    status = 400 if form.errors else 200
    return render(request, "buddies/survey.html", {"form": form, "back": reverse("buddies:caseload")}, status=status)
