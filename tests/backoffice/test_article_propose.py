from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from accounts.models import User
from backoffice.knowledge import flag_personal_details
from backoffice.models import DraftArticleProposal, Event, Question
from backoffice.services import staff_reply


def test_an_answered_question_becomes_a_draft_article_in_one_step(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    staff_reply(
        question=escalated,
        author=professional,
        role="professional",
        body="Beste Anna, bel de school op 030-1234567 of mail juf@school.nl.",
        internal=False,
    )
    staff_reply(question=escalated, author=professional, role="professional", body="Interne notitie", internal=True)
    client = client_for("professional")
    response = client.post(f"/vragen/behandelen/{escalated.pk}/artikel/")
    proposal = DraftArticleProposal.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/vragen/kennis/{proposal.pk}/"
    assert proposal.question == escalated and proposal.tier == escalated.tier and proposal.title == escalated.subject
    assert escalated.body in proposal.body and "bel de school" in proposal.body
    assert "Interne notitie" not in proposal.body
    assert {"Anna", "030-1234567", "juf@school.nl"} <= set(proposal.flagged)
    assert Event.objects.filter(question=escalated, action="article").exists()
    page = client.get(f"/vragen/kennis/{proposal.pk}/").content.decode()
    assert "<mark>juf@school.nl</mark>" in page


def test_a_question_without_an_answer_cannot_become_an_article(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    response = client_for("professional").post(f"/vragen/behandelen/{escalated.pk}/artikel/", follow=True)
    assert "nog geen antwoord" in response.content.decode()
    assert not DraftArticleProposal.objects.exists()


def test_personal_details_are_flagged() -> None:
    text = "Mijn zoon Daan zit op De Regenboog. Bel 06 12345678, postcode 3511 AB."
    flagged = flag_personal_details(text, known_names=["Anna"])
    assert "Daan" in flagged and "06 12345678" in flagged and "3511 AB" in flagged and "Anna" not in flagged


def test_the_draft_lands_in_the_knowledge_base_for_the_editors(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    from knowledgebase.models import Article, Topic

    topic = Topic.objects.create(tier=escalated.tier, name="Testonderwerp", slug="testonderwerp")
    staff_reply(question=escalated, author=professional, role="professional", body="Zo werkt het.", internal=False)
    client = client_for("professional")
    client.post(f"/vragen/behandelen/{escalated.pk}/artikel/")
    proposal = DraftArticleProposal.objects.get()
    article = Article.objects.get(pk=proposal.article_id)
    assert article.topic == topic
    assert article.title == escalated.subject
    assert article.status == "draft"
    assert "Zo werkt het." in article.body
    assert article.revisions.count() == 1
    page = client.get(f"/vragen/kennis/{proposal.pk}/").content.decode()
    assert f"/kennisbank/redactie/artikelen/{article.pk}/" in page
