"""The staff page of one question and its actions (regional first line and national professionals)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import log_access, role_required
from accounts.models import Role
from backoffice.access import (
    escalation_of,
    get_case_for_staff,
    is_backoffice,
    is_regional,
    require,
    require_escalation,
    staff_role,
)
from backoffice.business_time import BusinessCalendar
from backoffice.choices import MessageKind
from backoffice.forms import (
    AssignRegionalForm,
    CloseForm,
    EscalateForm,
    HoldForm,
    ReassignForm,
    StaffMessageForm,
)
from backoffice.knowledge import article_propose
from backoffice.models import SLA_LABELS, CannedResponse, DraftArticleProposal, Question
from backoffice.services import (
    ActionNotAllowed,
    escalation_claim,
    escalation_hold,
    escalation_reassign,
    escalation_resume,
    question_assign_regional,
    question_close,
    question_escalate,
    staff_reply,
)

STAFF = (Role.BUDDY, Role.COORDINATOR, Role.PROFESSIONAL)


def _timers(question: Question) -> dict[str, Any] | None:
    escalation = escalation_of(question)
    if escalation is None:
        return None
    calendar = BusinessCalendar.load()
    now = timezone.now()
    # While on hold the clock stands still at the moment the hold began.
    clock = escalation.held_since or now

    def left(due: Any, done: Any) -> float | None:
        if done is not None or escalation.resolved_at is not None:
            return None
        if due <= clock:
            return -round(calendar.working_seconds_between(due, clock) / 3600, 1)
        return round(calendar.working_seconds_between(clock, due) / 3600, 1)

    state = escalation.sla_state(now)
    return {
        "state": state,
        "label": SLA_LABELS[state],
        "first_left": left(escalation.first_response_due, escalation.first_response_at),
        "resolution_left": left(escalation.resolution_due, None),
    }


def _case_page(request: HttpRequest, question: Question, *, status: int = 200, **forms_: forms.Form) -> HttpResponse:
    user = request.user
    escalation = escalation_of(question)
    backoffice = is_backoffice(user, question)
    regional = is_regional(user, question)
    context = {
        "question": question,
        "escalation": escalation,
        "timers": _timers(question),
        "entries": question.messages.select_related("author"),
        "events": question.events.select_related("actor"),
        # A draft article needs an answer: before the first one there is nothing to look up.
        "proposals": question.article_proposals.all() if question.first_response_at else [],
        "canned": CannedResponse.objects.filter(tier=question.tier) if backoffice else [],
        "is_backoffice": backoffice,
        "can_assign": user.coordinates(question.support_point_id) and not question.is_closed,
        "can_escalate": regional and escalation is None and not question.is_closed,
        "can_close": not question.is_closed and (backoffice if escalation else regional),
        "others_work": escalation and escalation.assignee_id and escalation.assignee_id != user.pk,
        "message_form": forms_.get("message_form") or StaffMessageForm(),
        "escalate_form": forms_.get("escalate_form") or EscalateForm(initial={"urgency": question.urgency}),
        "assign_form": forms_.get("assign_form") or AssignRegionalForm(support_point_id=question.support_point_id),
        "reassign_form": forms_.get("reassign_form") or ReassignForm(),
        "hold_form": forms_.get("hold_form") or HoldForm(),
        "close_form": forms_.get("close_form") or CloseForm(),
        "error_form": next((f for f in forms_.values() if f.errors), None),
    }
    return render(request, "backoffice/case.html", context, status=status)


def _not_allowed(request: HttpRequest, error: ActionNotAllowed) -> None:
    messages.error(request, str(error))


@role_required(*STAFF)
@require_GET
def case(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    log_access(actor=request.user, obj=question, path=request.path)
    return _case_page(request, question)


@role_required(*STAFF)
@require_POST
def case_message(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    form = StaffMessageForm(request.POST)
    if not form.is_valid():
        return _case_page(request, question, status=400, message_form=form)
    internal = form.cleaned_data["kind"] == MessageKind.NOTE
    staff_reply(
        question=question,
        author=request.user,
        role=staff_role(request.user, question),
        body=form.cleaned_data["body"],
        internal=internal,
    )
    messages.success(
        request, _("Je notitie is opgeslagen.") if internal else _("Je bericht is verstuurd naar de ouder.")
    )
    return redirect(question.get_case_url())


@role_required(Role.COORDINATOR)
@require_POST
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    require(request.user.coordinates(question.support_point_id))
    form = AssignRegionalForm(request.POST, support_point_id=question.support_point_id)
    if not form.is_valid():
        return _case_page(request, question, status=400, assign_form=form)
    try:
        question_assign_regional(question=question, handler=form.cleaned_data["handler"], by=request.user)
        messages.success(request, _("De vraag is toegewezen."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(Role.BUDDY, Role.COORDINATOR)
@require_POST
def case_escalate(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    require(is_regional(request.user, question))
    form = EscalateForm(request.POST)
    if not form.is_valid():
        return _case_page(request, question, status=400, escalate_form=form)
    try:
        question_escalate(question=question, by=request.user, **form.cleaned_data)
        messages.success(request, _("De vraag is doorgezet naar de landelijke backoffice. Je blijft op de hoogte."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def case_claim(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    escalation = require_escalation(request.user, question)
    try:
        escalation_claim(escalation_id=escalation.pk, professional=request.user)
        messages.success(request, _("Je behandelt deze vraag nu."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def case_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    escalation = require_escalation(request.user, question)
    form = ReassignForm(request.POST)
    if not form.is_valid():
        return _case_page(request, question, status=400, reassign_form=form)
    escalation_reassign(escalation=escalation, to=form.cleaned_data["assignee"], by=request.user)
    messages.success(request, _("De vraag is overgedragen."))
    return redirect(question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def case_hold(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    escalation = require_escalation(request.user, question)
    form = HoldForm(request.POST)
    if not form.is_valid():
        return _case_page(request, question, status=400, hold_form=form)
    try:
        escalation_hold(escalation=escalation, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("De vraag staat in de wacht. De termijnen lopen niet door."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def case_resume(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    escalation = require_escalation(request.user, question)
    try:
        escalation_resume(escalation=escalation, by=request.user)
        messages.success(request, _("De wachtstand is opgeheven. De termijnen lopen weer."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(*STAFF)
@require_POST
def case_close(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    user = request.user
    require(is_backoffice(user, question) if escalation_of(question) else is_regional(user, question))
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _case_page(request, question, status=400, close_form=form)
    try:
        question_close(question=question, by=user, resolution=form.cleaned_data["resolution"])
        messages.success(request, _("De vraag is afgesloten. De ouder krijgt een korte vraag over de tevredenheid."))
    except ActionNotAllowed as error:
        _not_allowed(request, error)
    return redirect(question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def case_article(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_case_for_staff(request, pk)
    require_escalation(request.user, question)
    try:
        proposal = article_propose(question=question, by=request.user)
    except ActionNotAllowed as error:
        _not_allowed(request, error)
        return redirect(question.get_case_url())
    messages.success(request, _("Er is een concept-artikel gemaakt. Haal de gemarkeerde persoonsgegevens eruit."))
    return redirect("backoffice:proposal", pk=proposal.pk)


@role_required(Role.PROFESSIONAL)
@require_http_methods(["GET"])
def proposal(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(DraftArticleProposal.objects.select_related("question", "created_by"), pk=pk)
    return render(request, "backoffice/proposal.html", {"proposal": item})
