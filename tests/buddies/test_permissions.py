"""Permission matrix for the buddy pages: every URL × every persona.

Fixtures: a request of `parent` at utrecht with an active match to `buddy`, a second one with an open proposal to
`buddy`, a third one closed; an invitation for parent_b's address.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import signing

from accounts.models import User
from buddies import services
from buddies.models import BuddyInvitation, Outcome
from regions.models import PostcodeArea, SupportPoint
from tests.buddies.conftest import make_request, screened_profile
from tests.permissions import Case, matrix_test

ANON = {"anonymous": 302}
# Any signed-in person is a parent.
PARENT_PAGE = ANON
OWN_REQUEST = {"anonymous": 302, "parent": 200}
# Buddy pages: other roles 403; the superuser passes the role check but is nobody's buddy.
BUDDY_PAGE = {"anonymous": 302, "buddy": 200, "buddy_b": 200, "superuser": 403}
OWN_MATCH = {"anonymous": 302, "buddy": 200, "buddy_b": 404, "superuser": 404}
COORDINATOR_PAGE = {"anonymous": 302, "coordinator": 200, "coordinator_b": 404, "superuser": 200}


def own_match(status: int) -> dict[str, int]:
    return OWN_MATCH | {"buddy": status}


def coordinated(status: int) -> dict[str, int]:
    return COORDINATOR_PAGE | {"coordinator": status, "superuser": status}


# A wrong method is refused before the scope is looked at.
COORDINATOR_WRONG_METHOD = COORDINATOR_PAGE | {"coordinator": 405, "coordinator_b": 405, "superuser": 405}


CONTACT = {"happened_on": "2025-01-06", "channel": "phone", "note": "Gebeld"}

CASES = [
    Case("buddies:start", "/buddyhulp/"),
    Case("buddies:start", "/buddyhulp/", method="post", default=405),
    # No region chosen yet: the form sends everyone to the region choice first (anonymous: to the login).
    Case("buddies:request_new", "/buddyhulp/aanvragen/", default=302),
    Case("buddies:request_new", "/buddyhulp/aanvragen/", method="put", default=405, expected=ANON),
    Case("buddies:my_requests", "/buddyhulp/mijn-aanvragen/", expected=PARENT_PAGE),
    Case("buddies:my_request", "/buddyhulp/mijn-aanvragen/{req}/", default=404, expected=OWN_REQUEST),
    Case("buddies:my_request", "/buddyhulp/mijn-aanvragen/{req}/", method="post", default=405, expected=ANON),
    Case("buddies:request_withdraw", "/buddyhulp/mijn-aanvragen/{req}/intrekken/", default=404, expected=OWN_REQUEST),
    Case(
        "buddies:request_withdraw",
        "/buddyhulp/mijn-aanvragen/{req}/intrekken/",
        method="put",
        default=405,
        expected=ANON,
    ),
    Case("buddies:parent_survey", "/buddyhulp/mijn-aanvragen/{closed}/evaluatie/", default=404, expected=OWN_REQUEST),
    Case("buddies:caseload", "/buddyhulp/buddy/", default=403, expected=BUDDY_PAGE),
    Case(
        "buddies:caseload",
        "/buddyhulp/buddy/",
        method="post",
        default=403,
        expected=BUDDY_PAGE | {"buddy": 405, "buddy_b": 405, "superuser": 405},
    ),
    Case("buddies:profile", "/buddyhulp/buddy/profiel/", default=403, expected=BUDDY_PAGE),
    Case("buddies:proposal", "/buddyhulp/buddy/voorstel/{prop}/", default=403, expected=OWN_MATCH),
    Case(
        "buddies:proposal_accept",
        "/buddyhulp/buddy/voorstel/{prop}/aannemen/",
        method="post",
        default=403,
        expected=own_match(302),
    ),
    Case(
        "buddies:proposal_accept",
        "/buddyhulp/buddy/voorstel/{prop}/aannemen/",
        default=403,
        expected=OWN_MATCH | {"buddy": 405, "buddy_b": 405, "superuser": 405},
    ),
    Case(
        "buddies:proposal_decline",
        "/buddyhulp/buddy/voorstel/{prop}/afwijzen/",
        method="post",
        default=403,
        expected=own_match(302),
        data={"reason": "no_time"},
    ),
    Case("buddies:match", "/buddyhulp/buddy/ouder/{match}/", default=403, expected=OWN_MATCH),
    Case(
        "buddies:contact_add",
        "/buddyhulp/buddy/ouder/{match}/contact/",
        method="post",
        default=403,
        expected=own_match(302),
        data=CONTACT,
    ),
    Case("buddies:match_close", "/buddyhulp/buddy/ouder/{match}/afsluiten/", default=403, expected=OWN_MATCH),
    Case("buddies:handover", "/buddyhulp/buddy/ouder/{match}/overdragen/", default=403, expected=OWN_MATCH),
    Case("buddies:escalate", "/buddyhulp/buddy/ouder/{match}/backoffice/", default=403, expected=OWN_MATCH),
    Case("buddies:buddy_survey", "/buddyhulp/buddy/ouder/{closed_match}/evaluatie/", default=403, expected=OWN_MATCH),
    Case(
        "buddies:coordinator_home",
        "/buddyhulp/coordinatie/",
        default=403,
        expected={"anonymous": 302, "coordinator": 302, "coordinator_b": 302, "superuser": 200},
    ),
    Case("buddies:overview", "/buddyhulp/steunpunt/utrecht/", default=403, expected=COORDINATOR_PAGE),
    Case(
        "buddies:overview",
        "/buddyhulp/steunpunt/utrecht/",
        method="post",
        default=403,
        expected=COORDINATOR_WRONG_METHOD,
    ),
    Case("buddies:request_list", "/buddyhulp/steunpunt/utrecht/hulpvragen/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:buddy_list", "/buddyhulp/steunpunt/utrecht/buddies/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:invite", "/buddyhulp/steunpunt/utrecht/uitnodigen/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:settings", "/buddyhulp/steunpunt/utrecht/instellingen/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:request_detail", "/buddyhulp/hulpvraag/{req}/", default=403, expected=COORDINATOR_PAGE),
    Case(
        "buddies:request_detail",
        "/buddyhulp/hulpvraag/{req}/",
        method="post",
        default=403,
        expected=COORDINATOR_WRONG_METHOD,
    ),
    Case(
        "buddies:propose",
        "/buddyhulp/hulpvraag/{req}/voorstellen/",
        method="post",
        default=403,
        expected=coordinated(302),
        data={"buddy": "1"},
    ),
    Case("buddies:propose", "/buddyhulp/hulpvraag/{req}/voorstellen/", default=403, expected=COORDINATOR_WRONG_METHOD),
    Case("buddies:handover_close", "/buddyhulp/hulpvraag/{req}/overdragen/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:screening", "/buddyhulp/buddies/{profile}/screening/", default=403, expected=COORDINATOR_PAGE),
    Case("buddies:invitation", "/buddyhulp/uitnodiging/{token}/", default=403, expected=ANON | {"parent_b": 200}),
    Case("buddies:invitation", "/buddyhulp/uitnodiging/ongeldig/", default=404, expected=ANON),
]


@pytest.fixture
def path_values(
    parent: User,
    parent_b: User,
    buddy: User,
    buddy_b: User,
    coordinator: User,
    support_point: SupportPoint,
    postcode_areas: list[PostcodeArea],
) -> dict[str, Any]:
    profile = screened_profile(buddy, capacity=3)
    screened_profile(buddy_b)
    closed = make_request(parent, support_point)
    done = services.match_propose(request_id=closed.pk, buddy_id=profile.pk, proposed_by=coordinator)
    services.match_accept(match_id=done.pk, by=buddy)
    services.match_close(match_id=done.pk, by=buddy, outcome=Outcome.GOAL_REACHED)
    active = make_request(parent, support_point, area=postcode_areas[0])
    match = services.match_propose(request_id=active.pk, buddy_id=profile.pk, proposed_by=coordinator)
    services.match_accept(match_id=match.pk, by=buddy)
    proposed = make_request(parent, support_point)
    proposal = services.match_propose(request_id=proposed.pk, buddy_id=profile.pk, proposed_by=coordinator)
    invitation = BuddyInvitation.objects.create(support_point=support_point, email=parent_b.email)
    return {
        "req": active.pk,
        "match": match.pk,
        "prop": proposal.pk,
        "closed": closed.pk,
        "closed_match": done.pk,
        "profile": profile.pk,
        "token": signing.dumps(invitation.pk, salt=services.INVITATION_SALT),
    }


test_permission_matrix = matrix_test(CASES)
