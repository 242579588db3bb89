"""Buddy-matching fixtures on top of the personas in tests/conftest.py."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, Role, User
from buddies import services
from buddies.models import BuddyProfile, HelpRequest, Match
from regions.models import PostcodeArea, SupportPoint
from tests.conftest import make_user


def screened_profile(user: User, **fields: Any) -> BuddyProfile:
    """A buddy profile that passes every hard constraint (screened a month ago, room for two parents)."""
    month_ago = timezone.localdate() - datetime.timedelta(days=30)
    defaults: dict[str, Any] = {
        "needs": ["autism"],
        "school_types": ["BO"],
        "procedures": [],
        "languages": ["nl"],
        "channels": ["phone", "video"],
        "capacity": 2,
        "introduction": "Ik ben moeder van twee kinderen en ken het speciaal onderwijs.",
        "training_completed_on": month_ago,
        "agreement_signed_on": month_ago,
        "vog_issued_on": month_ago,
    }
    profile, _ = BuddyProfile.objects.update_or_create(user=user, defaults=defaults | fields)
    return profile


def make_buddy(email: str, support_point: SupportPoint, **fields: Any) -> BuddyProfile:
    user = make_user(email, first_name=email.split("@")[0].title())
    Membership.objects.create(user=user, support_point=support_point, role=Role.BUDDY)
    return screened_profile(user, **fields)


def make_request(parent: User | None, support_point: SupportPoint, **fields: Any) -> HelpRequest:
    defaults: dict[str, Any] = {
        "needs": ["autism", "behaviour"],
        "sector": "PO",
        "school_type": "BO",
        "help_kinds": ["listen"],
        "language": "nl",
        "channel": "phone",
        "phone": "06 0000 0000",
        "consent_given_at": timezone.now(),
        "consent_version": "2025-01",
    }
    return HelpRequest.objects.create(parent=parent, support_point=support_point, **(defaults | fields))


@pytest.fixture
def buddy_profile(buddy: User) -> BuddyProfile:
    return screened_profile(buddy)


@pytest.fixture
def buddy_b_profile(buddy_b: User) -> BuddyProfile:
    return screened_profile(buddy_b)


@pytest.fixture
def help_request(parent: User, support_point: SupportPoint, postcode_areas: list[PostcodeArea]) -> HelpRequest:
    return make_request(parent, support_point, area=postcode_areas[0])


@pytest.fixture
def proposal(help_request: HelpRequest, buddy_profile: BuddyProfile, coordinator: User) -> Match:
    return services.match_propose(request_id=help_request.pk, buddy_id=buddy_profile.pk, proposed_by=coordinator)


@pytest.fixture
def active_match(proposal: Match, buddy: User) -> Match:
    return services.match_accept(match_id=proposal.pk, by=buddy)


def choose_region(client: Client, pc4: str = "3511") -> None:
    client.post("/regio/kiezen/", {"q": pc4})
