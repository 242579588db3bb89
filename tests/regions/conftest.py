"""Schools, profiles, experiences, offers and meetings in the two test regions (on top of tests/conftest.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from regions.models import (
    Experience,
    ExperienceStatus,
    Facility,
    Meeting,
    MeetingKind,
    Need,
    OfferKind,
    Partnership,
    PostcodeArea,
    ProfileNeed,
    Registration,
    RegistrationStatus,
    School,
    SupportLevel,
    SupportOffer,
    SupportPoint,
    SupportProfile,
)
from regions.taxonomy import ensure_taxonomy

UTRECHT = (52.0907, 5.1214)


def make_school(code: str, name: str, partnership: Partnership, *, lat: float, lon: float, **extra: object) -> School:
    values = {"kind": "BO", "place": "Utrecht", "pc4": "3511", "postcode": "3511 AB", "denomination": "Openbaar"}
    values.update(extra)  # type: ignore[arg-type]
    return School.objects.create(
        code=code, institution_code=code[:4], name=name, partnership=partnership, latitude=lat, longitude=lon, **values
    )


def give_profile(school: School, needs: dict[str, int], facilities: list[str] = ()) -> SupportProfile:  # type: ignore[assignment]
    profile = SupportProfile.objects.create(school=school, class_size=24, verified_on=timezone.localdate())
    ProfileNeed.objects.bulk_create(
        ProfileNeed(profile=profile, need=Need.objects.get(slug=slug), level=level) for slug, level in needs.items()
    )
    profile.facilities.set(Facility.objects.filter(slug__in=facilities))
    return profile


@pytest.fixture
def located_areas(postcode_areas: list[PostcodeArea]) -> list[PostcodeArea]:
    ensure_taxonomy()  # a live-server test before this one may have flushed the migration's rows
    PostcodeArea.objects.filter(pc4__in=["3511", "3512"]).update(latitude=UTRECHT[0], longitude=UTRECHT[1])
    PostcodeArea.objects.filter(pc4="4531").update(latitude=51.33, longitude=3.83)
    return postcode_areas


@pytest.fixture
def school(support_point: SupportPoint, partnerships: dict[str, Partnership], located_areas: object) -> School:
    """A primary school in Utrecht (the coordinator's region) with a profile that supports autism at level 3."""
    school = make_school("11AA00", "De Regenboog", partnerships["PO2601"], lat=52.092, lon=5.125)
    give_profile(school, {"autisme": SupportLevel.SPECIALISED, "lezen": SupportLevel.BASIC}, ["lift"])
    return school


@pytest.fixture
def other_school(other_support_point: SupportPoint, partnerships: dict[str, Partnership]) -> School:
    """A school in Zeeuws-Vlaanderen: outside the coordinator's region."""
    return make_school(
        "22BB00", "De Zeester", partnerships["PO2903"], lat=51.335, lon=3.83, place="Terneuzen", pc4="4531"
    )


@pytest.fixture
def published_experience(school: School, parent: User) -> Experience:
    return Experience.objects.create(
        school=school,
        author=parent,
        school_year="2024-2025",
        went_well="Goed geluisterd.",
        status=ExperienceStatus.PUBLISHED,
    )


@pytest.fixture
def pending_experience(school: School, parent: User) -> Experience:
    return Experience.objects.create(
        school=school, author=parent, school_year="2024-2025", could_be_better="Mijn zoon Sem moest lang wachten."
    )


@pytest.fixture
def meeting(support_point: SupportPoint) -> Meeting:
    start = timezone.now() + timedelta(days=7)
    return Meeting.objects.create(
        support_point=support_point,
        title="Ouders ontmoeten ouders",
        kind=MeetingKind.PEER,
        description="Koffie en verhalen.",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        location="Bibliotheek Utrecht",
        capacity=2,
    )


@pytest.fixture
def registration(meeting: Meeting) -> Registration:
    return Registration.objects.create(
        meeting=meeting, name="Anna", email="anna@example.org", status=RegistrationStatus.CONFIRMED
    )


@pytest.fixture
def offer(support_point: SupportPoint) -> SupportOffer:
    return SupportOffer.objects.create(
        support_point=support_point,
        title="Rebound Utrecht",
        kind=OfferKind.REBOUND,
        summary="Tijdelijk ergens anders leren.",
        audience="Leerlingen vo",
        access="Via school",
    )


@pytest.fixture
def national_offer(db: None) -> SupportOffer:
    ensure_taxonomy()
    return SupportOffer.objects.create(
        title="Onderwijsconsulenten",
        kind=OfferKind.EXTERNAL,
        summary="Gratis hulp als het vastloopt.",
        audience="Ouders",
        access="Bel of mail",
    )
