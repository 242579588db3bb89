"""Saving a buddy profile writes only the edited fields: a form holding an old place count never overwrites it."""

from __future__ import annotations

import pytest

from accounts.models import User
from buddies import services
from buddies.models import BuddyProfile, Match

pytestmark = pytest.mark.django_db


def test_an_accept_between_opening_and_saving_the_profile_keeps_its_place(
    proposal: Match, buddy_profile: BuddyProfile, buddy: User
) -> None:
    stale = BuddyProfile.objects.get(pk=buddy_profile.pk)  # the buddy opens the profile form: 0 places used
    services.match_accept(match_id=proposal.pk, by=buddy)
    stale.availability = "Woensdagmiddag"
    services.buddy_profile_save(profile=stale, fields=["availability"])
    saved = BuddyProfile.objects.get(pk=buddy_profile.pk)
    assert (saved.availability, saved.active_matches) == ("Woensdagmiddag", 1)


def test_capacity_below_the_current_number_of_parents_is_refused(
    proposal: Match, buddy_profile: BuddyProfile, buddy: User
) -> None:
    stale = BuddyProfile.objects.get(pk=buddy_profile.pk)
    services.match_accept(match_id=proposal.pk, by=buddy)
    stale.capacity = 1
    services.buddy_profile_save(profile=stale, fields=["capacity"])  # one parent, one place: fine
    stale.capacity = 0
    with pytest.raises(services.MatchError):
        services.buddy_profile_save(profile=stale, fields=["capacity"])
