"""Migration 0003 moves buddy data onto the shared needs vocabulary (`ouderplatform.needs`)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from accounts.models import User
from buddies.models import BuddyProfile, HelpRequest
from ouderplatform.needs import Need
from regions.models import SupportPoint
from regions.taxonomy import NEEDS
from tests.buddies.conftest import make_request

pytestmark = pytest.mark.django_db

migration = importlib.import_module("buddies.migrations.0003_shared_needs_vocabulary")


def test_old_giftedness_tags_become_the_shared_slug_and_back(
    buddy_profile: BuddyProfile, parent: User, support_point: SupportPoint
) -> None:
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(needs=["autism", "giftedness"])
    request = make_request(parent, support_point, needs=["giftedness"])

    migration.rename_needs(apps, None)
    buddy_profile.refresh_from_db()
    request.refresh_from_db()
    assert buddy_profile.needs == ["autism", "gifted"]
    assert request.needs == ["gifted"]

    migration.restore_needs(apps, None)
    assert HelpRequest.objects.get(pk=request.pk).needs == ["giftedness"]


def test_every_app_tags_with_the_same_needs_as_the_school_profiles() -> None:
    from backoffice.choices import Need as BackofficeNeed
    from buddies.taxonomy import Need as BuddiesNeed
    from knowledgebase.models import Need as KnowledgeNeed

    assert BuddiesNeed is Need
    assert BackofficeNeed is KnowledgeNeed
    assert list(KnowledgeNeed.values) == list(Need.values)
    # The school profiles' table has Dutch slugs for search URLs, one per shared need, in the same order.
    assert len(NEEDS) == len(Need.values)
