"""Questions in known states for the back-office tests, built through the services as a parent and staff would."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from backoffice.models import Question
from backoffice.services import question_ask, question_assign_regional, question_escalate
from regions.models import SupportPoint


def ask(point: SupportPoint, asker: User | None, *, guest_email: str = "", **overrides: Any) -> Question:
    fields: dict[str, Any] = {
        "subject": "School wil dat mijn zoon thuisblijft",
        "body": "Sinds de herfstvakantie mag hij alleen ochtenden komen. Wat kan ik doen?",
        "tier": 4,
        "needs": ["autism"],
        "school_type": "BO",
        "child_at_home": False,
        "consent_buddy": True,
        "consent_backoffice": True,
    }
    fields.update(overrides)
    return question_ask(support_point=point, asker=asker, guest_email=guest_email, **fields)


@pytest.fixture
def question(support_point: SupportPoint, parent: User) -> Question:
    """A fresh question of `parent` at the Utrecht support point: received, nobody on it."""
    return ask(support_point, parent)


@pytest.fixture
def guest_question(support_point: SupportPoint) -> Question:
    return ask(support_point, None, guest_email="Gast@Example.org")


@pytest.fixture
def escalated(question: Question, coordinator: User, buddy: User) -> Question:
    """`question` given to `buddy` by `coordinator`, then escalated by the buddy to the back office."""
    question_assign_regional(question=question, handler=buddy, by=coordinator)
    question_escalate(question=question, by=buddy, reason="Complexe zorgplichtvraag", urgency="urgent")
    return Question.objects.select_related("escalation").get(pk=question.pk)
