"""Demo content for the regional directory: support profiles, offers, meetings, experiences and feedback.

Everything is marked is_demo and is deterministic (seeded by the school code), so loading it again changes nothing.
Profiles go to the open schools of the three demo support points' partnerships only.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from regions.models import (
    Experience,
    ExperienceStatus,
    Facility,
    Feedback,
    Meeting,
    MeetingKind,
    Need,
    OfferKind,
    ProfileExpertise,
    ProfileNeed,
    School,
    SchoolKind,
    StaffRole,
    SupportLevel,
    SupportOffer,
    SupportPoint,
    SupportProfile,
)
from regions.taxonomy import ensure_taxonomy

DEMO_SLUGS = ["amsterdam-diemen", "eemland", "zeeuws-vlaanderen"]

# Special schools offer more, and at a higher level, than regular ones; these are the needs they centre on.
SPECIAL_FOCUS = {
    SchoolKind.SBO: ["gedrag", "leren", "taal-spraak", "aandacht", "plannen"],
    SchoolKind.SO: ["leren", "medisch", "motoriek", "autisme", "gedrag"],
    SchoolKind.VSO: ["gedrag", "autisme", "leren", "plannen"],
    SchoolKind.SO_VSO: ["leren", "medisch", "motoriek", "autisme", "gedrag", "horen", "zien"],
}
ARRANGEMENTS = [
    "Plusklas voor meer- en hoogbegaafde leerlingen, een ochtend per week",
    "Kleine groep voor leerlingen met autisme, met vaste begeleider",
    "Time-in: even rustig werken buiten de klas met een onderwijsassistent",
    "Taalklas voor leerlingen met een taalontwikkelingsstoornis (samen met cluster 2)",
    "Reken- en leesbegeleiding in kleine groepjes",
    "Onderwijs-zorgarrangement met een jeugdhulpverlener in school",
]
EXPLANATIONS = [
    "We werken met vaste routines en een duidelijke dagplanning. Bij zorgen bellen we ouders dezelfde week.",
    "Onze intern begeleider bespreekt elke leerling met extra ondersteuning drie keer per jaar met ouders.",
    "We hebben een prikkelarme werkplek in elke klas. Een nieuwe leerling krijgt een rustige start.",
    "Extra ondersteuning regelen we samen met het samenwerkingsverband. Dat kan soms een paar weken duren.",
]


def _profile_for(school: School, rng: random.Random, needs: list[Need]) -> tuple[dict[Need, int], int, int]:
    focus = SPECIAL_FOCUS.get(SchoolKind(school.kind), [])
    levels: dict[Need, int] = {}
    for need in needs:
        if need.slug in focus:
            levels[need] = SupportLevel.SPECIALISED
        elif rng.random() < 0.55:
            levels[need] = SupportLevel.BASIC
        elif rng.random() < 0.4:
            levels[need] = SupportLevel.EXTRA
        elif rng.random() < 0.1:
            levels[need] = SupportLevel.SPECIALISED
    class_size = rng.randint(8, 14) if focus else rng.randint(22, 30)
    # A third of the profiles were checked more than a year ago, so the warning is visible in the demo.
    days_ago = rng.choice([rng.randint(10, 300), rng.randint(10, 300), rng.randint(380, 800)])
    return levels, class_size, days_ago


@transaction.atomic
def load_demo_directory() -> None:
    # The taxonomy rows come from a data migration; a database flushed since (as live-server tests do) lacks them.
    ensure_taxonomy()
    points = {p.slug: p for p in SupportPoint.objects.filter(slug__in=DEMO_SLUGS).prefetch_related("partnerships")}
    if not points:
        return
    coordinators = {
        m.support_point_id: m.user for p in points.values() for m in p.memberships.filter(role="coordinator")[:1]
    }
    needs, staff, facilities = list(Need.objects.all()), list(StaffRole.objects.all()), list(Facility.objects.all())
    for point in points.values():
        schools = School.objects.open().filter(partnership__in=point.partnerships.all()).exclude(profile__isnull=False)
        _load_profiles(list(schools), needs, staff, facilities, coordinators.get(point.pk))
    _load_offers(points, needs)
    _load_meetings(points)
    _load_feedback(points)
    _load_experiences(points, needs)


def _load_profiles(
    schools: list[School], needs: list[Need], staff: list[StaffRole], facilities: list[Facility], by: User | None
) -> None:
    today = timezone.localdate()
    profiles, need_rows, expertise_rows, facility_rows = [], [], [], []
    for school in schools:
        rng = random.Random(school.code)  # noqa: S311 - demo data, deterministic on purpose
        levels, class_size, days_ago = _profile_for(school, rng, needs)
        profile = SupportProfile(
            school=school,
            class_size=class_size,
            explanation=rng.choice(EXPLANATIONS),
            arrangements=rng.sample(ARRANGEMENTS, k=rng.randint(0, 2)),
            verified_on=today - timedelta(days=days_ago),
            verified_by=by,
            is_demo=True,
        )
        profiles.append(profile)
        need_rows.append(levels)
        expertise_rows.append({role: rng.randint(1, 3) for role in staff if rng.random() < 0.5})
        facility_rows.append([f for f in facilities if rng.random() < 0.35])
    SupportProfile.objects.bulk_create(profiles)
    ProfileNeed.objects.bulk_create(
        ProfileNeed(profile=p, need=n, level=lvl)
        for p, levels in zip(profiles, need_rows, strict=True)
        for n, lvl in levels.items()
    )
    ProfileExpertise.objects.bulk_create(
        ProfileExpertise(profile=p, staff_role=r, availability=a)
        for p, rows in zip(profiles, expertise_rows, strict=True)
        for r, a in rows.items()
    )
    through = SupportProfile.facilities.through
    through.objects.bulk_create(
        through(supportprofile_id=p.pk, facility_id=f.pk)
        for p, chosen in zip(profiles, facility_rows, strict=True)
        for f in chosen
    )


NATIONAL_OFFERS = [
    (
        "Onderwijsconsulenten",
        OfferKind.EXTERNAL,
        "Onafhankelijke adviseurs die gratis helpen als ouders en school er samen niet uitkomen, of als een kind "
        "langer dan vier weken thuis zit.",
        "Ouders, scholen en samenwerkingsverbanden, voor leerlingen met een ondersteuningsvraag.",
        "Meld je aan via de website of bel. Je hebt geen verwijzing nodig.",
        "https://www.onderwijsconsulenten.nl",
        ["gedrag", "autisme", "leren"],
    ),
    (
        "Geschillencommissie passend onderwijs (GPO)",
        OfferKind.EXTERNAL,
        "Een onafhankelijke commissie voor een geschil over toelating, verwijdering of het ontwikkelingsperspectief.",
        "Ouders die het niet eens zijn met een besluit van het schoolbestuur.",
        "Dien je verzoek in binnen zes weken na het besluit. Het is gratis.",
        "https://www.onderwijsgeschillen.nl",
        [],
    ),
    (
        "Centrum voor Consultatie en Expertise (CCE)",
        OfferKind.EXTERNAL,
        "Denkt mee bij complexe situaties waarin onderwijs en zorg vastlopen.",
        "Ouders en professionals rond een kind met een complexe zorgvraag.",
        "Vraag het aan via de website; meestal samen met de school of het samenwerkingsverband.",
        "https://www.cce.nl",
        ["gedrag", "autisme", "medisch"],
    ),
    (
        "MEE: gratis cliëntondersteuning",
        OfferKind.EXTERNAL,
        "Een onafhankelijke cliëntondersteuner helpt je de weg te vinden in zorg, onderwijs en regelingen.",
        "Ouders van een kind met een beperking of chronische ziekte.",
        "Bel of mail MEE in je regio. Het is gratis.",
        "https://www.mee.nl",
        ["leren", "medisch", "motoriek"],
    ),
]
REGIONAL_OFFERS = [
    (
        "Reboundvoorziening (demo)",
        OfferKind.REBOUND,
        "Een leerling die vastloopt in de klas leert tijdelijk op een rustige plek buiten school en gaat dan terug.",
        "Leerlingen van het voortgezet onderwijs die tijdelijk niet in hun klas kunnen blijven.",
        "De school meldt aan bij het samenwerkingsverband, na een gesprek met ouders en leerling.",
        ["gedrag", "plannen"],
    ),
    (
        "Onderwijs-zorgarrangement (demo)",
        OfferKind.EDUCATION_CARE,
        "Onderwijs en jeugdhulp op één plek, voor kinderen die allebei nodig hebben.",
        "Leerlingen met een zorgvraag die niet de hele dag naar school kunnen.",
        "Via de school en het wijkteam; het samenwerkingsverband beslist mee.",
        ["autisme", "gedrag", "medisch"],
    ),
    (
        "Arrangement hoogbegaafdheid (demo)",
        OfferKind.ARRANGEMENT,
        "Een dag per week een plusklas buiten de eigen school.",
        "Meer- en hoogbegaafde leerlingen in groep 5 tot en met 8.",
        "De intern begeleider van je school vraagt het aan.",
        ["hoogbegaafdheid"],
    ),
]


def _load_offers(points: dict[str, SupportPoint], needs: list[Need]) -> None:
    by_slug = {n.slug: n for n in needs}
    for title, kind, summary, audience, access, website, need_slugs in NATIONAL_OFFERS:
        offer, created = SupportOffer.objects.get_or_create(
            title=title,
            support_point=None,
            defaults={
                "kind": kind,
                "summary": summary,
                "audience": audience,
                "access": access,
                "website": website,
                "is_demo": True,
            },
        )
        if created:
            offer.needs.set([by_slug[s] for s in need_slugs])
    for point in points.values():
        for title, kind, summary, audience, access, need_slugs in REGIONAL_OFFERS:
            offer, created = SupportOffer.objects.get_or_create(
                title=title,
                support_point=point,
                defaults={
                    "kind": kind,
                    "summary": summary,
                    "audience": audience,
                    "access": access,
                    "contact": point.email,
                    "is_demo": True,
                },
            )
            if created:
                offer.needs.set([by_slug[s] for s in need_slugs])


def _load_meetings(points: dict[str, SupportPoint]) -> None:
    start = timezone.localtime().replace(hour=19, minute=30, second=0, microsecond=0)
    for index, point in enumerate(points.values()):
        rows = [
            ("Ouders ontmoeten ouders (demo)", MeetingKind.PEER, 14 + index, 12, "Bibliotheek, zaal 2", False),
            (
                "Themavond: wat is een ontwikkelingsperspectief? (demo)",
                MeetingKind.THEME,
                30 + index,
                40,
                "Online via een link in je e-mail",
                True,
            ),
        ]
        for title, kind, days, capacity, location, online in rows:
            Meeting.objects.get_or_create(
                support_point=point,
                title=title,
                defaults={
                    "kind": kind,
                    "description": "Een avond om ervaringen te delen en vragen te stellen. Koffie en thee staan klaar.",
                    "starts_at": start + timedelta(days=days),
                    "ends_at": start + timedelta(days=days, hours=2),
                    "location": location,
                    "is_online": online,
                    "capacity": capacity,
                    "is_demo": True,
                },
            )


def _load_feedback(points: dict[str, SupportPoint]) -> None:
    for point in points.values():
        Feedback.objects.get_or_create(
            support_point=point,
            message="Ik kon nergens vinden welke scholen in de buurt een prikkelarme ruimte hebben.",
            defaults={
                "response": "Scholen vullen nu hun voorzieningen in op het Ouderplatform. Je kunt erop zoeken.",
                "responded_at": timezone.now(),
                "is_demo": True,
            },
        )


def _load_experiences(points: dict[str, SupportPoint], needs: list[Need]) -> None:
    autism = next((n for n in needs if n.slug == "autisme"), None)
    for point in points.values():
        school = School.objects.open().filter(partnership__in=point.partnerships.all(), profile__isnull=False).first()
        if school is None or Experience.objects.filter(school=school, is_demo=True).exists():
            continue
        experience = Experience.objects.create(
            school=school,
            school_year="2024-2025",
            went_well="De leerkracht nam de tijd voor een goed gesprek. Er kwam snel een rustige werkplek.",
            could_be_better="Het duurde lang voordat het plan op papier stond.",
            status=ExperienceStatus.PUBLISHED,
            moderated_at=timezone.now(),
            is_demo=True,
        )
        if autism:
            experience.needs.set([autism])
