"""Who may open which buddy object. Outside someone's scope → 404; staff opening case data → access log."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from accounts.access import log_access
from accounts.models import User
from buddies.models import BuddyProfile, HelpRequest, Match
from regions.models import SupportPoint


def current_user(request: HttpRequest) -> User:
    """The signed-in user (views behind role_required only)."""
    user = request.user
    if not isinstance(user, User):
        raise Http404
    return user


def get_own_request(request: HttpRequest, pk: int) -> HelpRequest:
    """A parent's own help request (any other request is 404)."""
    qs = HelpRequest.objects.of_parent(current_user(request)).select_related("support_point")
    return get_object_or_404(qs, pk=pk)


def get_request_for_coordinator(request: HttpRequest, pk: int) -> HelpRequest:
    """A help request at one of the coordinator's support points; the opening is written to the access log."""
    user = current_user(request)
    qs = HelpRequest.objects.coordinated_by(user).select_related("support_point", "area", "parent")
    help_request = get_object_or_404(qs, pk=pk)
    log_access(actor=user, obj=help_request, path=request.path)
    return help_request


def get_match_for_buddy(request: HttpRequest, pk: int) -> Match:
    """A match of the signed-in buddy (proposals included); other buddies' matches are 404."""
    qs = Match.objects.of_buddy(current_user(request)).select_related("request__area", "request__parent", "buddy__user")
    return get_object_or_404(qs, pk=pk)


def get_support_point_for_coordinator(request: HttpRequest, slug: str) -> SupportPoint:
    """A support point the signed-in user coordinates (superusers: any)."""
    return get_object_or_404(SupportPoint.objects.coordinated_by(current_user(request)), slug=slug)


def get_profile_for_coordinator(request: HttpRequest, pk: int) -> BuddyProfile:
    """A buddy profile of a buddy at one of the coordinator's support points."""
    qs = BuddyProfile.objects.coordinated_by(current_user(request)).select_related("user")
    return get_object_or_404(qs, pk=pk)


def get_own_profile(request: HttpRequest) -> BuddyProfile:
    """The signed-in buddy's profile, created empty on first use (a membership may predate the profile).

    A superuser without a buddy membership has no caseload: 403.
    """
    user = current_user(request)
    if not user.is_buddy:
        raise PermissionDenied
    profile, _created = BuddyProfile.objects.select_related("user").get_or_create(
        user=user, defaults={"languages": ["nl"]}
    )
    return profile
