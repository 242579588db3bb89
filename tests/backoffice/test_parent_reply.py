from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from unittest import mock

from django.core import mail
from django.test import Client
from django.utils import timezone

from accounts.models import User
from backoffice.business_time import AMSTERDAM
from backoffice.choices import Status
from backoffice.models import Escalation, Event, Question
from backoffice.services import parent_reply, question_close, sla_check, staff_reply


def test_a_parent_sees_status_handler_and_replies(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    from backoffice.services import escalation_take_next

    escalation_take_next(professional=professional)
    staff_reply(question=escalated, author=professional, role="professional", body="Zo zit het.", internal=False)
    response = client_for("parent").get(f"/vragen/mijn/{escalated.pk}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Beantwoord" in body and "Professional Hanna" in body and "Zo zit het." in body


def test_a_reply_to_a_closed_question_reopens_it(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    staff_reply(question=escalated, author=professional, role="professional", body="Antwoord", internal=False)
    question_close(question=escalated, by=professional, resolution="answered")
    mail.outbox.clear()

    response = client_for("parent").post(f"/vragen/mijn/{escalated.pk}/", {"body": "Toch nog een vraag"})

    assert response.status_code == 302
    escalated.refresh_from_db()
    escalation = escalated.escalation
    escalation.refresh_from_db()
    assert escalated.status == Status.BACKOFFICE and escalated.closed_at is None and escalated.resolution == ""
    assert escalation.resolved_at is None
    assert mail.outbox and "buddy@example.org" in mail.outbox[0].to


def test_a_parent_reply_does_not_reset_the_first_response_timer(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    staff_reply(question=escalated, author=professional, role="professional", body="Antwoord", internal=False)
    escalation = escalated.escalation
    escalation.refresh_from_db()
    first = escalation.first_response_at
    client_for("parent").post(f"/vragen/mijn/{escalated.pk}/", {"body": "Dank, maar…"})
    escalation.refresh_from_db()
    assert escalation.first_response_at == first and escalation.next_due_at == escalation.resolution_due


def test_a_parent_cannot_open_another_parents_question(client_for: Callable[[str], Client], question: Question) -> None:
    assert client_for("parent_b").get(f"/vragen/mijn/{question.pk}/").status_code == 404
    assert client_for("parent_b").post(f"/vragen/mijn/{question.pk}/", {"body": "x"}).status_code == 404


def test_my_questions_lists_only_my_own(
    client_for: Callable[[str], Client], question: Question, parent_b: User
) -> None:
    from tests.backoffice.conftest import ask

    other = ask(question.support_point, parent_b, subject="Vraag van Bram")
    body = client_for("parent").get("/vragen/mijn/").content.decode()
    assert question.subject in body and other.subject not in body


MONDAY_10 = dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)


def test_a_reopened_escalation_gets_a_fresh_resolution_deadline_in_working_hours(
    escalated: Question, professional: User, parent: User
) -> None:
    staff_reply(question=escalated, author=professional, role="professional", body="Antwoord", internal=False)
    escalation = Escalation.objects.get(question=escalated)
    first_at, first_due = escalation.first_response_at, escalation.first_response_due
    long_ago = timezone.now() - dt.timedelta(days=30)
    Escalation.objects.filter(pk=escalation.pk).update(resolution_due=long_ago, resolution_breached_at=long_ago)
    question_close(question=escalated, by=professional, resolution="answered")

    with mock.patch("backoffice.services.timezone.now", return_value=MONDAY_10):
        parent_reply(question=escalated, author=parent, body="Het is toch niet opgelost")

    escalation.refresh_from_db()
    # Urgent: 40 working hours to resolve, counted from the reply: five working days later at the same hour.
    assert escalation.resolution_due == dt.datetime(2026, 11, 30, 10, tzinfo=AMSTERDAM)
    assert escalation.resolved_at is None and escalation.resolution_breached_at is None
    assert escalation.first_response_at == first_at and escalation.first_response_due == first_due
    assert escalation.next_due_at == escalation.resolution_due
    # At risk from half a working day before: Friday 14:00 (Monday 9–10 and Friday 14–17).
    assert escalation.next_warn_at == dt.datetime(2026, 11, 27, 14, tzinfo=AMSTERDAM)
    assert Event.objects.filter(question=escalated, action="sla", after__startswith="Heropend").exists()
    assert sla_check(now=MONDAY_10 + dt.timedelta(hours=1)) == 0


def test_reopening_an_escalation_that_was_never_answered_keeps_its_first_response_deadline(
    escalated: Question, professional: User, parent: User
) -> None:
    question_close(question=escalated, by=professional, resolution="withdrawn")
    first_due = Escalation.objects.get(question=escalated).first_response_due

    parent_reply(question=escalated, author=parent, body="Ik wil toch hulp")

    escalation = Escalation.objects.get(question=escalated)
    assert escalation.first_response_at is None and escalation.first_response_due == first_due
    assert escalation.next_due_at == first_due


def test_a_parent_reply_to_an_open_escalation_leaves_every_deadline_alone(
    escalated: Question, professional: User, parent: User
) -> None:
    staff_reply(question=escalated, author=professional, role="professional", body="Antwoord", internal=False)
    before = Escalation.objects.values("first_response_due", "resolution_due", "next_due_at", "next_warn_at").get()

    parent_reply(question=escalated, author=parent, body="Nog een vraag")

    after = Escalation.objects.values("first_response_due", "resolution_due", "next_due_at", "next_warn_at").get()
    assert after == before
    assert not Event.objects.filter(question=escalated, action="sla", after__startswith="Heropend").exists()


def test_my_questions_shows_every_question_page_by_page(
    client_for: Callable[[str], Client], support_point: object, parent: User
) -> None:
    from tests.backoffice.bulk import bulk_escalations_sql

    bulk_escalations_sql(30, points=[support_point], asker=parent)  # type: ignore[list-item]
    client = client_for("parent")
    first, second = client.get("/vragen/mijn/"), client.get("/vragen/mijn/?pagina=2")
    assert len(first.context["page"].object_list) == 25 and len(second.context["page"].object_list) == 5
    assert 'rel="next"' in first.content.decode()
