"""50,000 parent questions, all escalated to the back office, spread over the demo support points.

Idempotent: tops up to TARGET questions marked with the subject prefix "Bench-vraag", and hands every bench
escalation that a previous run's "take next" claimed back to the queue, so each run starts from the same queue.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from backoffice.business_time import BusinessCalendar
from backoffice.choices import NEEDS, SchoolType, Status, Urgency
from backoffice.models import Escalation, Question
from regions.models import SupportPoint

TARGET = 50_000
BATCH = 5_000
PREFIX = "Bench-vraag"
NEED_KEYS = [key for key, _ in NEEDS]
SCHOOL_TYPES = [choice.value for choice in SchoolType]


def _question(rng: random.Random, index: int, point: SupportPoint, asker: User, now: dt.datetime) -> Question:
    at_home = rng.random() < 0.1
    return Question(
        support_point=point,
        asker=asker,
        subject=f"{PREFIX} {index}",
        body="Gegenereerde vraag voor de benchmark.",
        tier=rng.randint(1, 5),
        needs=sorted(rng.sample(NEED_KEYS, rng.randint(0, 3))),
        school_type=rng.choice(SCHOOL_TYPES),
        child_at_home=at_home,
        urgency=Urgency.URGENT if at_home else Urgency.NORMAL,
        consent_backoffice=True,
        status=Status.BACKOFFICE,
        created_at=now - dt.timedelta(minutes=rng.randint(60, 200_000)),
    )


def _escalation(rng: random.Random, question: Question, now: dt.datetime, calendar: BusinessCalendar) -> Escalation:
    due = now + dt.timedelta(hours=rng.randint(-120, 240))
    escalation = Escalation(
        question=question,
        reason="Benchmark",
        urgency=question.urgency,
        created_at=question.created_at,
        priority=rng.choice([0, 0, 0, 1, 1, 2, 3]),
        first_response_due=due,
        resolution_due=due + dt.timedelta(days=7),
    )
    escalation.refresh_next_due(calendar)
    return escalation


def generate(*, seed: int) -> str:
    rng = random.Random(seed)
    points = list(SupportPoint.objects.order_by("pk"))
    asker = User.objects.filter(email="ouder@example.org").first()
    if not points or asker is None:
        raise RuntimeError("Run load_demo_data first: the generator needs the demo support points and parent.")
    existing = Question.objects.filter(subject__startswith=PREFIX).count()
    now = timezone.now()
    calendar = BusinessCalendar.load()
    for start in range(existing, TARGET, BATCH):
        with transaction.atomic():
            batch = [
                _question(rng, index, points[index % len(points)], asker, now)
                for index in range(start, min(start + BATCH, TARGET))
            ]
            questions = Question.objects.bulk_create(batch)
            Escalation.objects.bulk_create([_escalation(rng, question, now, calendar) for question in questions])
    released = Escalation.objects.filter(
        question__subject__startswith=PREFIX, assignee__isnull=False, resolved_at__isnull=True
    ).update(assignee=None, claimed_at=None)
    return f"{TARGET:,} questions ({TARGET - existing:,} new, {released:,} claims released)"
