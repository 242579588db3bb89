"""Seed the Dutch national holidays of 2025–2028 (later years are added in the admin)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

from backoffice.business_time import dutch_national_holidays

YEARS = range(2025, 2029)


def seed(apps: Any, schema_editor: Any) -> None:
    holiday = apps.get_model("backoffice", "BusinessHoliday")
    for year in YEARS:
        for date, name in dutch_national_holidays(year):
            holiday.objects.get_or_create(date=date, defaults={"name": name})


def unseed(apps: Any, schema_editor: Any) -> None:
    holiday = apps.get_model("backoffice", "BusinessHoliday")
    dates = [date for year in YEARS for date, _ in dutch_national_holidays(year)]
    holiday.objects.filter(date__in=dates).delete()


class Migration(migrations.Migration):
    dependencies = [("backoffice", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
