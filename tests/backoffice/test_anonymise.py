from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from backoffice.models import Event, Message, Question
from backoffice.services import ANONYMISED, question_close, questions_anonymise, staff_reply
from backoffice.tasks import anonymise_closed_questions


@pytest.fixture
def old_closed(escalated: Question, professional: User, settings: object) -> Question:
    staff_reply(question=escalated, author=professional, role="professional", body="Antwoord aan Anna", internal=False)
    question_close(question=escalated, by=professional, resolution="answered")
    Question.objects.filter(pk=escalated.pk).update(closed_at=timezone.now() - dt.timedelta(days=400))
    settings.RETENTION_DAYS = 365  # type: ignore[attr-defined]
    return escalated


def test_closed_questions_past_retention_lose_text_and_asker_but_keep_what_signals_need(old_closed: Question) -> None:
    assert questions_anonymise() == 1
    question = Question.objects.get(pk=old_closed.pk)
    assert question.subject == ANONYMISED and question.body == ANONYMISED
    assert question.asker is None and question.guest_email == "" and question.anonymised_at is not None
    assert question.tier == 4 and question.needs == ["autism"] and question.first_response_at is not None
    assert set(Message.objects.values_list("body", flat=True)) == {ANONYMISED}
    assert question.escalation.reason == ANONYMISED
    assert Event.objects.filter(question=question, action="anonymised").exists()


def test_anonymising_is_idempotent_and_leaves_recent_and_open_questions(
    old_closed: Question, question: Question
) -> None:
    assert questions_anonymise() == 1
    assert questions_anonymise() == 0
    assert Question.objects.filter(anonymised_at__isnull=True).count() == 0  # `question` is `old_closed` itself


def test_open_and_recently_closed_questions_are_kept(escalated: Question, professional: User) -> None:
    assert questions_anonymise() == 0
    question_close(question=escalated, by=professional, resolution="answered")
    assert questions_anonymise() == 0


def test_the_command_and_the_task_anonymise(old_closed: Question, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("backoffice_anonymise")
    assert "1 vraag/vragen geanonimiseerd" in capsys.readouterr().out
    assert anonymise_closed_questions.enqueue().return_value == 0
