"""Writes in the regions app that touch several rows or must be atomic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.db import transaction

from accounts.models import User
from regions.models import Facility, Need, ProfileExpertise, ProfileNeed, School, StaffRole, SupportProfile


@transaction.atomic
def profile_save(
    *,
    school: School,
    by: User,
    needs: Mapping[Need, int],
    expertise: Mapping[StaffRole, int],
    facilities: Iterable[Facility],
    arrangements: list[str],
    class_size: int | None,
    explanation: str,
    verified: bool,
) -> SupportProfile:
    """Replace the support profile of `school` as a whole; `verified` records that `by` checked it today.

    Two coordinators saving at once: the profile row is locked, so the second save waits and then wins entirely
    instead of mixing needs from one form with facilities from the other.
    """
    profile, _ = SupportProfile.objects.get_or_create(school=school)
    profile = SupportProfile.objects.select_for_update().get(pk=profile.pk)
    profile.arrangements = [line for line in arrangements if line]
    profile.class_size = class_size
    profile.explanation = explanation
    if verified:
        profile.verify(by=by)
    profile.save()
    profile.facilities.set(facilities)
    ProfileNeed.objects.filter(profile=profile).delete()
    ProfileNeed.objects.bulk_create(ProfileNeed(profile=profile, need=n, level=lvl) for n, lvl in needs.items())
    ProfileExpertise.objects.filter(profile=profile).delete()
    ProfileExpertise.objects.bulk_create(
        ProfileExpertise(profile=profile, staff_role=role, availability=a) for role, a in expertise.items()
    )
    return profile
