"""A support profile for every open school in the country, so that need filters search national-scale data."""

from __future__ import annotations

import random

from django.db import transaction


def generate(*, seed: int) -> str:
    from regions.models import Facility, Need, ProfileNeed, School, SupportProfile
    from regions.taxonomy import ensure_taxonomy

    ensure_taxonomy()
    rng = random.Random(seed)
    needs, facilities = list(Need.objects.all()), list(Facility.objects.all())
    missing = list(School.objects.open().filter(profile__isnull=True).order_by("code"))
    with transaction.atomic():
        profiles = SupportProfile.objects.bulk_create(
            (SupportProfile(school=s, class_size=rng.randint(10, 30), is_demo=True) for s in missing), batch_size=2000
        )
        ProfileNeed.objects.bulk_create(
            (
                ProfileNeed(profile=p, need=n, level=rng.randint(1, 3))
                for p in profiles
                for n in rng.sample(needs, rng.randint(2, 7))
            ),
            batch_size=5000,
        )
        through = SupportProfile.facilities.through
        through.objects.bulk_create(
            (
                through(supportprofile_id=p.pk, facility_id=f.pk)
                for p in profiles
                for f in rng.sample(facilities, rng.randint(0, 4))
            ),
            batch_size=5000,
        )
    total = SupportProfile.objects.count()
    return f"{len(profiles):,} profiles added, {total:,} schools have one"
