from __future__ import annotations

import datetime as dt

import pytest

from backoffice.business_time import AMSTERDAM, BusinessCalendar, dutch_national_holidays, easter_sunday
from backoffice.models import BusinessHoliday


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2024, dt.date(2024, 3, 31)),
        (2025, dt.date(2025, 4, 20)),
        (2026, dt.date(2026, 4, 5)),
        (2027, dt.date(2027, 3, 28)),
        (2028, dt.date(2028, 4, 16)),
        (2038, dt.date(2038, 4, 25)),
    ],
)
def test_easter_follows_the_gregorian_computus(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


def test_kings_day_moves_to_saturday_when_27_april_is_a_sunday() -> None:
    days = {name: date for date, name in dutch_national_holidays(2025)}
    assert days["Koningsdag"] == dt.date(2025, 4, 26)
    assert {n: d for d, n in dutch_national_holidays(2026)}["Koningsdag"] == dt.date(2026, 4, 27)


def test_liberation_day_is_a_holiday_only_in_lustrum_years() -> None:
    assert dt.date(2025, 5, 5) in {d for d, _ in dutch_national_holidays(2025)}
    assert dt.date(2026, 5, 5) not in {d for d, _ in dutch_national_holidays(2026)}


def test_ascension_and_whit_monday_follow_easter() -> None:
    days = {name: date for date, name in dutch_national_holidays(2026)}
    assert days["Hemelvaartsdag"] == dt.date(2026, 5, 14)
    assert days["Tweede Pinksterdag"] == dt.date(2026, 5, 25)


@pytest.mark.django_db
def test_the_migration_seeds_the_holidays_of_2025_to_2028() -> None:
    assert BusinessHoliday.objects.filter(date__year=2025).count() == 11
    assert BusinessHoliday.objects.filter(date__year__in=[2026, 2027, 2028]).count() == 30
    assert BusinessHoliday.objects.filter(date=dt.date(2027, 3, 26), name="Goede Vrijdag").exists()


CALENDAR = BusinessCalendar.of({dt.date(2026, 4, 3), dt.date(2026, 4, 6)})  # Good Friday, Easter Monday 2026


def test_a_working_day_has_eight_hours() -> None:
    assert CALENDAR.working_seconds_between(at(2026, 3, 2, 0), at(2026, 3, 3, 0)) == 8 * 3600


def test_weekends_and_holidays_do_not_count() -> None:
    # Thursday 2 April 16:00 → Tuesday 7 April 10:00: 1 hour on Thursday, 1 hour on Tuesday.
    assert CALENDAR.working_seconds_between(at(2026, 4, 2, 16), at(2026, 4, 7, 10)) == 2 * 3600


def test_a_deadline_skips_the_easter_weekend() -> None:
    assert CALENDAR.add_working_hours(at(2026, 4, 2, 15), 8) == at(2026, 4, 7, 15)


def test_a_question_after_hours_starts_counting_next_working_morning() -> None:
    assert CALENDAR.add_working_hours(at(2026, 3, 6, 22), 1) == at(2026, 3, 9, 10)


def test_working_time_is_counted_in_amsterdam_time_across_daylight_saving() -> None:
    # The clocks go forward on Sunday 29 March 2026; Friday 16:00 + 2 working hours is Monday 10:00 local time.
    deadline = CALENDAR.add_working_hours(at(2026, 3, 27, 16), 2)
    assert deadline == at(2026, 3, 30, 10)
    assert deadline.astimezone(dt.UTC).hour == 8


def test_the_warning_moment_lies_working_hours_before_a_deadline_across_the_easter_weekend() -> None:
    # Tuesday 7 April 2026 11:00 minus 4 working hours: 9–11 on Tuesday, then back over Easter to Thursday 15:00.
    assert CALENDAR.subtract_working_seconds(at(2026, 4, 7, 11), 4 * 3600) == at(2026, 4, 2, 15)


def test_subtracting_from_after_hours_starts_at_the_end_of_the_working_day() -> None:
    assert CALENDAR.subtract_working_seconds(at(2026, 3, 9, 22), 3600) == at(2026, 3, 9, 16)
    assert CALENDAR.subtract_working_seconds(at(2026, 3, 9, 8), 3600) == at(2026, 3, 6, 16)


def test_subtracting_undoes_adding() -> None:
    start = at(2026, 3, 4, 11, 30)
    assert CALENDAR.subtract_working_seconds(CALENDAR.add_working_hours(start, 40), 40 * 3600) == start


@pytest.mark.django_db
def test_the_calendar_is_filled_ahead_for_years_without_any_holiday() -> None:
    from backoffice.services import holidays_seed_ahead

    BusinessHoliday.objects.filter(date__year=2028).exclude(name="Koningsdag").delete()
    assert not BusinessHoliday.objects.filter(date__year=2029).exists()

    assert holidays_seed_ahead(today=dt.date(2028, 12, 1)) == len(dutch_national_holidays(2029))
    # A year the admin keeps (here: 2028 with only Koningsdag left) is not touched, and a second run adds nothing.
    assert BusinessHoliday.objects.filter(date__year=2028).count() == 1
    assert holidays_seed_ahead(today=dt.date(2028, 12, 1)) == 0
