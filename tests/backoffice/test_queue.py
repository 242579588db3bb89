from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from backoffice.models import Escalation, Question, SavedFilter
from backoffice.services import escalation_claim, question_escalate
from regions.models import SupportPoint
from tests.backoffice.bulk import bulk_escalations_sql
from tests.backoffice.conftest import ask

QUEUE_BUDGET = 12
CASE_BUDGET = 22


def queries(client: Client, path: str) -> int:
    """Queries of a page in the steady state (after a first request has filled the fragment cache)."""
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.fixture
def three(
    support_point: SupportPoint, other_support_point: SupportPoint, parent: User, coordinator: User
) -> list[Question]:
    first = ask(support_point, parent, subject="Eerste", tier=1, needs=["autism"])
    second = ask(other_support_point, parent, subject="Tweede", tier=4, needs=["reading"], child_at_home=True)
    third = ask(support_point, parent, subject="Derde", tier=4, needs=["hearing"])
    question_escalate(question=first, by=coordinator, reason="a", urgency="normal")
    question_escalate(question=second, by=coordinator, reason="b", urgency="urgent")
    question_escalate(question=third, by=coordinator, reason="c", urgency="normal")
    return [first, second, third]


def subjects(response: object) -> list[str]:
    return [row["subject"] for row in response.context["rows"]]  # type: ignore[index]


def test_unassigned_escalations_come_first_by_priority_and_deadline(
    client_for: Callable[[str], Client], three: list[Question], professional: User
) -> None:
    first, second, third = three
    escalation_claim(escalation_id=second.escalation.pk, professional=professional)
    Escalation.objects.filter(question=third).update(next_due_at=timezone.now() - dt.timedelta(hours=1))
    response = client_for("professional").get("/vragen/backoffice/")
    assert subjects(response) == ["Derde", "Eerste", "Tweede"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tier=4", {"Tweede", "Derde"}),
        ("needs=autism&needs=hearing", {"Eerste", "Derde"}),
        ("urgency=urgent", {"Tweede"}),
        ("mine=on", {"Tweede"}),
        ("sla=breached", {"Derde"}),
        ("sla=ok", {"Eerste", "Tweede"}),
        ("sla=paused", set()),
    ],
)
def test_filters_narrow_the_queue(
    client_for: Callable[[str], Client], three: list[Question], professional: User, query: str, expected: set[str]
) -> None:
    escalation_claim(escalation_id=three[1].escalation.pk, professional=professional)
    Escalation.objects.filter(question=three[2]).update(next_due_at=timezone.now() - dt.timedelta(hours=1))
    Escalation.objects.exclude(question=three[2]).update(next_due_at=timezone.now() + dt.timedelta(days=3))
    assert set(subjects(client_for("professional").get(f"/vragen/backoffice/?{query}"))) == expected


def test_the_support_point_filter_uses_the_support_point(
    client_for: Callable[[str], Client], three: list[Question], other_support_point: SupportPoint
) -> None:
    response = client_for("professional").get(f"/vragen/backoffice/?support_point={other_support_point.pk}")
    assert subjects(response) == ["Tweede"]


def test_closed_escalations_are_hidden_unless_asked_for(
    client_for: Callable[[str], Client], three: list[Question]
) -> None:
    Escalation.objects.filter(question=three[0]).update(resolved_at=timezone.now())
    client = client_for("professional")
    assert "Eerste" not in subjects(client.get("/vragen/backoffice/"))
    assert "Eerste" in subjects(client.get("/vragen/backoffice/?closed=on"))


def test_a_nonsense_filter_value_shows_the_queue_without_it(
    client_for: Callable[[str], Client], three: list[Question]
) -> None:
    response = client_for("professional").get("/vragen/backoffice/?tier=99&support_point=x&pagina=zzz")
    assert response.status_code == 200 and len(subjects(response)) == 3


def test_a_professional_saves_and_deletes_a_filter(client_for: Callable[[str], Client], professional: User) -> None:
    client = client_for("professional")
    response = client.post("/vragen/backoffice/filters/", {"name": "Thuiszitters", "query": "urgency=urgent&tier=4"})
    assert response.status_code == 302 and response["Location"] == "/vragen/backoffice/?urgency=urgent&tier=4"
    saved = SavedFilter.objects.get(owner=professional)
    assert "?urgency=urgent&amp;tier=4" in client.get("/vragen/backoffice/").content.decode()
    again = client.post("/vragen/backoffice/filters/", {"name": "Thuiszitters", "query": ""}, follow=True)
    assert "Je hebt al een filter met deze naam." in again.content.decode()
    client.post(f"/vragen/backoffice/filters/{saved.pk}/verwijderen/")
    assert not SavedFilter.objects.exists()


def test_the_queue_and_question_pages_keep_their_query_budget_from_10_to_50000_questions(
    client_for: Callable[[str], Client],
    support_point: SupportPoint,
    other_support_point: SupportPoint,
    parent: User,
    professional: User,
) -> None:
    client = client_for("professional")
    parent_client = client_for("parent")
    bulk_escalations_sql(10, points=[support_point, other_support_point], asker=parent)
    sample = Question.objects.order_by("pk").first()
    SavedFilter.objects.create(owner=professional, name="Alles", query="")
    escalation_claim(escalation_id=sample.escalation.pk, professional=professional)
    pages = [
        "/vragen/backoffice/",
        "/vragen/backoffice/?needs=autism&needs=reading&urgency=normal&support_point=&pagina=1",
        f"/vragen/behandelen/{sample.pk}/",
    ]
    small = [queries(client, path) for path in pages] + [queries(parent_client, f"/vragen/mijn/{sample.pk}/")]
    assert max(small[:2]) <= QUEUE_BUDGET and small[2] <= CASE_BUDGET

    started = time.monotonic()
    bulk_escalations_sql(50_000 - 10, points=[support_point, other_support_point], asker=parent)
    assert Question.objects.count() == 50_000
    assert time.monotonic() - started < 30
    large = [queries(client, path) for path in pages] + [queries(parent_client, f"/vragen/mijn/{sample.pk}/")]
    assert large == small


def test_a_long_queue_says_more_than_a_thousand_instead_of_counting_everything(
    client_for: Callable[[str], Client], support_point: SupportPoint, parent: User
) -> None:
    bulk_escalations_sql(1001, points=[support_point], asker=parent)
    response = client_for("professional").get("/vragen/backoffice/?pagina=40")
    body = response.content.decode()
    assert "Meer dan 1000 vragen" in body and response.context["page"].number == 40
    assert len(subjects(response)) == 25


def test_at_risk_counts_working_hours_so_a_friday_afternoon_warns_for_a_monday_deadline(
    question: Question, coordinator: User
) -> None:
    from unittest import mock

    from backoffice.business_time import AMSTERDAM
    from backoffice.forms import QueueFilter

    # Escalated on Wednesday 18 November 2026 at 10:00, normal urgency: first response within 24 working hours,
    # due Monday 23 November at 10:00. At risk from 4 working hours before: Friday 14:00.
    with mock.patch("backoffice.services.timezone.now", return_value=dt.datetime(2026, 11, 18, 10, tzinfo=AMSTERDAM)):
        escalation = question_escalate(question=question, by=coordinator, reason="x", urgency="normal")
    assert escalation.first_response_due == dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)

    def state_and_filters(now: dt.datetime) -> tuple[str, list[str]]:
        with mock.patch("backoffice.forms.timezone.now", return_value=now):
            matching = [
                state
                for state in ("ok", "at_risk", "breached", "paused")
                if QueueFilter({"sla": state}, queryset=Escalation.objects.all(), request=None).qs.exists()
            ]
        return escalation.sla_state(now), matching

    # Friday 16:00 is 66 hours on the clock but only 2 working hours before the deadline.
    assert state_and_filters(dt.datetime(2026, 11, 20, 16, tzinfo=AMSTERDAM)) == ("at_risk", ["at_risk"])
    assert state_and_filters(dt.datetime(2026, 11, 20, 13, tzinfo=AMSTERDAM)) == ("ok", ["ok"])
    assert state_and_filters(dt.datetime(2026, 11, 23, 10, 1, tzinfo=AMSTERDAM)) == ("breached", ["breached"])
