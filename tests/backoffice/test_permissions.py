"""Permission matrix for every back-office URL × persona."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from backoffice.knowledge import DraftArticleProposal
from backoffice.models import CannedResponse, Question, SavedFilter
from backoffice.tasks import guest_token, survey_token
from regions.models import SupportPoint
from tests.backoffice.conftest import ask
from tests.permissions import Case, matrix_test

PERSONAS = ["parent", "parent_b", "outsider", "buddy", "buddy_b", "coordinator", "coordinator_b", "professional"]


def only(allowed: dict[str, int], *, others: int, anonymous: int = 302) -> dict[str, int]:
    """`allowed` as given; every other signed-in persona gets `others`, anonymous users `anonymous`."""
    return {"anonymous": anonymous} | dict.fromkeys(PERSONAS + ["superuser"], others) | allowed


PROFESSIONALS = {"professional": 200, "superuser": 200}
PROFESSIONALS_POST = {"professional": 302, "superuser": 302}
SIGNED_IN = {"anonymous": 302}
# The escalated question {q}: its buddy, its coordinator and the professionals see it; other staff get 404,
# people without a staff role 403.
CASE = only({"buddy": 200, "coordinator": 200, "professional": 200, "superuser": 200}, others=403) | {
    "buddy_b": 404,
    "coordinator_b": 404,
}
CASE_POST = {persona: 302 if code == 200 else code for persona, code in CASE.items()}
# The fresh question {r}: only its coordinator (and the superuser) may open it.
FRESH = only({"coordinator": 200, "superuser": 200}, others=403) | {
    "buddy": 404,
    "buddy_b": 404,
    "coordinator_b": 404,
    "professional": 404,
}
PROFESSIONAL_ON_CASE = only({"professional": 302, "superuser": 302}, others=403)

CASES = [
    Case("backoffice:ask", "/vragen/stellen/", default=302),
    Case("backoffice:ask", "/vragen/stellen/", method="post", default=302, data={"subject": "x"}),
    Case("backoffice:ask", "/vragen/stellen/", method="put", default=405),
    Case("backoffice:asked", "/vragen/stellen/verstuurd/"),
    Case("backoffice:asked", "/vragen/stellen/verstuurd/", method="post", default=405),
    Case("backoffice:suggestions", "/vragen/stellen/suggesties/", data={"q": "zorgplicht en thuiszitten"}),
    Case("backoffice:mine", "/vragen/mijn/", expected=SIGNED_IN),
    Case("backoffice:mine_detail", "/vragen/mijn/{q}/", default=404, expected={"anonymous": 302, "parent": 200}),
    Case(
        "backoffice:mine_detail",
        "/vragen/mijn/{q}/",
        method="post",
        default=404,
        expected={"anonymous": 302, "parent": 302},
        data={"body": "Dank je, nog een vraag."},
    ),
    Case("backoffice:guest", "/vragen/volgen/{guest}/"),
    Case("backoffice:guest", "/vragen/volgen/{guest}/", method="post", default=302, data={"body": "Nog een vraag"}),
    Case("backoffice:guest", "/vragen/volgen/niet-geldig/", default=400),
    Case("backoffice:survey", "/vragen/tevredenheid/{survey}/"),
    Case("backoffice:survey", "/vragen/tevredenheid/{survey}/", method="post", data={"score": "4"}),
    Case("backoffice:survey", "/vragen/tevredenheid/kapot/", default=400),
    Case(
        "backoffice:regional",
        "/vragen/steunpunt/",
        expected=only(
            {"buddy": 200, "buddy_b": 200, "coordinator": 200, "coordinator_b": 200, "superuser": 200}, others=403
        ),
    ),
    Case("backoffice:queue", "/vragen/backoffice/", expected=only(PROFESSIONALS, others=403)),
    Case(
        "backoffice:take_next",
        "/vragen/backoffice/volgende/",
        method="post",
        expected=only(PROFESSIONALS_POST, others=403),
    ),
    Case(
        "backoffice:take_next",
        "/vragen/backoffice/volgende/",
        expected=only({"professional": 405, "superuser": 405}, others=403),
    ),
    Case(
        "backoffice:filter_save",
        "/vragen/backoffice/filters/",
        method="post",
        data={"name": "Dringend", "query": "urgency=urgent"},
        expected=only(PROFESSIONALS_POST, others=403),
    ),
    Case(
        "backoffice:filter_delete",
        "/vragen/backoffice/filters/{saved}/verwijderen/",
        method="post",
        expected=only({"professional": 302, "superuser": 404}, others=403),
    ),
    Case("backoffice:case", "/vragen/behandelen/{q}/", expected=CASE),
    Case("backoffice:case", "/vragen/behandelen/{r}/", expected=FRESH),
    Case(
        "backoffice:case",
        "/vragen/behandelen/{q}/",
        method="post",
        expected=CASE
        | dict.fromkeys(["buddy", "buddy_b", "coordinator", "coordinator_b", "professional", "superuser"], 405),
    ),
    Case(
        "backoffice:case_message",
        "/vragen/behandelen/{q}/bericht/",
        method="post",
        data={"kind": "note", "body": "Gebeld met de ouder."},
        expected=CASE_POST,
    ),
    Case(
        "backoffice:case_assign",
        "/vragen/behandelen/{r}/toewijzen/",
        method="post",
        expected=only({"coordinator": 400, "superuser": 400}, others=403) | {"coordinator_b": 404},
    ),
    Case(
        "backoffice:case_escalate",
        "/vragen/behandelen/{r}/doorzetten/",
        method="post",
        data={"reason": "Te complex", "urgency": "normal"},
        expected=only({"coordinator": 302, "superuser": 302}, others=403)
        | {"buddy": 404, "buddy_b": 404, "coordinator_b": 404},
    ),
    Case("backoffice:case_claim", "/vragen/behandelen/{q}/oppakken/", method="post", expected=PROFESSIONAL_ON_CASE),
    Case(
        "backoffice:case_claim",
        "/vragen/behandelen/{r}/oppakken/",
        method="post",
        expected=only({"professional": 404, "superuser": 404}, others=403),
    ),
    Case(
        "backoffice:case_reassign",
        "/vragen/behandelen/{q}/overdragen/",
        method="post",
        expected=only({"professional": 400, "superuser": 400}, others=403),
    ),
    Case(
        "backoffice:case_hold",
        "/vragen/behandelen/{q}/wacht/",
        method="post",
        data={"reason": "Wacht op het OPP"},
        expected=PROFESSIONAL_ON_CASE,
    ),
    Case("backoffice:case_resume", "/vragen/behandelen/{q}/hervatten/", method="post", expected=PROFESSIONAL_ON_CASE),
    Case(
        "backoffice:case_close",
        "/vragen/behandelen/{q}/afsluiten/",
        method="post",
        data={"resolution": "answered"},
        expected=PROFESSIONAL_ON_CASE | {"buddy_b": 404, "coordinator_b": 404},
    ),
    Case(
        "backoffice:case_close",
        "/vragen/behandelen/{r}/afsluiten/",
        method="post",
        data={"resolution": "answered"},
        expected={code: 302 if status == 200 else status for code, status in FRESH.items()},
    ),
    Case("backoffice:case_article", "/vragen/behandelen/{q}/artikel/", method="post", expected=PROFESSIONAL_ON_CASE),
    Case("backoffice:proposal", "/vragen/kennis/{proposal}/", expected=only(PROFESSIONALS, others=403)),
    Case("backoffice:canned_list", "/vragen/standaardantwoorden/", expected=only(PROFESSIONALS, others=403)),
    Case("backoffice:canned_create", "/vragen/standaardantwoorden/nieuw/", expected=only(PROFESSIONALS, others=403)),
    Case(
        "backoffice:canned_create",
        "/vragen/standaardantwoorden/nieuw/",
        method="post",
        data={"tier": "3", "title": "Zorgplicht (nieuw)", "body": "De school heeft zes weken."},
        expected=only(PROFESSIONALS_POST, others=403),
    ),
    Case("backoffice:canned_edit", "/vragen/standaardantwoorden/{canned}/", expected=only(PROFESSIONALS, others=403)),
    Case(
        "backoffice:signals",
        "/vragen/signalen/",
        expected=only({"coordinator": 200, "coordinator_b": 200, "professional": 200, "superuser": 200}, others=403),
    ),
    Case(
        "backoffice:signals",
        "/vragen/signalen/?steunpunt=zvl",
        expected=only({"coordinator": 404, "coordinator_b": 200, "professional": 200, "superuser": 200}, others=403),
    ),
    Case(
        "backoffice:signals_csv",
        "/vragen/signalen/export.csv",
        expected=only({"coordinator": 200, "coordinator_b": 200, "professional": 200, "superuser": 200}, others=403),
    ),
]


@pytest.fixture
def path_values(
    escalated: Question,
    guest_question: Question,
    support_point: SupportPoint,
    other_support_point: SupportPoint,
    professional: User,
    coordinator_b: User,
) -> dict[str, Any]:
    fresh = ask(support_point, None, guest_email="ander@example.org", consent_buddy=False)
    saved = SavedFilter.objects.create(owner=professional, name="Dringend", query="urgency=urgent")
    canned = CannedResponse.objects.create(tier=3, title="Zorgplicht", body="Zes weken.", updated_by=professional)
    proposal = DraftArticleProposal.objects.create(question=escalated, tier=4, title="Thuiszitten", body="…")
    return {
        "q": escalated.pk,
        "r": fresh.pk,
        "guest": guest_token(guest_question.pk),
        "survey": survey_token(guest_question.pk),
        "saved": saved.pk,
        "canned": canned.pk,
        "proposal": proposal.pk,
    }


test_permission_matrix = matrix_test(CASES)
