"""Working time on a Dutch business calendar: Monday–Friday 9:00–17:00 Europe/Amsterdam, minus holidays.

Holidays are data (`BusinessHoliday`, editable in the admin); `dutch_national_holidays` computes the seed.
Bevrijdingsdag (5 May) is seeded only in lustrum years (2025, 2030, …): most collective labour agreements give it
off only then. A support point that closes every year adds the date in the admin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY_START = dt.time(9)
DAY_END = dt.time(17)
WORKING_DAY_SECONDS = 8 * 3600


def easter_sunday(year: int) -> dt.date:
    """Gregorian Easter (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def dutch_national_holidays(year: int) -> list[tuple[dt.date, str]]:
    """The Dutch national holidays of `year` that close a support point, in date order."""
    easter = easter_sunday(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday it moves to the Saturday before
        kings_day = dt.date(year, 4, 26)
    days = [
        (dt.date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - dt.timedelta(days=2), "Goede Vrijdag"),
        (easter, "Eerste Paasdag"),
        (easter + dt.timedelta(days=1), "Tweede Paasdag"),
        (kings_day, "Koningsdag"),
        (easter + dt.timedelta(days=39), "Hemelvaartsdag"),
        (easter + dt.timedelta(days=49), "Eerste Pinksterdag"),
        (easter + dt.timedelta(days=50), "Tweede Pinksterdag"),
        (dt.date(year, 12, 25), "Eerste Kerstdag"),
        (dt.date(year, 12, 26), "Tweede Kerstdag"),
    ]
    if year % 5 == 0:
        days.append((dt.date(year, 5, 5), "Bevrijdingsdag"))
    return sorted(days)


@dataclass(frozen=True)
class BusinessCalendar:
    """Working-time arithmetic over a fixed set of holidays. Build it with `BusinessCalendar.load()` per request."""

    holidays: frozenset[dt.date]

    @classmethod
    def load(cls) -> BusinessCalendar:
        from backoffice.models import BusinessHoliday

        return cls(frozenset(BusinessHoliday.objects.values_list("date", flat=True)))

    @classmethod
    def of(cls, dates: Iterable[dt.date]) -> BusinessCalendar:
        return cls(frozenset(dates))

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def _window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        return (
            dt.datetime.combine(day, DAY_START, tzinfo=AMSTERDAM),
            dt.datetime.combine(day, DAY_END, tzinfo=AMSTERDAM),
        )

    def working_seconds_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Working seconds in [start, end); 0 when end is not after start."""
        if end <= start:
            return 0
        start, end = start.astimezone(AMSTERDAM), end.astimezone(AMSTERDAM)
        total = 0.0
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                open_at, close_at = self._window(day)
                lo, hi = max(open_at, start), min(close_at, end)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += dt.timedelta(days=1)
        return int(total)

    def _spans(self, moment: dt.datetime, *, backwards: bool = False) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """The working windows after `moment` (or before it, latest first), the first one clipped at `moment`.

        A deadline lies at most a few weeks away; the bound of ten years only guards against a calendar full of
        holidays."""
        moment = moment.astimezone(AMSTERDAM)
        day = moment.date()
        step = dt.timedelta(days=-1 if backwards else 1)
        for _ in range(3660):
            if self.is_working_day(day):
                open_at, close_at = self._window(day)
                lo, hi = (open_at, min(close_at, moment)) if backwards else (max(open_at, moment), close_at)
                if hi > lo:
                    yield lo, hi
            day += step

    def add_working_seconds(self, start: dt.datetime, seconds: int) -> dt.datetime:
        """The moment `seconds` of working time after `start` (a deadline)."""
        remaining = float(seconds)
        for lo, hi in self._spans(start):
            available = (hi - lo).total_seconds()
            if remaining <= available:
                return lo + dt.timedelta(seconds=remaining)
            remaining -= available
        raise ValueError("No working time in the next ten years")

    def add_working_hours(self, start: dt.datetime, hours: float) -> dt.datetime:
        return self.add_working_seconds(start, int(hours * 3600))

    def subtract_working_seconds(self, end: dt.datetime, seconds: int) -> dt.datetime:
        """The moment `seconds` of working time before `end` (when a deadline comes within reach)."""
        remaining = float(seconds)
        for lo, hi in self._spans(end, backwards=True):
            available = (hi - lo).total_seconds()
            if remaining <= available:
                return hi - dt.timedelta(seconds=remaining)
            remaining -= available
        raise ValueError("No working time in the past ten years")
