from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from backoffice.choices import Status, Urgency
from backoffice.models import Event, Question
from regions.models import Partnership, PostcodeArea, SupportPoint

VALID = {
    "subject": "Mijn dochter mag niet mee op schoolreis",
    "body": "De school zegt dat er geen begeleiding is. Mag dat?",
    "tier": "3",
    "needs": ["medical", "motor"],
    "school_type": "BO",
    "consent_backoffice": "on",
}


def with_region(client: Client) -> Client:
    client.post("/regio/kiezen/", {"q": "3511"})
    return client


@pytest.fixture
def guest(client_for: Callable[[str], Client]) -> Client:
    return with_region(client_for("anonymous"))


def test_a_signed_in_parent_asks_a_question_at_their_support_point(
    client_for: Callable[[str], Client], parent: User, support_point: SupportPoint
) -> None:
    client = with_region(client_for("parent"))
    response = client.post("/vragen/stellen/", VALID)
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/vragen/mijn/{question.pk}/"
    assert question.asker == parent and question.support_point == support_point
    assert question.status == Status.RECEIVED and question.needs == ["medical", "motor"]
    assert question.consent_backoffice and not question.consent_buddy
    assert Event.objects.filter(question=question, action="created").exists()
    assert [m.to for m in mail.outbox] == [["parent@example.org"], ["utrecht@example.org"]]


def test_a_guest_gets_the_follow_link_by_email(guest: Client) -> None:
    response = guest.post("/vragen/stellen/", VALID | {"guest_email": "Gast@Example.org"})
    assert response.status_code == 302 and response["Location"] == "/vragen/stellen/verstuurd/"
    question = Question.objects.get()
    assert question.asker is None and question.guest_email == "gast@example.org"
    to_guest = next(m for m in mail.outbox if m.to == ["gast@example.org"])
    assert "/vragen/volgen/" in to_guest.body
    link = to_guest.body.split("http://127.0.0.1:8000")[1].split()[0]
    assert guest.get(link).status_code == 200


def test_a_child_at_home_makes_the_question_urgent(guest: Client) -> None:
    guest.post("/vragen/stellen/", VALID | {"guest_email": "a@example.org", "child_at_home": "on"})
    assert Question.objects.get().urgency == Urgency.URGENT


def test_a_guest_must_give_an_email_address(guest: Client) -> None:
    response = guest.post("/vragen/stellen/", VALID)
    assert response.status_code == 400
    assert "Vul je e-mailadres in." in response.content.decode()
    assert not Question.objects.exists()


def test_bad_input_is_shown_again_with_messages(guest: Client) -> None:
    response = guest.post("/vragen/stellen/", {"tier": "9", "needs": ["diagnose"]})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er ging iets mis" in body and "Schrijf je vraag op." in body


def test_the_form_shows_without_javascript_and_names_the_support_point(guest: Client) -> None:
    response = guest.get("/vragen/stellen/")
    assert response.status_code == 200
    assert "Steunpunt Utrecht (test)" in response.content.decode()


def test_without_a_region_the_parent_chooses_one_first(client_for: Callable[[str], Client]) -> None:
    response = client_for("parent").get("/vragen/stellen/")
    assert response.status_code == 302 and response["Location"] == "/regio/kiezen/?next=%2Fvragen%2Fstellen%2F"


def test_a_region_without_a_support_point_explains_that_no_question_can_be_asked(
    client_for: Callable[[str], Client], support_point: SupportPoint
) -> None:
    lonely = Partnership.objects.create(code="PO9901", sector="PO")
    PostcodeArea.objects.create(pc4="9901", place="Nergens", po_partnership=lonely)
    client = client_for("anonymous")
    client.post("/regio/kiezen/", {"q": "9901"})
    response = client.post("/vragen/stellen/", VALID | {"guest_email": "a@example.org"})
    assert response.status_code == 200 and not Question.objects.exists()


def test_short_or_unmatched_text_gets_no_suggestions(guest: Client) -> None:
    response = guest.get("/vragen/stellen/suggesties/", {"q": "zorgplicht"})
    assert response.status_code == 200 and response.content.strip() == b""


def test_asking_only_accepts_get_and_post(guest: Client) -> None:
    assert guest.delete("/vragen/stellen/").status_code == 405


def test_matching_knowledge_base_articles_are_suggested_while_typing(guest: Client) -> None:
    from knowledgebase.seed.loader import load_knowledgebase

    load_knowledgebase()
    response = guest.get("/vragen/stellen/suggesties/", {"q": "zorgplicht van de school"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Misschien helpen deze artikelen je al" in body and 'href="/kennisbank/artikel/' in body
