"""500 screened buddies at the demo support point Amsterdam-Diemen, and one open (urgent) help request to match."""

from __future__ import annotations

import datetime
import random

SUPPORT_POINT = "amsterdam-diemen"
COUNT = 500
EMAIL = "bench-buddy-{:03d}@example.org"


def generate(*, seed: int) -> str:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import Membership, Role, User
    from buddies.models import BuddyProfile, HelpRequest
    from buddies.taxonomy import Channel, Language, Need, Procedure, SchoolType
    from regions.models import PostcodeArea, SupportPoint

    rng = random.Random(seed)
    point = SupportPoint.objects.get(slug=SUPPORT_POINT)
    areas = list(PostcodeArea.objects.filter(pc4__startswith="10").exclude(latitude=None).values_list("pk", flat=True))
    wanted = [EMAIL.format(i) for i in range(COUNT)]
    existing = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    missing = [email for email in wanted if email not in existing]
    today = timezone.localdate()
    with transaction.atomic():
        password = make_password(None)  # unusable: these accounts never log in
        users = User.objects.bulk_create(
            [User(email=email, first_name=f"Buddy {email[12:15]}", password=password) for email in missing],
            batch_size=2000,
        )
        Membership.objects.bulk_create(
            [Membership(user=user, support_point=point, role=Role.BUDDY) for user in users], batch_size=2000
        )
        profiles = []
        for user in users:
            screened = today - datetime.timedelta(days=rng.randrange(10, 300))
            capacity = rng.randrange(1, 5)
            profiles.append(
                BuddyProfile(
                    user=user,
                    needs=rng.sample(Need.values, rng.randrange(1, 5)),
                    school_types=rng.sample(SchoolType.values, rng.randrange(1, 3)),
                    procedures=rng.sample(Procedure.values, rng.randrange(0, 3)),
                    languages=["nl", *rng.sample(Language.values[1:], rng.randrange(0, 2))],
                    channels=rng.sample(Channel.values, rng.randrange(1, 4)),
                    home_area_id=rng.choice(areas) if areas else None,
                    capacity=capacity,
                    active_matches=rng.randrange(0, capacity),
                    introduction="Ervaren ouder (benchmarkgegevens).",
                    training_completed_on=screened,
                    agreement_signed_on=screened,
                    vog_issued_on=screened,
                )
            )
        BuddyProfile.objects.bulk_create(profiles, batch_size=2000)
        parent = User.objects.get(email="ouder@example.org")
        request, created = HelpRequest.objects.get_or_create(
            parent=parent,
            support_point=point,
            is_urgent=True,
            status="open",
            defaults={
                "area_id": areas[0] if areas else None,
                "needs": ["autism", "executive"],
                "sector": "PO",
                "school_type": "SBO",
                "help_kinds": ["listen", "accompany"],
                "procedures": ["tlv"],
                "language": "nl",
                "channel": "in_person",
                "consent_given_at": timezone.now(),
                "consent_version": "2025-01",
            },
        )
    return f"{len(users)} new buddies ({COUNT} in all) at {SUPPORT_POINT}; open request {request.pk}"
