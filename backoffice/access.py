"""Who may open which question, and in which role they act on it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from accounts.models import Role, User
from backoffice.choices import HandlerRole
from backoffice.models import Escalation, Question


def get_own_question(request: HttpRequest, pk: int) -> Question:
    """A question the signed-in parent asked; 404 for anyone else's."""
    return get_object_or_404(
        Question.objects.asked_by(request.user).select_related(
            "support_point", "regional_handler", "escalation__assignee"
        ),
        pk=pk,
    )


def get_case_for_staff(request: HttpRequest, pk: int) -> Question:
    """A question as staff see it: 404 outside the user's scope (their support points, the questions given to them
    as a buddy, escalations for professionals). Views check the staff role first (role_required → 403)."""
    return get_object_or_404(
        Question.objects.handled_by(request.user).select_related(
            "support_point", "regional_handler", "asker", "escalation__assignee", "escalation__escalated_by"
        ),
        pk=pk,
    )


def escalation_of(question: Question) -> Escalation | None:
    try:
        return question.escalation
    except Escalation.DoesNotExist:
        return None


def staff_role(user: User, question: Question) -> str:
    """The role `user` acts in on `question`: coordinator of its support point, its buddy, or a professional."""
    if user.coordinates(question.support_point_id) and not (
        user.is_professional and escalation_of(question) is not None
    ):
        return HandlerRole.COORDINATOR
    if question.regional_handler_id == user.pk and user.support_point_ids(Role.BUDDY):
        return HandlerRole.BUDDY
    return HandlerRole.PROFESSIONAL


def is_regional(user: User, question: Question) -> bool:
    """Coordinators of the support point and the assigned buddy form the regional first line."""
    return user.coordinates(question.support_point_id) or question.regional_handler_id == user.pk


def is_backoffice(user: User, question: Question) -> bool:
    return (user.is_professional or user.is_superuser) and escalation_of(question) is not None


def require(allowed: Any) -> None:
    """403 inside the scope when the role is too low for the action."""
    if not allowed:
        raise PermissionDenied


def require_escalation(user: User, question: Question) -> Escalation:
    escalation = escalation_of(question)
    if escalation is None:
        raise Http404
    require(is_backoffice(user, question))
    return escalation
