"""Demo data for buddy matching: screened buddies, one open help request and one active match with contacts.

Loaded by `manage.py load_demo_data` after the demo users of ouderplatform/demo.py. Everything goes through
buddies.services where a service exists, so counters (active_matches), statuses and case events stay consistent.
Loading again creates nothing new: a request or match is only made for a demo parent who has none yet.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from accounts.models import Membership, Role, User
from buddies import services
from buddies.models import BuddyProfile, HelpRequest, Match
from ouderplatform.demo import DEMO_PASSWORD
from regions.models import SupportPoint


@dataclass(frozen=True)
class DemoBuddy:
    email: str
    support_point: str
    needs: list[str]
    school_types: list[str]
    channels: list[str]
    introduction: str
    first_name: str = ""  # only for the extra buddies; buddy@ and buddy2@ come from ouderplatform/demo.py
    procedures: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: ["nl"])
    availability: str = "Doordeweeks overdag"
    capacity: int = 2


DEMO_BUDDIES = [
    DemoBuddy(
        "buddy@example.org",
        "amsterdam-diemen",
        needs=["autism", "executive", "behaviour"],
        school_types=["BO", "VO"],
        channels=["phone", "video", "in_person"],
        procedures=["opp", "tlv"],
        languages=["nl", "en"],
        availability="Maandag- en woensdagochtend, soms 's avonds",
        introduction=(
            "Ik ben moeder van twee tieners. Ik weet hoe het is om steeds weer met school te praten. "
            "Ik luister graag en ga mee naar gesprekken."
        ),
    ),
    DemoBuddy(
        "buddy2@example.org",
        "zeeuws-vlaanderen",
        needs=["reading", "language", "motor"],
        school_types=["BO", "SBO"],
        channels=["phone", "in_person"],
        procedures=["opp", "consultant"],
        availability="Dinsdag en donderdag, ook bij je thuis",
        introduction=(
            "Ik ben vader en woon in Terneuzen. Ik ken de weg naar het speciaal basisonderwijs. "
            "Ik kom graag bij je langs."
        ),
    ),
    DemoBuddy(
        "buddy3@example.org",
        "amsterdam-diemen",
        first_name="Demo-buddy Joost",
        needs=["attention", "behaviour", "gifted"],
        school_types=["BO"],
        channels=["phone", "video"],
        procedures=["home", "youth_care"],
        languages=["nl", "tr"],
        introduction="Mijn zoon zat een half jaar thuis. Nu gaat het goed. Ik help je graag op weg.",
    ),
    DemoBuddy(
        "buddy4@example.org",
        "amsterdam-diemen",
        first_name="Demo-buddy Kim",
        needs=["autism", "language"],
        school_types=["SO", "VSO"],
        channels=["video", "in_person"],
        procedures=["tlv", "gpo"],
        languages=["nl", "ar"],
        capacity=3,
        availability="Vrijdag en in het weekend",
        introduction="Ik ken het speciaal onderwijs en de toelaatbaarheidsverklaring. Ik spreek ook Arabisch.",
    ),
    DemoBuddy(
        "buddy5@example.org",
        "amsterdam-diemen",
        first_name="Demo-buddy Lotte",
        needs=["executive", "reading", "arithmetic"],
        school_types=["VO", "PRO"],
        channels=["phone"],
        procedures=["opp"],
        capacity=1,
        availability="Avonden na 19.00 uur",
        introduction="Ik heb drie kinderen op de middelbare school. Bellen past mij het best.",
    ),
]

ACTIVE_PARENT = "ouder@example.org"
OPEN_PARENT = "ouder2@example.org"
MATCHED_BUDDY = "buddy@example.org"
COORDINATOR = "coordinator@example.org"


def _demo_user(demo: DemoBuddy) -> User:
    """The user of an extra demo buddy, made like the demo users of ouderplatform/demo.py."""
    user, created = User.objects.get_or_create(email=demo.email, defaults={"first_name": demo.first_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(user=user, email=demo.email, defaults={"verified": True, "primary": True})
    point = SupportPoint.objects.get(slug=demo.support_point)
    Membership.objects.get_or_create(user=user, support_point=point, role=Role.BUDDY)
    return user


def load_profiles(today: datetime.date) -> None:
    screened = today - datetime.timedelta(days=90)
    for demo in DEMO_BUDDIES:
        user = _demo_user(demo) if demo.first_name else User.objects.get(email=demo.email)
        values: dict[str, Any] = {
            "needs": demo.needs,
            "school_types": demo.school_types,
            "procedures": demo.procedures,
            "languages": demo.languages,
            "channels": demo.channels,
            "capacity": demo.capacity,
            "availability": demo.availability,
            "introduction": demo.introduction,
            "training_completed_on": screened - datetime.timedelta(days=14),
            "agreement_signed_on": screened - datetime.timedelta(days=7),
            "vog_issued_on": screened,
        }
        profile, created = BuddyProfile.objects.get_or_create(user=user, defaults=values)
        # The buddy's own profile page makes an empty profile; fill that one in, but keep anything a developer set.
        if not created and profile.screening_valid_until is None:
            for name, value in values.items():
                if not getattr(profile, name):
                    setattr(profile, name, value)
            profile.save()


def _request(parent: User, point: SupportPoint, **fields: Any) -> HelpRequest:
    defaults: dict[str, Any] = {
        "area": None,
        "procedures": [],
        "language": "nl",
        "phone": "",
        "is_urgent": False,
    }
    return services.help_request_create(parent=parent, support_point=point, **(defaults | fields))


def load_active_match(today: datetime.date) -> None:
    """ouder@ has a buddy (buddy@) since three weeks, with two contacts logged."""
    parent = User.objects.get(email=ACTIVE_PARENT)
    if HelpRequest.objects.filter(parent=parent).exists():
        return
    point = SupportPoint.objects.get(slug="amsterdam-diemen")
    coordinator = User.objects.get(email=COORDINATOR)
    buddy = BuddyProfile.objects.get(user__email=MATCHED_BUDDY)
    request = _request(
        parent,
        point,
        needs=["autism", "executive"],
        sector="PO",
        school_type="BO",
        help_kinds=["listen", "accompany"],
        procedures=["opp"],
        channel="phone",
        phone="06 0000 0001",
    )
    match = services.match_propose(request_id=request.pk, buddy_id=buddy.pk, proposed_by=coordinator)
    services.match_accept(match_id=match.pk, by=buddy.user)
    # The services stamp "now"; move the start back so that the caseload shows a match of a few weeks.
    now = timezone.now()
    HelpRequest.objects.filter(pk=request.pk).update(created_at=now - datetime.timedelta(days=24))
    Match.objects.filter(pk=match.pk).update(
        proposed_at=now - datetime.timedelta(days=23),
        responded_at=now - datetime.timedelta(days=22),
        started_on=today - datetime.timedelta(days=22),
    )
    match.refresh_from_db()
    contacts = [
        (19, "phone", "Kennismaking aan de telefoon. We spraken af om het gesprek op school samen voor te bereiden."),
        (3, "in_person", "Samen naar het gesprek over het OPP geweest. De school maakt een nieuw plan."),
    ]
    for days_ago, channel, note in contacts:
        services.contact_add(
            match=match,
            by=buddy.user,
            happened_on=today - datetime.timedelta(days=days_ago),
            channel=channel,
            note=note,
        )


def load_open_request() -> None:
    """ouder2@ waits for a buddy at amsterdam-diemen: the coordinator sees it with suggestions."""
    parent = User.objects.get(email=OPEN_PARENT)
    if HelpRequest.objects.filter(parent=parent).exists():
        return
    request = _request(
        parent,
        SupportPoint.objects.get(slug="amsterdam-diemen"),
        needs=["autism", "behaviour"],
        sector="VO",
        school_type="VO",
        help_kinds=["prepare", "accompany"],
        procedures=["tlv"],
        channel="video",
    )
    HelpRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))


def load_demo_buddies() -> None:
    """Screened demo buddies, an active match for ouder@ and an open request for ouder2@; safe to load again."""
    today = timezone.localdate()
    with transaction.atomic():
        load_profiles(today)
        load_active_match(today)
        load_open_request()
