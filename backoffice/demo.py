"""Demo data for the back office: fictional parents' questions at the demo support points, in every state.

Loaded by `manage.py load_demo_data` after the demo users of ouderplatform/demo.py. Each question is asked and moved
on through backoffice.services, so statuses, SLA timers and the event log are the real ones. A question is keyed by
its subject at its support point: loading again skips the questions that are already there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from accounts.models import User
from backoffice import services
from backoffice.choices import HandlerRole, Resolution, Tier, Urgency
from backoffice.models import Question
from regions.models import SupportPoint


@dataclass(frozen=True)
class DemoQuestion:
    support_point: str
    subject: str
    body: str
    tier: int
    needs: list[str]
    school_type: str
    asker: str = ""  # a demo parent's e-mail address; empty for a guest
    guest_email: str = ""
    child_at_home: bool = False
    consent_buddy: bool = False
    consent_backoffice: bool = True
    steps: list[tuple[str, ...]] = field(default_factory=list)


# Steps, in order: ("assign", handler, by), ("escalate", by, urgency, reason), ("claim", professional),
# ("note" | "reply", author, role, text), ("close", by, resolution), ("survey", score).
DEMO_QUESTIONS = [
    DemoQuestion(
        "amsterdam-diemen",
        "Hoe vraag ik een gesprek aan met de intern begeleider?",
        "Mijn kind heeft moeite met plannen en raakt achter. Ik wil graag met de intern begeleider praten. "
        "Moet ik dat via de leerkracht vragen, of mag ik zelf een afspraak maken?",
        Tier.SCHOOL_ORGANISATION,
        ["executive"],
        "BO",
        asker="ouder2@example.org",
    ),
    DemoQuestion(
        "eemland",
        "Welke middelbare school geeft extra steun?",
        "Volgend jaar gaat mijn kind naar de middelbare school. Het heeft extra hulp nodig bij lezen. "
        "Hoe weet ik welke school in Amersfoort dat goed regelt?",
        Tier.SCHOOL_CHOICE,
        ["reading"],
        "BO",
        guest_email="gast-eemland@example.org",
    ),
    DemoQuestion(
        "amsterdam-diemen",
        "Gesprek over het ontwikkelingsperspectief voorbereiden",
        "Over twee weken heb ik een gesprek over het OPP. Ik vind het lastig om te weten wat ik mag vragen. "
        "Kan iemand met mij meedenken?",
        Tier.SUPPORT_AT_SCHOOL,
        ["autism", "behaviour"],
        "BO",
        asker="ouder@example.org",
        consent_buddy=True,
        steps=[("assign", "buddy@example.org", "coordinator@example.org")],
    ),
    DemoQuestion(
        "zeeuws-vlaanderen",
        "Vervoer naar het speciaal basisonderwijs",
        "De nieuwe school is 25 kilometer van ons huis. Wie regelt het vervoer, en moet ik daar zelf voor betalen?",
        Tier.POLICY,
        ["motor"],
        "SBO",
        guest_email="gast-zvl@example.org",
        steps=[("assign", "coordinator3@example.org", "coordinator3@example.org")],
    ),
    DemoQuestion(
        "amsterdam-diemen",
        "Mijn kind zit al drie weken thuis",
        "Sinds de herfstvakantie gaat mijn kind niet meer naar school. De school zegt dat ze geen plek hebben "
        "in een kleine klas. Niemand belt ons terug. Wat kan ik doen?",
        Tier.WHEN_SCHOOL_FAILS,
        ["behaviour", "attention"],
        "VO",
        asker="ouder2@example.org",
        child_at_home=True,
        steps=[
            (
                "escalate",
                "coordinator@example.org",
                Urgency.URGENT,
                "Thuiszitter sinds drie weken, school en samenwerkingsverband reageren niet. Graag snel contact.",
            )
        ],
    ),
    DemoQuestion(
        "eemland",
        "Jeugdhulp onder schooltijd: mag dat?",
        "Mijn kind krijgt jeugdhulp. De hulpverlener wil op school komen, maar de school twijfelt. "
        "Wie beslist dat, en wie betaalt het?",
        Tier.POLICY,
        ["behaviour"],
        "BO",
        asker="ouder@example.org",
        steps=[
            (
                "escalate",
                "coordinator2@example.org",
                Urgency.NORMAL,
                "Vraag over jeugdhulp in school en de bekostiging. Graag uitleg van een professional.",
            )
        ],
    ),
    DemoQuestion(
        "zeeuws-vlaanderen",
        "Geen toelaatbaarheidsverklaring gekregen",
        "Het samenwerkingsverband geeft geen toelaatbaarheidsverklaring voor het speciaal onderwijs. "
        "Ik ben het daar niet mee eens. Kan ik bezwaar maken?",
        Tier.POLICY,
        ["language"],
        "BO",
        guest_email="gast-bezwaar@example.org",
        steps=[
            (
                "escalate",
                "coordinator3@example.org",
                Urgency.NORMAL,
                "Ouder wil bezwaar maken tegen een afgewezen TLV. Graag uitleg over de procedure.",
            ),
            ("claim", "professional@example.org"),
            (
                "note",
                "professional@example.org",
                HandlerRole.PROFESSIONAL,
                "Termijn voor bezwaar is zes weken na het besluit. Vragen naar de datum van de brief.",
            ),
            (
                "reply",
                "professional@example.org",
                HandlerRole.PROFESSIONAL,
                "Dank je wel voor je vraag. Ja, je kunt bezwaar maken bij het samenwerkingsverband. "
                "Dat moet binnen zes weken na de datum van de brief. Wil je mij laten weten wanneer je de brief "
                "kreeg? Dan kijken we samen wat de volgende stap is.",
            ),
        ],
    ),
    DemoQuestion(
        "amsterdam-diemen",
        "Wat is een ontwikkelingsperspectief?",
        "De school heeft het over een OPP. Wat betekent dat, en moet ik daar iets voor tekenen?",
        Tier.SUPPORT_AT_SCHOOL,
        ["reading", "arithmetic"],
        "BO",
        asker="ouder@example.org",
        steps=[
            (
                "reply",
                "coordinator@example.org",
                HandlerRole.COORDINATOR,
                "Een OPP is een plan van de school voor een leerling die extra steun krijgt. De school bespreekt het "
                "plan met jou. Je tekent voor het deel over de hulp: daar moet je het mee eens zijn. In de "
                "kennisbank staat een artikel met meer uitleg.",
            ),
            ("close", "coordinator@example.org", Resolution.ANSWERED),
            ("survey", "4"),
        ],
    ),
]


def _user(email: str) -> User:
    return User.objects.get(email=email)


def _run(question: Question, step: tuple[str, ...]) -> Question:
    kind, *args = step
    if kind == "assign":
        return services.question_assign_regional(question=question, handler=_user(args[0]), by=_user(args[1]))
    if kind == "escalate":
        services.question_escalate(question=question, by=_user(args[0]), urgency=args[1], reason=args[2])
    elif kind == "claim":
        services.escalation_claim(escalation_id=question.escalation.pk, professional=_user(args[0]))
    elif kind in {"note", "reply"}:
        services.staff_reply(
            question=question, author=_user(args[0]), role=args[1], body=args[2], internal=kind == "note"
        )
    elif kind == "close":
        services.question_close(question=question, by=_user(args[0]), resolution=args[1])
    elif kind == "survey":
        services.survey_answer(question=question, score=int(args[0]))
    return Question.objects.get(pk=question.pk)


def load_demo_questions() -> None:
    """Ask the demo questions and move each to its state; questions already there are left alone."""
    points = {
        point.slug: point for point in SupportPoint.objects.filter(slug__in={q.support_point for q in DEMO_QUESTIONS})
    }
    for demo in DEMO_QUESTIONS:
        point = points[demo.support_point]
        if Question.objects.filter(support_point=point, subject=demo.subject).exists():
            continue
        with transaction.atomic():
            question = services.question_ask(
                support_point=point,
                asker=_user(demo.asker) if demo.asker else None,
                guest_email=demo.guest_email,
                subject=demo.subject,
                body=demo.body,
                tier=demo.tier,
                needs=demo.needs,
                school_type=demo.school_type,
                child_at_home=demo.child_at_home,
                consent_buddy=demo.consent_buddy,
                consent_backoffice=demo.consent_backoffice,
            )
            for step in demo.steps:
                question = _run(question, step)
