from __future__ import annotations

from collections.abc import Callable

from django.core import mail
from django.test import Client

from accounts.models import User
from backoffice.choices import Status
from backoffice.models import Question
from backoffice.services import question_close, staff_reply


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
