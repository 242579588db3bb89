"""Who may see and change what in the regions app. Each helper fetches one object for the current user.

Outside the user's scope → 404 (nothing leaks about other regions); a too-low role is refused with 403 before these
helpers run, by `accounts.access.role_required` on the view.
"""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404

from regions.models import Experience, School


def get_school(code: str) -> School:
    """A school for its public page, open or closed (a closed school's page says so)."""
    return get_object_or_404(School.objects.select_related("partnership"), code=code.upper())


def get_school_with_profile(code: str) -> School:
    """A school for its public page with its support profile (`school.profile` when it has one) loaded."""
    return get_object_or_404(School.objects.with_profile(), code=code.upper())


def get_school_for_coordinator(user: Any, code: str) -> School:
    """A school whose profile `user` may edit: one in a partnership of a support point they coordinate."""
    return get_object_or_404(School.objects.coordinated_by(user).select_related("partnership"), code=code.upper())


def get_own_experience(user: Any, pk: int) -> Experience:
    """An experience written by `user`: parents edit only their own; anyone else's is 404."""
    return get_object_or_404(Experience.objects.select_related("school"), pk=pk, author=user)


def get_experience_for_moderator(user: Any, pk: int) -> Experience:
    """An experience of a school in a region that `user` coordinates."""
    queryset = Experience.objects.moderated_by(user).select_related("school", "author").prefetch_related("needs")
    return get_object_or_404(queryset, pk=pk)


def get_published_experience(pk: int) -> Experience:
    return get_object_or_404(Experience.objects.published().select_related("school"), pk=pk)
