"""The pages the load benchmark measures. Add a page with one `Scenario(...)` in SCENARIOS (see bench/README.md).

A scenario is one request, repeated by every simulated visitor for the length of a segment. Per-visitor
preparation that must not be timed (a CSRF token, a chosen region, a login) goes in `setup`.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import re
import struct
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bench.client import Outcome, Response, Visitor

PathFn = Callable[[Visitor, int], str]
FormFn = Callable[[Visitor, int], dict[str, str]]
SetupFn = Callable[[Visitor], Awaitable[None]]

_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')

# The published demo credentials of ouderplatform/demo.py (development data, loaded into the benchmark database).
DEMO_PASSWORD = "ouderplatform-demo"  # noqa: S105
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105

# Real postcodes across the country, each in a PO and VO partnership of the open data that load_demo_data imports.
POSTCODES = (
    "1012 AB",
    "3511",
    "1111 AA",
    "3811 BA",
    "4531",
    "9711 CV",
    "6211",
    "2511 BT",
    "3011",
    "5611",
    "7511",
    "8011 AB",
)


@dataclass(frozen=True)
class Scenario:
    """One timed request. `path` and `form` may be functions of (visitor, iteration) to vary the request."""

    name: str
    path: str | PathFn
    method: str = "GET"
    description: str = ""
    form: FormFn | None = None
    setup: SetupFn | None = None
    # Cookies dropped before every timed request, e.g. the session to make each request a first visit.
    forget_cookies: tuple[str, ...] = ()
    expect_status: tuple[int, ...] = (200,)
    # For an expected redirect: the path it must point to (anything else is an "unexpected redirect").
    expect_location: str | None = None
    # Data generators from bench/data that must have run before this scenario means anything.
    needs: tuple[str, ...] = ()

    async def run(self, visitor: Visitor, iteration: int) -> Outcome:
        for name in self.forget_cookies:
            visitor.cookies.pop(name, None)
        path = self.path(visitor, iteration) if callable(self.path) else self.path
        form = None
        if self.form is not None:
            form = self.form(visitor, iteration)
            if "csrf" in visitor.state:
                form = {"csrfmiddlewaretoken": visitor.state["csrf"], **form}
        response = await visitor.request(self.method, path, form)
        return Outcome(response=response, problem=self.check(response))

    def check(self, response: Response) -> str | None:
        """None when the answer is what a working page gives, else a short description that groups errors."""
        if response.status not in self.expect_status:
            if 300 <= response.status < 400:
                return f"unexpected redirect {response.status} to {response.location}"
            return f"status {response.status}"
        if self.expect_location is not None and response.location != self.expect_location:
            return f"unexpected redirect {response.status} to {response.location}"
        return None


class SetupError(Exception):
    """A visitor could not be prepared; the scenario is reported as failed without being timed."""


def fetch_csrf(path: str) -> SetupFn:
    """Setup that GETs a page with a form and keeps its CSRF token (the cookie stays in the visitor's jar)."""

    async def setup(visitor: Visitor) -> None:
        response = await visitor.get(path)
        match = _CSRF_INPUT.search(response.body)
        if response.status != 200 or match is None or "csrftoken" not in visitor.cookies:
            raise SetupError(f"GET {path}: status {response.status}, no CSRF token in the form or cookie")
        visitor.state["csrf"] = match.group(1).decode()

    return setup


def totp(secret: str, at: float | None = None) -> str:
    """The current six-digit TOTP code (RFC 6238: SHA-1, 30 s) for a base32 secret, as an authenticator app shows."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((time.time() if at is None else at) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


# Logged-in cookies per (server port, email): one real login per account and run, shared by all visitors, because
# allauth limits logins per IP address and every benchmark visitor comes from 127.0.0.1.
_sessions: dict[tuple[int, str], dict[str, str]] = {}
_session_locks: dict[tuple[int, str], asyncio.Lock] = {}


def log_in(email: str, *, password: str = DEMO_PASSWORD, totp_secret: str | None = None) -> SetupFn:
    """Setup that logs the visitor in through allauth's form (and its TOTP step for staff), then keeps a CSRF token.

    Demo accounts: parents `ouder@example.org`; staff (coordinator@, professional@, admin@example.org) need
    `totp_secret=DEMO_TOTP_SECRET`.
    """

    async def setup(visitor: Visitor) -> None:
        key = (visitor.connection.port, email)
        async with _session_locks.setdefault(key, asyncio.Lock()):
            if key not in _sessions:
                await _log_in(visitor, email, password, totp_secret)
                _sessions[key] = dict(visitor.cookies)
        visitor.cookies.update(_sessions[key])
        await fetch_csrf("/account/email/")(visitor)

    return setup


async def _log_in(visitor: Visitor, email: str, password: str, totp_secret: str | None) -> None:
    await fetch_csrf("/account/login/")(visitor)
    form = {"csrfmiddlewaretoken": visitor.state["csrf"], "login": email, "password": password}
    response = await visitor.post("/account/login/", form)
    if response.status == 302 and response.location.startswith("/account/2fa/authenticate/"):
        if totp_secret is None:
            raise SetupError(f"{email} needs a TOTP step: pass totp_secret")
        await fetch_csrf(response.location)(visitor)
        form = {"csrfmiddlewaretoken": visitor.state["csrf"], "code": totp(totp_secret)}
        response = await visitor.post("/account/2fa/authenticate/", form)
    if response.status != 302 or response.location.startswith("/account/"):
        raise SetupError(f"logging in {email}: status {response.status} to {response.location!r}")


def pick_postcode(visitor: Visitor, iteration: int) -> dict[str, str]:
    return {"q": POSTCODES[iteration % len(POSTCODES)]}


async def choose_region(visitor: Visitor) -> None:
    """Setup: a visitor with a chosen region (a signed cookie), chosen through the form like a parent would."""
    await fetch_csrf("/regio/kiezen/")(visitor)
    form = {"csrfmiddlewaretoken": visitor.state["csrf"], **pick_postcode(visitor, visitor.number)}
    response = await visitor.post("/regio/kiezen/", form)
    if response.status != 302 or response.location != "/regio/" or "regio" not in visitor.cookies:
        raise SetupError(f"choosing a region: status {response.status} to {response.location!r}")
    # Read the page once so that the flash message is consumed and timed requests see the steady state.
    await visitor.get("/regio/")


async def open_buddy_request(visitor: Visitor) -> None:
    """Setup: the demo coordinator, logged in, with the path of the open request from the buddies_500 generator."""
    await log_in("coordinator@example.org", totp_secret=DEMO_TOTP_SECRET)(visitor)
    response = await visitor.get("/buddyhulp/steunpunt/amsterdam-diemen/")
    found = re.search(rb'href="(/buddyhulp/hulpvraag/\d+/)"', response.body)
    if response.status != 200 or found is None:
        raise SetupError(f"buddy overview: status {response.status}, no open request listed")
    visitor.state["buddy_request"] = found.group(1).decode()


# Typical parent searches for the knowledge base, one with a typo ("dislexie").
KB_QUERIES = ("mijn+kind+zit+thuis+wat+nu", "dislexie+hulp+op+school", "opp+niet+eens")


_CASE_LINK = re.compile(rb'href="(/vragen/behandelen/\d+/)"')


async def professional_with_cases(visitor: Visitor) -> None:
    """Setup: the demo professional, logged in, with the question pages linked from the first page of the queue."""
    await log_in("professional@example.org", totp_secret=DEMO_TOTP_SECRET)(visitor)
    response = await visitor.get("/vragen/backoffice/?closed=on")
    links = [link.decode() for link in _CASE_LINK.findall(response.body)]
    if response.status != 200 or not links:
        raise SetupError(f"the queue gave status {response.status} and {len(links)} question links")
    visitor.state["cases"] = links


def case_path(visitor: Visitor, iteration: int) -> str:
    cases = visitor.state["cases"]
    return cases[(visitor.number + iteration) % len(cases)]


BASELINE = Scenario(
    name="baseline",
    path="/_baseline",
    description="A view that returns 'ok' through the full middleware stack: the yardstick.",
)

# Real DUO location codes across sectors and provinces (all in the imported open data).
SCHOOL_CODES = ("00AP00", "00AR00", "03WU00", "04LY00", "32JK00", "32DD00", "20VK00", "18WU00")


def school_search_path(visitor: Visitor, iteration: int) -> str:
    """Three filters over the national data: a postcode with a radius, a need and a kind of school."""
    postcode = POSTCODES[(visitor.number + iteration) % len(POSTCODES)].replace(" ", "+")
    return f"/scholen/?postcode={postcode}&afstand=10&behoefte=autisme&soort=BO"


def school_page_path(visitor: Visitor, iteration: int) -> str:
    return f"/scholen/{SCHOOL_CODES[(visitor.number + iteration) % len(SCHOOL_CODES)]}/"


def school_compare_path(visitor: Visitor, iteration: int) -> str:
    start = (visitor.number + iteration) % len(SCHOOL_CODES)
    codes = [SCHOOL_CODES[(start + k) % len(SCHOOL_CODES)] for k in range(4)]
    return "/scholen/vergelijken/?" + "&".join(f"school={code}" for code in codes)


SCENARIOS: list[Scenario] = [
    Scenario(
        name="staff_floor",
        path="/_baseline/staf",
        description="A bare view behind the staff login (session, user, roles, MFA check): what signing in costs.",
        setup=log_in("professional@example.org", totp_secret=DEMO_TOTP_SECRET),
    ),
    Scenario(name="home", path="/", description="Home page, anonymous first visit."),
    Scenario(
        name="region_choice",
        path="/regio/kiezen/",
        method="POST",
        description="A new visitor submits a postcode (12 real ones in turn); answers 302 to /regio/.",
        setup=fetch_csrf("/regio/kiezen/"),
        form=pick_postcode,
        forget_cookies=("regio", "sessionid", "messages"),
        expect_status=(302,),
        expect_location="/regio/",
    ),
    Scenario(
        name="support_point",
        path="/steunpunten/amsterdam-diemen/",
        description="A support point's public page, anonymous.",
    ),
    Scenario(
        name="my_region",
        path="/regio/",
        description="The visitor's region page, with a region chosen earlier (region cookie).",
        setup=choose_region,
    ),
    Scenario(
        name="school_search",
        path=school_search_path,
        description="School search with three filters (postcode + 10 km, autism, primary) over all schools.",
        needs=("school_profiles",),
    ),
    Scenario(
        name="school_page",
        path=school_page_path,
        description="A school's page: address, profile, experiences, support point (8 schools in turn).",
        needs=("school_profiles",),
    ),
    Scenario(
        name="school_compare",
        path=school_compare_path,
        description="Four schools side by side with their profiles.",
        needs=("school_profiles",),
    ),
    Scenario(
        name="buddy_suggestions",
        path=lambda visitor, i: visitor.state["buddy_request"],
        description="A coordinator's request page: ranked, explained suggestions out of 500 buddies (access logged).",
        setup=open_buddy_request,
        needs=("buddies_500",),
    ),
    Scenario(
        name="backoffice_queue",
        path="/vragen/backoffice/",
        description="The professionals' queue (unassigned first), 50,000 escalated questions.",
        setup=log_in("professional@example.org", totp_secret=DEMO_TOTP_SECRET),
        needs=("questions_50k",),
    ),
    Scenario(
        name="backoffice_queue_filtered",
        path="/vragen/backoffice/?tier=4&needs=autism&sla=breached&pagina=2",
        description="The queue with filters on topic, need and SLA state, page 2, 50,000 escalated questions.",
        setup=log_in("professional@example.org", totp_secret=DEMO_TOTP_SECRET),
        needs=("questions_50k",),
    ),
    Scenario(
        name="backoffice_take_next",
        path="/vragen/backoffice/volgende/",
        method="POST",
        description="'Take next': claims the next escalation (SKIP LOCKED) and redirects to it; 302.",
        setup=log_in("professional@example.org", totp_secret=DEMO_TOTP_SECRET),
        form=lambda visitor, iteration: {},
        forget_cookies=("messages",),
        expect_status=(302,),
        needs=("questions_50k",),
    ),
    Scenario(
        name="backoffice_case",
        path=case_path,
        description="A question's staff page (timers, conversation, history, access log write), 50,000 questions.",
        setup=professional_with_cases,
        forget_cookies=("messages",),
        needs=("questions_50k",),
    ),
    Scenario(
        name="kb_search",
        path=lambda visitor, i: f"/kennisbank/zoeken/?q={KB_QUERIES[i % len(KB_QUERIES)]}",
        description="Knowledge-base search, three typical parent queries in turn (one with a typo), 5,000 articles.",
        needs=("kb_articles_5k",),
    ),
    Scenario(
        name="kb_article",
        path="/kennisbank/artikel/zorgplicht/",
        description="A knowledge-base article with its regional supplement lookup, region chosen, 5,000 articles.",
        setup=choose_region,
        needs=("kb_articles_5k",),
    ),
]


def by_name() -> dict[str, Scenario]:
    return {scenario.name: scenario for scenario in [BASELINE, *SCENARIOS]}


def select(names: list[str] | None) -> list[Scenario]:
    """The scenarios to time, in registry order (the baseline is always measured and never listed here)."""
    if not names:
        return list(SCENARIOS)
    known = by_name()
    unknown = [name for name in names if name not in known]
    if unknown:
        raise KeyError(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(known)}")
    wanted = set(names)
    return [scenario for scenario in SCENARIOS if scenario.name in wanted]
