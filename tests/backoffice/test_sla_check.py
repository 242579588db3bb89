from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from backoffice.business_time import AMSTERDAM
from backoffice.models import Escalation, Event, Question
from backoffice.services import (
    escalation_hold,
    escalation_resume,
    escalation_take_next,
    question_escalate,
    sla_check,
    staff_reply,
)
from backoffice.tasks import check_slas
from tests.backoffice.conftest import ask


@pytest.fixture
def overdue(escalated: Question, professional: User) -> Escalation:
    escalation_take_next(professional=professional)
    escalation = Escalation.objects.get(question=escalated)
    past = timezone.now() - dt.timedelta(minutes=5)
    Escalation.objects.filter(pk=escalation.pk).update(first_response_due=past, next_due_at=past)
    return escalation


def test_an_overdue_first_response_is_marked_once_raises_priority_and_notifies(
    overdue: Escalation, superuser: User
) -> None:
    mail.outbox.clear()
    assert sla_check() == 1
    overdue.refresh_from_db()
    assert overdue.first_response_breached_at is not None and overdue.priority == 2
    assert sorted(mail.outbox[0].to) == ["admin@example.org", "professional@example.org"]
    assert "Termijn overschreden" in mail.outbox[0].subject
    assert Event.objects.filter(question=overdue.question, action="sla", after__contains="overschreden").count() == 1
    assert Event.objects.filter(question=overdue.question, action="priority", before="1", after="2").exists()

    assert sla_check() == 0  # idempotent
    assert len(mail.outbox) == 1


def test_the_lead_can_be_configured(overdue: Escalation, settings: object) -> None:
    settings.BACKOFFICE_LEAD_EMAILS = ["lead@example.org"]  # type: ignore[attr-defined]
    mail.outbox.clear()
    sla_check()
    assert "lead@example.org" in mail.outbox[0].to


def test_a_held_escalation_is_not_breached(overdue: Escalation, professional: User) -> None:
    escalation_hold(escalation=overdue, by=professional, reason="Wacht op het OPP")
    assert sla_check() == 0


def test_an_answered_escalation_only_breaches_on_resolution(overdue: Escalation, professional: User) -> None:
    staff_reply(question=overdue.question, author=professional, role="professional", body="Antwoord", internal=False)
    assert sla_check() == 0
    Escalation.objects.filter(pk=overdue.pk).update(resolution_due=timezone.now() - dt.timedelta(minutes=1))
    assert sla_check() == 1
    overdue.refresh_from_db()
    assert overdue.resolution_breached_at is not None and overdue.first_response_breached_at is None


def test_priority_never_goes_above_the_maximum(overdue: Escalation) -> None:
    Escalation.objects.filter(pk=overdue.pk).update(priority=3, resolution_due=timezone.now() - dt.timedelta(minutes=1))
    assert sla_check() == 2
    overdue.refresh_from_db()
    assert overdue.priority == 3


def test_the_command_and_the_task_run_the_check(overdue: Escalation, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("backoffice_sla_check")
    assert "1 termijn(en)" in capsys.readouterr().out
    Escalation.objects.filter(pk=overdue.pk).update(resolution_due=timezone.now() - dt.timedelta(minutes=1))
    assert check_slas.enqueue().return_value == 1


def test_escalating_sets_deadlines_in_working_hours_by_urgency(question: Question, coordinator: User) -> None:
    escalation = question_escalate(question=question, by=coordinator, reason="Complex", urgency="normal")
    assert escalation.priority == 0 and escalation.next_due_at == escalation.first_response_due
    assert escalation.first_response_due < escalation.resolution_due
    urgent = question_escalate(
        question=ask(question.support_point, question.asker, subject="Thuis"),
        by=coordinator,
        reason="x",
        urgency="urgent",
    )
    assert urgent.priority == 1 and urgent.first_response_due <= escalation.first_response_due


def test_resuming_moves_the_deadlines_by_the_working_time_on_hold(overdue: Escalation, professional: User) -> None:
    # On hold from Monday 2 March 2026 10:00 to 12:00 (Amsterdam): two working hours.
    held_since = dt.datetime(2026, 3, 2, 10, tzinfo=AMSTERDAM)
    due = dt.datetime(2026, 3, 3, 10, tzinfo=AMSTERDAM)
    Escalation.objects.filter(pk=overdue.pk).update(
        held_since=held_since, hold_reason="Wacht", first_response_due=due, resolution_due=due
    )
    overdue.refresh_from_db()
    paused_until = held_since + dt.timedelta(hours=2)
    with mock.patch("backoffice.services.timezone.now", return_value=paused_until):
        escalation_resume(escalation=overdue, by=professional)
    overdue.refresh_from_db()
    assert overdue.first_response_due == due + dt.timedelta(hours=2)
    assert overdue.held_since is None and overdue.next_due_at == overdue.first_response_due
    assert Event.objects.filter(question=overdue.question, action="hold", after__contains="120 werkminuten").exists()


def test_the_sla_state_of_a_partly_loaded_escalation_is_the_same(overdue: Escalation) -> None:
    now = timezone.now()
    partial = Escalation.objects.only("pk", "resolved_at").get(pk=overdue.pk)
    full = Escalation.objects.get(pk=overdue.pk)
    assert partial.sla_state(now) == full.sla_state(now) == "breached"
