"""Signals (signaleren): anonymised aggregates per support point and quarter, for partnership and municipality.

Every count below `MIN_CELL` is suppressed (shown as "< 5"), and so is a median or average over fewer questions:
small numbers in a small region can point at one family.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Expression, F, FloatField, Func, Q, QuerySet
from django.db.models.aggregates import Aggregate
from django.utils.translation import gettext as _

from backoffice.choices import NEED_LABELS, SchoolType, Tier
from backoffice.models import Question

MIN_CELL = 5
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def _working_hours(seconds_field: str) -> Expression:
    # Working time on the business calendar, stored when the question was answered or closed.
    return F(seconds_field) / 3600.0


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, value: str | None, *, today: dt.date) -> Quarter:
        match = QUARTER.match(value or "")
        if match:
            return cls(int(match.group(1)), int(match.group(2)))
        return cls(today.year, (today.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        return _("kwartaal %(number)s van %(year)s") % {"number": self.number, "year": self.year}

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.year, 3 * self.number - 2, 1, tzinfo=AMSTERDAM)

    @property
    def end(self) -> dt.datetime:
        return self.next().start

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)


@dataclass
class Row:
    label: str
    value: float | None  # None: suppressed

    @property
    def shown(self) -> str:
        if self.value is None:
            return f"< {MIN_CELL}"
        return f"{self.value:.1f}".replace(".", ",") if isinstance(self.value, float) else str(self.value)


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    unit: str = ""

    chart: bool = False

    BAR_HEIGHT = 24
    BAR_GAP = 8
    LABEL_WIDTH = 260
    BAR_AREA = 220

    @property
    def height(self) -> int:
        return len(self.rows) * (self.BAR_HEIGHT + self.BAR_GAP)

    @property
    def width(self) -> int:
        return self.LABEL_WIDTH + self.BAR_AREA + 60

    @property
    def bars(self) -> list[dict[str, object]]:
        """Geometry of a horizontal bar chart, computed here so the template only places numbers."""
        maximum = max((row.value or 0 for row in self.rows), default=0) or 1
        step = self.BAR_HEIGHT + self.BAR_GAP
        return [
            {
                "label": row.label,
                "shown": row.shown,
                "y": index * step,
                "text_y": index * step + self.BAR_HEIGHT * 0.7,
                "width": round((row.value or 0) / maximum * self.BAR_AREA, 1),
                "value_x": self.LABEL_WIDTH + round((row.value or 0) / maximum * self.BAR_AREA, 1) + 6,
            }
            for index, row in enumerate(self.rows)
        ]


def _count(value: int) -> int | None:
    return value if value >= MIN_CELL else None


def signals_for(*, support_point_id: int, quarter: Quarter) -> list[Section]:
    """The aggregates of one support point for questions asked in `quarter`. Four queries, whatever the volume."""
    questions: QuerySet[Question] = Question.objects.filter(
        support_point_id=support_point_id, created_at__gte=quarter.start, created_at__lt=quarter.end
    )
    totals = questions.aggregate(
        total=Count("pk"),
        escalated=Count("pk", filter=Q(escalation__isnull=False)),
        at_home=Count("pk", filter=Q(child_at_home=True)),
        breaches=Count(
            "pk",
            filter=Q(escalation__first_response_breached_at__isnull=False)
            | Q(escalation__resolution_breached_at__isnull=False),
        ),
        responded=Count("pk", filter=Q(first_response_working_seconds__isnull=False)),
        closed=Count("pk", filter=Q(closed_working_seconds__isnull=False)),
        rated=Count("pk", filter=Q(satisfaction__isnull=False)),
        median_first=Median(
            _working_hours("first_response_working_seconds"), filter=Q(first_response_working_seconds__isnull=False)
        ),
        median_closed=Median(_working_hours("closed_working_seconds"), filter=Q(closed_working_seconds__isnull=False)),
        satisfaction=Avg("satisfaction"),
    )
    by_tier = dict(questions.values_list("tier").annotate(n=Count("pk")).order_by())
    by_school = dict(questions.values_list("school_type").annotate(n=Count("pk")).order_by())
    by_need = dict(
        questions.annotate(need=Func(F("needs"), function="unnest"))
        .values_list("need")
        .annotate(n=Count("pk"))
        .order_by()
    )

    def measured(value: float | None, observations: int) -> float | None:
        return round(value, 1) if value is not None and observations >= MIN_CELL else None

    return [
        Section(
            "overview",
            _("Overzicht"),
            [
                Row(_("Vragen"), _count(totals["total"])),
                Row(_("Doorgezet naar de backoffice"), _count(totals["escalated"])),
                Row(_("Vragen over een thuiszitter"), _count(totals["at_home"])),
                Row(_("Termijn overschreden"), _count(totals["breaches"])),
            ],
        ),
        Section(
            "times",
            _("Doorlooptijd (mediaan, in werkuren)"),
            [
                Row(_("Tot het eerste antwoord"), measured(totals["median_first"], totals["responded"])),
                Row(_("Tot afsluiten"), measured(totals["median_closed"], totals["closed"])),
            ],
            unit=_("werkuur"),
        ),
        Section(
            "satisfaction",
            _("Tevredenheid (gemiddeld, 1 tot 5)"),
            [Row(_("Gemiddelde score"), measured(totals["satisfaction"], totals["rated"]))],
        ),
        Section(
            "tier",
            _("Vragen per onderwerp"),
            [Row(str(t.label), _count(by_tier.get(t.value, 0))) for t in Tier],
            chart=True,
        ),
        Section(
            "need",
            _("Vragen per behoefte van het kind"),
            [Row(str(label), _count(by_need.get(key, 0))) for key, label in NEED_LABELS.items()],
            chart=True,
        ),
        Section(
            "school_type",
            _("Vragen per soort school"),
            [Row(str(s.label), _count(by_school.get(s.value, 0))) for s in SchoolType],
            chart=True,
        ),
    ]
