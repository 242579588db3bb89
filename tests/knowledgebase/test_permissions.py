"""Permission matrix for the knowledge base: public pages, the editors' pages, supplements and synonyms.

Only professionals publish and manage synonyms; coordinators propose articles and edit the supplements of their own
support points only (another region's URL is a 404, no information leak).
"""

from __future__ import annotations

from typing import Any

import pytest

from accounts.models import User
from knowledgebase.models import ArticleStatus, SynonymGroup, Topic
from knowledgebase.services import ArticleContent, article_create
from regions.models import SupportPoint
from tests.permissions import Case, matrix_test

STAFF_PAGE = {
    "anonymous": 302,
    "parent": 403,
    "parent_b": 403,
    "outsider": 403,
    "buddy": 403,
    "buddy_b": 403,
}
EDITORS = {**STAFF_PAGE, "coordinator": 200, "coordinator_b": 200, "professional": 200, "superuser": 200}
PROFESSIONALS = {**STAFF_PAGE, "coordinator": 403, "coordinator_b": 403, "professional": 200, "superuser": 200}
# A published article: professionals only; coordinators are out of scope (404).
PUBLISHED = {**STAFF_PAGE, "coordinator": 404, "coordinator_b": 404, "professional": 200, "superuser": 200}
# The utrecht coordinator's own proposal: the author and professionals; the other region gets 404.
PROPOSAL = {**STAFF_PAGE, "coordinator": 200, "coordinator_b": 404, "professional": 200, "superuser": 200}
# Utrecht's supplement: its own coordinator (and superusers) only; professionals are not coordinators.
SUPPLEMENT = {**STAFF_PAGE, "coordinator": 200, "coordinator_b": 404, "professional": 403, "superuser": 200}


def _redirects(statuses: dict[str, int]) -> dict[str, int]:
    return {persona: 302 if status == 200 else status for persona, status in statuses.items()}


RESULT_QUERY = "s=po&w=school&o=ja&e=nee&g=l"

CASES = [
    Case("knowledgebase:index", "/kennisbank/"),
    Case("knowledgebase:index", "/kennisbank/", method="post", default=405),
    Case("knowledgebase:topic", "/kennisbank/onderwerp/zorgplicht-test/"),
    Case("knowledgebase:topic", "/kennisbank/onderwerp/bestaat-niet/", default=404),
    Case("knowledgebase:article", "/kennisbank/artikel/uitleg/"),
    Case("knowledgebase:article", "/kennisbank/artikel/voorstel/", default=404),
    Case("knowledgebase:article", "/kennisbank/artikel/uitleg/", method="post", default=405),
    Case(
        "knowledgebase:vote", "/kennisbank/artikel/uitleg/nuttig/", method="post", default=302, data={"helpful": "ja"}
    ),
    Case("knowledgebase:vote", "/kennisbank/artikel/uitleg/nuttig/", default=405),
    Case("knowledgebase:search", "/kennisbank/zoeken/?q=school"),
    Case("knowledgebase:search", "/kennisbank/zoeken/", method="post", default=405),
    Case("knowledgebase:suggestions", "/kennisbank/suggesties/?q=sch"),
    Case("knowledgebase:glossary", "/kennisbank/begrippen/"),
    Case("knowledgebase:route_guide", "/kennisbank/wat-nu/"),
    Case("knowledgebase:route_guide", "/kennisbank/wat-nu/", method="post", default=405),
    Case("knowledgebase:route_result", f"/kennisbank/wat-nu/uitkomst/?{RESULT_QUERY}"),
    Case("knowledgebase:route_result", "/kennisbank/wat-nu/uitkomst/?s=po", default=302),
    Case("knowledgebase:dashboard", "/kennisbank/redactie/", expected=EDITORS),
    Case("knowledgebase:dashboard", "/kennisbank/redactie/", method="post", default=405),
    Case("knowledgebase:editor_articles", "/kennisbank/redactie/artikelen/", expected=PROFESSIONALS),
    Case("knowledgebase:editor_new", "/kennisbank/redactie/artikelen/nieuw/", expected=EDITORS),
    Case("knowledgebase:editor_article", "/kennisbank/redactie/artikelen/{published}/", expected=PUBLISHED),
    Case("knowledgebase:editor_article", "/kennisbank/redactie/artikelen/{proposal}/", expected=PROPOSAL),
    Case(
        "knowledgebase:editor_status",
        "/kennisbank/redactie/artikelen/{proposal}/status/",
        method="post",
        expected=_redirects(PROPOSAL),
        data={"action": "publish"},
    ),
    Case("knowledgebase:editor_status", "/kennisbank/redactie/artikelen/{proposal}/status/", default=405),
    Case("knowledgebase:editor_history", "/kennisbank/redactie/artikelen/{published}/versies/", expected=PUBLISHED),
    Case("knowledgebase:editor_history", "/kennisbank/redactie/artikelen/{proposal}/versies/", expected=PROPOSAL),
    Case("knowledgebase:editor_diff", "/kennisbank/redactie/artikelen/{published}/versies/1/", expected=PUBLISHED),
    Case(
        "knowledgebase:editor_diff",
        "/kennisbank/redactie/artikelen/{published}/versies/9/",
        expected={**PUBLISHED, "professional": 404, "superuser": 404},
    ),
    Case(
        "knowledgebase:editor_revert",
        "/kennisbank/redactie/artikelen/{published}/versies/1/terugzetten/",
        expected=PUBLISHED,
    ),
    Case(
        "knowledgebase:editor_revert",
        "/kennisbank/redactie/artikelen/{published}/versies/1/terugzetten/",
        method="post",
        expected=_redirects(PUBLISHED),
    ),
    Case(
        "knowledgebase:editor_translate", "/kennisbank/redactie/artikelen/{published}/vertaling/en/", expected=PUBLISHED
    ),
    Case(
        "knowledgebase:editor_translate",
        "/kennisbank/redactie/artikelen/{proposal}/vertaling/en/",
        method="post",
        expected=_redirects(PROPOSAL),
        data={"title": "Proposal", "summary": "Short.", "body": "School helps."},
    ),
    Case(
        "knowledgebase:editor_translate",
        "/kennisbank/redactie/artikelen/{published}/vertaling/nl/",
        expected={**PUBLISHED, "professional": 404, "superuser": 404},
    ),
    Case(
        "knowledgebase:editor_translate",
        "/kennisbank/redactie/artikelen/{published}/vertaling/en/",
        method="put",
        default=405,
    ),
    Case("knowledgebase:editor_feedback", "/kennisbank/redactie/artikelen/{published}/reacties/", expected=PUBLISHED),
    Case("knowledgebase:editor_feedback", "/kennisbank/redactie/artikelen/{proposal}/reacties/", expected=PROPOSAL),
    Case("knowledgebase:supplement", "/kennisbank/redactie/aanvulling/uitleg/utrecht/", expected=SUPPLEMENT),
    Case(
        "knowledgebase:supplement",
        "/kennisbank/redactie/aanvulling/uitleg/utrecht/",
        method="post",
        expected=_redirects(SUPPLEMENT),
        data={"body": "Bel ons."},
    ),
    Case(
        "knowledgebase:supplement",
        "/kennisbank/redactie/aanvulling/uitleg/zvl/",
        expected={
            **SUPPLEMENT,
            "coordinator": 404,
            "coordinator_b": 200,
        },
    ),
    Case("knowledgebase:synonyms", "/kennisbank/redactie/synoniemen/", expected=PROFESSIONALS),
    Case(
        "knowledgebase:synonyms",
        "/kennisbank/redactie/synoniemen/",
        method="post",
        expected=_redirects(PROFESSIONALS),
        data={"terms": "opp, ontwikkelingsperspectief"},
    ),
    Case("knowledgebase:synonym", "/kennisbank/redactie/synoniemen/{synonyms}/", expected=PROFESSIONALS),
    Case(
        "knowledgebase:synonym_delete",
        "/kennisbank/redactie/synoniemen/{synonyms}/verwijderen/",
        expected=PROFESSIONALS,
    ),
    Case(
        "knowledgebase:synonym_delete",
        "/kennisbank/redactie/synoniemen/{synonyms}/verwijderen/",
        method="post",
        expected=_redirects(PROFESSIONALS),
    ),
]


@pytest.fixture
def path_values(
    coordinator: User, support_point: SupportPoint, other_support_point: SupportPoint, topic: Topic
) -> dict[str, Any]:
    published = article_create(
        author=None, slug="uitleg", topic=topic, content=ArticleContent("Uitleg", "Kort.", "De school helpt je.")
    )
    published.status = ArticleStatus.PUBLISHED
    published.save()
    proposal = article_create(
        author=coordinator, slug="voorstel", topic=topic, content=ArticleContent("Voorstel", "Kort.", "Een idee.")
    )
    group = SynonymGroup.objects.create(terms=["opp", "ontwikkelingsperspectief"])
    return {"published": published.pk, "proposal": proposal.pk, "synonyms": group.pk}


test_permission_matrix = matrix_test(CASES)
