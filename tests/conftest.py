"""The fixed cast of personas and shared helpers for every test.

Two support points in different regions (A: Utrecht-like, B: Zeeland-like), each covering a PO and a VO partnership.
Personas are built explicitly, not by factories: two parents, a buddy and a coordinator per support point, a
professional, an outsider (signed in, no relation to anything) and a superuser.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.cache import caches
from django.test import Client

from accounts.models import Membership, Role, User
from regions.models import Partnership, PostcodeArea, SupportPoint

pytest_plugins = ["tests.browser_fixtures"]

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: object) -> None:
    # Real hashing costs ~100 ms a user; tests create many users and do not test the hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _empty_page_cache() -> None:
    # Rendered pages are cached per process; a page cached in one test must not leak into the next.
    caches["pages"].clear()


def make_user(email: str, *, first_name: str = "", mfa: bool = False, **flags: bool) -> User:
    user = User.objects.create_user(email=email, password="correct-horse-battery", first_name=first_name, **flags)
    if mfa and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TEST_TOTP_SECRET)
    return user


@pytest.fixture
def partnerships(db: None) -> dict[str, Partnership]:
    codes = {
        "PO2601": ["Utrecht"],
        "VO2601": ["Utrecht"],
        "PO2903": ["Terneuzen", "Sluis", "Hulst"],
        "VO2903": ["Terneuzen", "Sluis", "Hulst"],
    }
    return {
        code: Partnership.objects.create(code=code, sector=code[:2], municipalities=munis)
        for code, munis in codes.items()
    }


@pytest.fixture
def postcode_areas(partnerships: dict[str, Partnership]) -> list[PostcodeArea]:
    p = partnerships
    rows = [
        ("3511", "Utrecht", "Utrecht", p["PO2601"], p["VO2601"]),
        ("3512", "Utrecht", "Utrecht", p["PO2601"], p["VO2601"]),
        ("4531", "Terneuzen", "Terneuzen", p["PO2903"], p["VO2903"]),
        ("4501", "Oostburg", "Sluis", p["PO2903"], p["VO2903"]),
        ("3197", "Rotterdam", "Rotterdam", None, None),
    ]
    return [
        PostcodeArea.objects.create(pc4=pc4, place=place, municipality=muni, po_partnership=po, vo_partnership=vo)
        for pc4, place, muni, po, vo in rows
    ]


@pytest.fixture
def support_point(partnerships: dict[str, Partnership], postcode_areas: list[PostcodeArea]) -> SupportPoint:
    point = SupportPoint.objects.create(
        name="Steunpunt Utrecht (test)", slug="utrecht", email="utrecht@example.org", phone="030 000 0000"
    )
    point.partnerships.set([partnerships["PO2601"], partnerships["VO2601"]])
    return point


@pytest.fixture
def other_support_point(partnerships: dict[str, Partnership], postcode_areas: list[PostcodeArea]) -> SupportPoint:
    point = SupportPoint.objects.create(name="Steunpunt Zeeuws-Vlaanderen (test)", slug="zvl", email="zvl@example.org")
    point.partnerships.set([partnerships["PO2903"], partnerships["VO2903"]])
    return point


@pytest.fixture
def parent(db: None) -> User:
    return make_user("parent@example.org", first_name="Anna")


@pytest.fixture
def parent_b(db: None) -> User:
    return make_user("parent-b@example.org", first_name="Bram")


@pytest.fixture
def outsider(db: None) -> User:
    return make_user("outsider@example.org")


@pytest.fixture
def buddy(support_point: SupportPoint) -> User:
    user = make_user("buddy@example.org", first_name="Carla")
    Membership.objects.create(user=user, support_point=support_point, role=Role.BUDDY)
    return user


@pytest.fixture
def buddy_b(other_support_point: SupportPoint) -> User:
    user = make_user("buddy-b@example.org", first_name="Dirk")
    Membership.objects.create(user=user, support_point=other_support_point, role=Role.BUDDY)
    return user


@pytest.fixture
def coordinator(support_point: SupportPoint) -> User:
    user = make_user("coordinator@example.org", first_name="Esra", mfa=True)
    Membership.objects.create(user=user, support_point=support_point, role=Role.COORDINATOR)
    return user


@pytest.fixture
def coordinator_b(other_support_point: SupportPoint) -> User:
    user = make_user("coordinator-b@example.org", first_name="Frank", mfa=True)
    Membership.objects.create(user=user, support_point=other_support_point, role=Role.COORDINATOR)
    return user


@pytest.fixture
def professional(db: None) -> User:
    return make_user("professional@example.org", first_name="Hanna", mfa=True, is_professional=True)


@pytest.fixture
def superuser(db: None) -> User:
    return make_user("admin@example.org", mfa=True, is_superuser=True, is_staff=True)


PERSONAS = [
    "anonymous",
    "parent",
    "parent_b",
    "outsider",
    "buddy",
    "buddy_b",
    "coordinator",
    "coordinator_b",
    "professional",
    "superuser",
]


@pytest.fixture
def client_for(request: pytest.FixtureRequest, support_point: SupportPoint) -> Callable[[str], Client]:
    """`client_for("coordinator")`: a test client signed in as that persona ("anonymous": not signed in)."""

    def make(persona: str) -> Client:
        client = Client()
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return make
