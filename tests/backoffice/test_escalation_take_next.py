"""Claiming with real parallel database connections: nobody ever holds an escalation someone else holds."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client

from accounts.models import User
from backoffice.models import Escalation, Event, Question
from backoffice.services import ActionNotAllowed, escalation_claim, escalation_take_next
from regions.models import SupportPoint
from tests.backoffice.conftest import ask
from tests.conftest import make_user


def escalate_many(point: SupportPoint, parent: User, coordinator: User, count: int) -> list[Question]:
    from backoffice.services import question_escalate

    questions = []
    for index in range(count):
        question = ask(point, parent, subject=f"Vraag {index}")
        question_escalate(question=question, by=coordinator, reason="Te complex", urgency="normal")
        questions.append(question)
    return questions


def run_in_parallel(workers: list[Callable[[], None]]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(len(workers))

    def run(work: Callable[[], None]) -> None:
        try:
            start.wait()
            work()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connection.close()  # every thread has its own connection; close it

    threads = [threading.Thread(target=run, args=(work,)) for work in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_twenty_parallel_take_next_calls_claim_ten_escalations_exactly_once(
    support_point: SupportPoint, parent: User, coordinator: User
) -> None:
    escalate_many(support_point, parent, coordinator, 10)
    professionals = [make_user(f"prof{i}@example.org", is_professional=True) for i in range(20)]
    claimed: list[int | None] = []
    lock = threading.Lock()

    def take(professional: User) -> Callable[[], None]:
        def work() -> None:
            escalation = escalation_take_next(professional=professional)
            with lock:
                claimed.append(escalation.pk if escalation else None)

        return work

    errors = run_in_parallel([take(p) for p in professionals])

    assert errors == []
    got = [pk for pk in claimed if pk is not None]
    assert len(claimed) == 20 and len(got) == 10 and len(set(got)) == 10
    assert Escalation.objects.filter(assignee__isnull=True).count() == 0
    assert len(set(Escalation.objects.values_list("assignee", flat=True))) == 10
    # One assignee event per claim: nobody's claim was overwritten.
    assert Counter(Event.objects.filter(action="assignee").values_list("question", flat=True)).most_common(1)[0][1] == 1


@pytest.mark.django_db(transaction=True)
def test_two_professionals_claiming_the_same_escalation_at_once_get_one_claim(
    support_point: SupportPoint, parent: User, coordinator: User
) -> None:
    (question,) = escalate_many(support_point, parent, coordinator, 1)
    escalation_id = question.escalation.pk
    professionals = [make_user(f"p{i}@example.org", is_professional=True) for i in range(6)]
    refused: list[int] = []

    def claim(professional: User) -> Callable[[], None]:
        def work() -> None:
            try:
                escalation_claim(escalation_id=escalation_id, professional=professional)
            except ActionNotAllowed:
                refused.append(professional.pk)

        return work

    assert run_in_parallel([claim(p) for p in professionals]) == []
    assert len(refused) == 5
    assert Escalation.objects.get().assignee_id not in refused


def test_take_next_picks_the_highest_priority_then_the_nearest_deadline(
    support_point: SupportPoint, parent: User, coordinator: User, professional: User
) -> None:
    normal, urgent = escalate_many(support_point, parent, coordinator, 2)
    Escalation.objects.filter(question=urgent).update(priority=2)
    assert escalation_take_next(professional=professional).question_id == urgent.pk
    assert escalation_take_next(professional=professional).question_id == normal.pk
    assert escalation_take_next(professional=professional) is None


def test_the_take_next_button_opens_the_claimed_question(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    response = client_for("professional").post("/vragen/backoffice/volgende/")
    assert response.status_code == 302 and response["Location"] == f"/vragen/behandelen/{escalated.pk}/"


def test_an_empty_queue_says_so(client_for: Callable[[str], Client]) -> None:
    response = client_for("professional").post("/vragen/backoffice/volgende/", follow=True)
    assert "Er staan geen vragen meer in de wachtrij." in response.content.decode()


def test_opening_a_question_someone_else_works_on_warns_who_and_since_when(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    colleague = make_user("collega@example.org", first_name="Ilse", mfa=True, is_professional=True)
    escalation_claim(escalation_id=escalated.escalation.pk, professional=colleague)
    body = client_for("professional").get(f"/vragen/behandelen/{escalated.pk}/").content.decode()
    assert "Let op: Ilse werkt aan deze vraag sinds" in body
    own = client_for("professional")
    own.force_login(colleague)
    assert "Let op:" not in own.get(f"/vragen/behandelen/{escalated.pk}/").content.decode()


def test_claiming_a_question_someone_else_holds_is_refused_with_a_message(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    colleague = make_user("collega@example.org", is_professional=True)
    escalation_claim(escalation_id=escalated.escalation.pk, professional=colleague)
    response = client_for("professional").post(f"/vragen/behandelen/{escalated.pk}/oppakken/", follow=True)
    assert "Een andere professional heeft deze vraag al opgepakt." in response.content.decode()
    assert Escalation.objects.get().assignee == colleague
