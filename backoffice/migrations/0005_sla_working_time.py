"""SLA state and signal durations in working time: store them when the events happen, and fill them in for the
questions and escalations that already exist (replaying the business calendar once, here)."""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

from backoffice.business_time import BusinessCalendar

AT_RISK_SECONDS = 4 * 3600
BATCH = 2000


def fill(apps: Any, schema_editor: Any) -> None:
    holiday = apps.get_model("backoffice", "BusinessHoliday")
    question_model = apps.get_model("backoffice", "Question")
    escalation_model = apps.get_model("backoffice", "Escalation")
    calendar = BusinessCalendar.of(holiday.objects.values_list("date", flat=True))

    batch: list[Any] = []
    answered = question_model.objects.filter(
        models.Q(first_response_at__isnull=False) | models.Q(closed_at__isnull=False)
    ).only("created_at", "first_response_at", "closed_at")
    for question in answered.iterator(chunk_size=BATCH):
        if question.first_response_at:
            question.first_response_working_seconds = calendar.working_seconds_between(
                question.created_at, question.first_response_at
            )
        if question.closed_at:
            question.closed_working_seconds = calendar.working_seconds_between(question.created_at, question.closed_at)
        batch.append(question)
        if len(batch) == BATCH:
            question_model.objects.bulk_update(batch, ["first_response_working_seconds", "closed_working_seconds"])
            batch = []
    question_model.objects.bulk_update(batch, ["first_response_working_seconds", "closed_working_seconds"])

    batch = []
    for escalation in escalation_model.objects.filter(next_due_at__isnull=False).only("next_due_at").iterator(BATCH):
        escalation.next_warn_at = calendar.subtract_working_seconds(escalation.next_due_at, AT_RISK_SECONDS)
        batch.append(escalation)
        if len(batch) == BATCH:
            escalation_model.objects.bulk_update(batch, ["next_warn_at"])
            batch = []
    escalation_model.objects.bulk_update(batch, ["next_warn_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("backoffice", "0004_knowledgebase_vocabulary"),
    ]

    operations = [
        migrations.AddField(
            model_name="escalation",
            name="next_warn_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="question",
            name="closed_working_seconds",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="question",
            name="first_response_working_seconds",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
