from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from backoffice.business_time import AMSTERDAM
from backoffice.models import Escalation, Question
from backoffice.signals import Quarter, signals_for
from regions.models import SupportPoint
from tests.backoffice.conftest import ask


def this_quarter() -> Quarter:
    return Quarter.parse(None, today=timezone.localdate())


def rows(point: SupportPoint) -> dict[str, dict[str, str]]:
    return {
        s.key: {r.label: r.shown for r in s.rows}
        for s in signals_for(support_point_id=point.pk, quarter=this_quarter())
    }


@pytest.fixture
def six(support_point: SupportPoint, parent: User, coordinator: User) -> list[Question]:
    from backoffice.services import question_escalate

    questions = [ask(support_point, parent, tier=4, needs=["autism"], child_at_home=True) for _ in range(6)]
    for question in questions[:5]:
        question_escalate(question=question, by=coordinator, reason="x", urgency="urgent")
    now = timezone.now()
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(
        first_response_at=now,
        first_response_working_seconds=3 * 3600,
        satisfaction=4,
        created_at=now - dt.timedelta(hours=3),
    )
    return questions


def test_counts_of_five_or_more_are_shown_and_smaller_ones_suppressed(
    six: list[Question], support_point: SupportPoint
) -> None:
    data = rows(support_point)
    assert data["overview"]["Vragen"] == "6"
    assert data["overview"]["Doorgezet naar de backoffice"] == "5"
    assert data["overview"]["Vragen over een thuiszitter"] == "6"
    assert data["overview"]["Termijn overschreden"] == "< 5"
    assert data["tier"]["Als school niet lukt"] == "6" and data["tier"]["Schoolkeuze"] == "< 5"
    assert data["need"]["Autisme"] == "6" and data["need"]["Horen"] == "< 5"
    assert data["school_type"]["Basisschool"] == "6"
    assert data["times"]["Tot het eerste antwoord"] == "3,0"
    assert data["times"]["Tot afsluiten"] == "< 5"
    assert data["satisfaction"]["Gemiddelde score"] == "4,0"


def test_breaches_are_counted(six: list[Question], support_point: SupportPoint) -> None:
    Escalation.objects.update(first_response_breached_at=timezone.now())
    assert rows(support_point)["overview"]["Termijn overschreden"] == "5"


def test_other_quarters_and_support_points_are_not_counted(
    six: list[Question], other_support_point: SupportPoint, support_point: SupportPoint
) -> None:
    assert rows(other_support_point)["overview"]["Vragen"] == "< 5"
    previous = this_quarter().previous()
    data = signals_for(support_point_id=support_point.pk, quarter=previous)
    assert data[0].rows[0].shown == "< 5"


def test_the_page_draws_accessible_charts_with_the_numbers_in_a_table(
    client_for: Callable[[str], Client], six: list[Question]
) -> None:
    response = client_for("coordinator").get("/vragen/signalen/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="bar-chart" role="img" aria-labelledby="chart-tier-title chart-tier-desc"' in body
    assert '<title id="chart-tier-title">' in body and "Als school niet lukt: 6." in body
    assert '<td class="numeric">6</td>' in body


def test_the_csv_export_has_the_same_suppressed_numbers(
    client_for: Callable[[str], Client], six: list[Question]
) -> None:
    response = client_for("coordinator").get("/vragen/signalen/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == ["steunpunt", "kwartaal", "onderdeel", "regel", "waarde"]
    assert ["Steunpunt Utrecht (test)", str(this_quarter()), "Overzicht", "Vragen", "6"] in lines
    assert any(line[3] == "Schoolkeuze" and line[4] == "< 5" for line in lines)


def test_a_coordinator_cannot_see_another_support_points_signals(
    client_for: Callable[[str], Client], other_support_point: SupportPoint
) -> None:
    assert client_for("coordinator").get("/vragen/signalen/?steunpunt=zvl").status_code == 404
    assert client_for("coordinator").get("/vragen/signalen/export.csv?steunpunt=zvl").status_code == 404


def test_a_nonsense_quarter_falls_back_to_this_quarter(client_for: Callable[[str], Client]) -> None:
    response = client_for("coordinator").get("/vragen/signalen/?kwartaal=2026-Q9")
    assert response.status_code == 200 and response.context["quarter"] == this_quarter()


def test_quarters_run_from_the_first_of_the_month_in_amsterdam() -> None:
    quarter = Quarter(2026, 4)
    assert quarter.start.isoformat() == "2026-10-01T00:00:00+02:00"
    assert quarter.end.isoformat() == "2027-01-01T00:00:00+01:00"
    assert str(quarter.previous()) == "2026-Q3" and str(quarter.next()) == "2027-Q1"


def test_times_to_first_response_and_closing_count_working_hours_only(
    support_point: SupportPoint, parent: User, coordinator: User
) -> None:
    from backoffice.services import question_close, staff_reply

    # Asked on Friday 20 November 2026 at 16:00, answered on Monday at 10:00 (2 working hours, 66 on the clock),
    # closed on Tuesday at 10:00 (10 working hours).
    asked = dt.datetime(2026, 11, 20, 16, tzinfo=AMSTERDAM)
    questions = [ask(support_point, parent) for _ in range(5)]
    Question.objects.filter(pk__in=[q.pk for q in questions]).update(created_at=asked)
    for question in questions:
        question.refresh_from_db()
        with mock.patch(
            "backoffice.services.timezone.now", return_value=dt.datetime(2026, 11, 23, 10, tzinfo=AMSTERDAM)
        ):
            staff_reply(question=question, author=coordinator, role="coordinator", body="Antwoord", internal=False)
        with mock.patch(
            "backoffice.services.timezone.now", return_value=dt.datetime(2026, 11, 24, 10, tzinfo=AMSTERDAM)
        ):
            question_close(question=question, by=coordinator, resolution="answered")

    assert set(Question.objects.values_list("first_response_working_seconds", "closed_working_seconds")) == {
        (2 * 3600, 10 * 3600)
    }
    times = {
        row.label: row.shown for row in signals_for(support_point_id=support_point.pk, quarter=Quarter(2026, 4))[1].rows
    }
    assert times == {"Tot het eerste antwoord": "2,0", "Tot afsluiten": "10,0"}
