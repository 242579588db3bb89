"""Demo data for development: the real partnerships, three fictional support points, and a user for every role.

Everything here is obviously fake (example.org addresses, "Demo" names) and safe to load again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from accounts.models import Membership, Role, User

DEMO_PASSWORD = "ouderplatform-demo"  # noqa: S105 - a published development password, never used in production

SUPPORT_POINTS = [
    {
        "slug": "amsterdam-diemen",
        "name": "Ouder- en Jeugdsteunpunt Amsterdam-Diemen (demo)",
        "email": "steunpunt-amsterdam@example.org",
        "phone": "020 000 0000",
        "opening_hours": "Maandag tot en met donderdag van 9.00 tot 17.00 uur.\nInloopspreekuur woensdagochtend.",
        "introduction": (
            "Wij helpen ouders en jongeren in Amsterdam en Diemen als het op school niet vanzelf gaat. "
            "Ervaren ouders luisteren, denken mee en gaan mee naar gesprekken. Onafhankelijk en gratis."
        ),
        "codes": ["PO2707", "VO2708"],
    },
    {
        "slug": "eemland",
        "name": "Oudersteunpunt Eemland (demo)",
        "email": "steunpunt-eemland@example.org",
        "phone": "033 000 0000",
        "opening_hours": "Dinsdag en donderdag van 9.00 tot 15.00 uur.",
        "introduction": (
            "Het oudersteunpunt voor Amersfoort en omgeving. Wij geven uitleg over passend onderwijs "
            "en brengen je in contact met een ervaren ouder."
        ),
        "codes": ["PO2602", "VO2602"],
    },
    {
        "slug": "zeeuws-vlaanderen",
        "name": "Steunpunt Passend Onderwijs Zeeuws-Vlaanderen (demo)",
        "email": "steunpunt-zvl@example.org",
        "phone": "0115 000 000",
        "opening_hours": "Maandag, woensdag en vrijdag van 9.00 tot 12.00 uur. Ook op afspraak bij je thuis.",
        "introduction": (
            "Voor ouders in Sluis, Terneuzen en Hulst. De afstanden zijn groot, dus we komen ook naar je toe "
            "of bellen met beeld."
        ),
        "codes": ["PO2903", "VO2903"],
    },
]


@dataclass(frozen=True)
class DemoUser:
    email: str
    first_name: str
    role: str
    support_point: str = ""
    is_professional: bool = False
    is_superuser: bool = False

    @property
    def is_staff_role(self) -> bool:
        return self.is_professional or self.is_superuser or self.role == Role.COORDINATOR


DEMO_USERS = [
    DemoUser("ouder@example.org", "Demo-ouder Anna", Role.PARENT),
    DemoUser("ouder2@example.org", "Demo-ouder Bram", Role.PARENT),
    DemoUser("buddy@example.org", "Demo-buddy Carla", Role.BUDDY, "amsterdam-diemen"),
    DemoUser("buddy2@example.org", "Demo-buddy Dirk", Role.BUDDY, "zeeuws-vlaanderen"),
    DemoUser("coordinator@example.org", "Demo-coördinator Esra", Role.COORDINATOR, "amsterdam-diemen"),
    DemoUser("coordinator2@example.org", "Demo-coördinator Frank", Role.COORDINATOR, "eemland"),
    DemoUser("coordinator3@example.org", "Demo-coördinator Gerda", Role.COORDINATOR, "zeeuws-vlaanderen"),
    DemoUser("professional@example.org", "Demo-professional Hanna", Role.PROFESSIONAL, is_professional=True),
    DemoUser("admin@example.org", "Demo-beheerder Ivo", Role.SUPERUSER, is_superuser=True),
]

# A fixed TOTP secret for the demo staff accounts, so that a developer can add it to an authenticator app.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - published, development only


def load_support_points() -> None:
    from regions.models import Partnership, SupportPoint

    for data in SUPPORT_POINTS:
        fields = {k: v for k, v in data.items() if k not in {"slug", "codes"}}
        point, _ = SupportPoint.objects.update_or_create(slug=data["slug"], defaults={**fields, "is_demo": True})
        point.partnerships.set(Partnership.objects.filter(code__in=data["codes"]))


def load_users() -> None:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    from regions.models import SupportPoint

    for demo in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=demo.email,
            defaults={
                "first_name": demo.first_name,
                "is_professional": demo.is_professional,
                "is_superuser": demo.is_superuser,
                "is_staff": demo.is_superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.get_or_create(user=user, email=demo.email, defaults={"verified": True, "primary": True})
        if demo.support_point:
            point = SupportPoint.objects.get(slug=demo.support_point)
            Membership.objects.get_or_create(user=user, support_point=point, role=demo.role)
        if demo.is_staff_role and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)


def load_demo_data() -> None:
    """Create the demo support points and users; the partnerships must have been imported first."""
    with transaction.atomic():
        load_support_points()
        load_users()
