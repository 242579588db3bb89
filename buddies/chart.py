"""A small server-rendered bar chart (SVG geometry computed here, drawn by a template): no JavaScript needed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from buddies.models import HelpRequest, Match

WIDTH, HEIGHT, TOP, BOTTOM, LEFT = 640, 240, 16, 40, 36
MONTHS = 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date
    requests: int
    matches: int
    request_bar: Bar
    match_bar: Bar
    label_x: float


@dataclass(frozen=True)
class MonthChart:
    rows: list[MonthRow]
    width: int
    height: int
    bar_width: float
    baseline_y: float
    top_value: int
    axis_ticks: list[tuple[int, float]]


def _months(today: datetime.date) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _ in range(MONTHS):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def _counts(qs: object, field: str, since: datetime.date) -> dict[datetime.date, int]:
    tz = timezone.get_current_timezone()
    rows = (
        qs.filter(**{f"{field}__date__gte": since})  # type: ignore[attr-defined]
        .annotate(month=TruncMonth(field, tzinfo=tz))
        .values("month")
        .annotate(n=Count("pk"))
    )
    return {
        row["month"].date() if isinstance(row["month"], datetime.datetime) else row["month"]: row["n"] for row in rows
    }


def requests_and_matches(support_point_id: int, today: datetime.date | None = None) -> MonthChart:
    """Requests received and matches started per month for the last twelve months; two queries."""
    months = _months(today or timezone.localdate())
    requests = _counts(HelpRequest.objects.filter(support_point_id=support_point_id), "created_at", months[0])
    matches = _counts(
        Match.objects.filter(
            request__support_point_id=support_point_id, responded_at__isnull=False, started_on__isnull=False
        ),
        "responded_at",
        months[0],
    )
    top = max([1, *requests.values(), *matches.values()])
    plot_h = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT) / MONTHS
    bar_w = slot * 0.35
    baseline = HEIGHT - BOTTOM

    def bar(x: float, value: int) -> Bar:
        h = plot_h * value / top
        return Bar(x=round(x, 1), y=round(baseline - h, 1), height=round(h, 1))

    rows = []
    for i, month in enumerate(months):
        x0 = LEFT + i * slot + slot * 0.12
        rows.append(
            MonthRow(
                month=month,
                requests=requests.get(month, 0),
                matches=matches.get(month, 0),
                request_bar=bar(x0, requests.get(month, 0)),
                match_bar=bar(x0 + bar_w + 2, matches.get(month, 0)),
                label_x=round(LEFT + i * slot + slot / 2, 1),
            )
        )
    ticks = sorted({0, top // 2, top})
    return MonthChart(
        rows=rows,
        width=WIDTH,
        height=HEIGHT,
        bar_width=round(bar_w, 1),
        baseline_y=baseline,
        top_value=top,
        axis_ticks=[(value, round(baseline - plot_h * value / top, 1)) for value in ticks],
    )
