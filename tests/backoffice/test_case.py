"""The staff page of a question and its actions."""

from __future__ import annotations

from collections.abc import Callable

from django.core import mail
from django.test import Client

from accounts.models import AccessLog, User
from backoffice.choices import Status
from backoffice.models import Escalation, Event, Message, Question
from backoffice.services import escalation_take_next
from tests.conftest import make_user


def test_opening_a_question_as_staff_is_written_to_the_access_log(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    client_for("professional").get(f"/vragen/behandelen/{escalated.pk}/")
    log = AccessLog.objects.get(actor=professional)
    assert log.object_type == "backoffice.question" and log.object_id == str(escalated.pk)


def test_staff_see_the_history_with_actor_and_before_and_after(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    body = client_for("coordinator").get(f"/vragen/behandelen/{escalated.pk}/").content.decode()
    assert "Geschiedenis" in body
    assert "Ontvangen" in body and "In behandeling bij het steunpunt" in body and "Carla (Buddy)" in body


def test_a_coordinator_gives_the_question_to_a_buddy_who_is_told(
    client_for: Callable[[str], Client], question: Question, buddy: User
) -> None:
    response = client_for("coordinator").post(f"/vragen/behandelen/{question.pk}/toewijzen/", {"handler": buddy.pk})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.regional_handler == buddy and question.status == Status.REGIONAL
    assert mail.outbox[-1].to == ["buddy@example.org"]


def test_a_buddy_cannot_get_a_question_without_the_parents_consent(
    client_for: Callable[[str], Client], question: Question, buddy: User
) -> None:
    Question.objects.filter(pk=question.pk).update(consent_buddy=False)
    response = client_for("coordinator").post(
        f"/vragen/behandelen/{question.pk}/toewijzen/", {"handler": buddy.pk}, follow=True
    )
    assert "geen toestemming" in response.content.decode()
    question.refresh_from_db()
    assert question.regional_handler is None


def test_a_buddy_of_another_support_point_cannot_be_chosen(
    client_for: Callable[[str], Client], question: Question, buddy_b: User
) -> None:
    response = client_for("coordinator").post(f"/vragen/behandelen/{question.pk}/toewijzen/", {"handler": buddy_b.pk})
    assert response.status_code == 400 and "Kies een persoon uit de lijst." in response.content.decode()


def test_the_buddy_escalates_with_a_reason_and_stays_on_the_question(
    client_for: Callable[[str], Client], question: Question, buddy: User, coordinator: User
) -> None:
    from backoffice.services import question_assign_regional

    question_assign_regional(question=question, handler=buddy, by=coordinator)
    response = client_for("buddy").post(
        f"/vragen/behandelen/{question.pk}/doorzetten/", {"reason": "Juridisch", "urgency": "urgent"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.BACKOFFICE and question.escalation.urgency == "urgent"
    assert client_for("buddy").get(f"/vragen/behandelen/{question.pk}/").status_code == 200


def test_escalating_without_the_parents_consent_is_refused(
    client_for: Callable[[str], Client], question: Question
) -> None:
    Question.objects.filter(pk=question.pk).update(consent_backoffice=False)
    response = client_for("coordinator").post(
        f"/vragen/behandelen/{question.pk}/doorzetten/", {"reason": "x", "urgency": "normal"}, follow=True
    )
    assert "geen toestemming" in response.content.decode()
    assert not Escalation.objects.exists()


def test_escalating_without_a_reason_shows_the_error(client_for: Callable[[str], Client], question: Question) -> None:
    response = client_for("coordinator").post(f"/vragen/behandelen/{question.pk}/doorzetten/", {"urgency": "normal"})
    assert response.status_code == 400 and "Schrijf waarom je de vraag doorzet." in response.content.decode()


def test_an_internal_note_stays_internal(client_for: Callable[[str], Client], escalated: Question) -> None:
    mail.outbox.clear()
    client_for("professional").post(
        f"/vragen/behandelen/{escalated.pk}/bericht/", {"kind": "note", "body": "Dossier opgevraagd bij SWV"}
    )
    assert Message.objects.get().kind == "note" and mail.outbox == []
    assert "Dossier opgevraagd" not in client_for("parent").get(f"/vragen/mijn/{escalated.pk}/").content.decode()
    assert "Dossier opgevraagd" in client_for("buddy").get(f"/vragen/behandelen/{escalated.pk}/").content.decode()


def test_a_professional_reply_tells_the_parent_and_the_regional_person(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    escalation_take_next(professional=professional)
    mail.outbox.clear()
    client_for("professional").post(
        f"/vragen/behandelen/{escalated.pk}/bericht/", {"kind": "reply", "body": "De school heeft zorgplicht."}
    )
    escalated.refresh_from_db()
    assert escalated.status == Status.ANSWERED and escalated.escalation.first_response_at is not None
    assert {tuple(m.to) for m in mail.outbox} == {("parent@example.org",), ("buddy@example.org",)}


def test_a_professional_reassigns_and_the_colleague_is_told(
    client_for: Callable[[str], Client], escalated: Question, professional: User
) -> None:
    colleague = make_user("collega@example.org", first_name="Ilse", is_professional=True)
    escalation_take_next(professional=professional)
    mail.outbox.clear()
    client_for("professional").post(f"/vragen/behandelen/{escalated.pk}/overdragen/", {"assignee": colleague.pk})
    assert Escalation.objects.get().assignee == colleague
    assert mail.outbox[0].to == ["collega@example.org"]
    assert Event.objects.filter(action="assignee", before="Hanna", after="Ilse").exists()


def test_hold_and_resume_from_the_page(client_for: Callable[[str], Client], escalated: Question) -> None:
    client = client_for("professional")
    client.post(f"/vragen/behandelen/{escalated.pk}/wacht/", {"reason": "Wacht op OPP"})
    assert Escalation.objects.get().hold_reason == "Wacht op OPP"
    assert "in de wacht" in client.get(f"/vragen/behandelen/{escalated.pk}/").content.decode()
    again = client.post(f"/vragen/behandelen/{escalated.pk}/wacht/", {"reason": "Nog eens"}, follow=True)
    assert "staat al in de wacht" in again.content.decode()
    client.post(f"/vragen/behandelen/{escalated.pk}/hervatten/")
    assert Escalation.objects.get().held_since is None


def test_closing_sends_the_survey_and_the_survey_answer_is_stored(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    mail.outbox.clear()
    client_for("professional").post(f"/vragen/behandelen/{escalated.pk}/afsluiten/", {"resolution": "referred"})
    escalated.refresh_from_db()
    assert escalated.status == Status.CLOSED and escalated.resolution == "referred"
    assert escalated.escalation.resolved_at is not None
    survey_mail = mail.outbox[0]
    link = next(line for line in survey_mail.body.splitlines() if "/vragen/tevredenheid/" in line)
    path = link.split("http://127.0.0.1:8000")[1]
    anonymous = client_for("anonymous")
    assert anonymous.post(path, {"score": "9"}).status_code == 400
    assert anonymous.post(path, {"score": "4"}).status_code == 200
    escalated.refresh_from_db()
    assert escalated.satisfaction == 4


def test_closing_needs_a_resolution(client_for: Callable[[str], Client], escalated: Question) -> None:
    response = client_for("professional").post(f"/vragen/behandelen/{escalated.pk}/afsluiten/", {})
    assert response.status_code == 400 and "Kies de afloop." in response.content.decode()


def test_the_regional_first_line_cannot_close_an_escalated_question(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    response = client_for("coordinator").post(
        f"/vragen/behandelen/{escalated.pk}/afsluiten/", {"resolution": "answered"}
    )
    assert response.status_code == 403


def test_the_regional_list_shows_coordinators_their_support_point_and_buddies_their_own(
    client_for: Callable[[str], Client], escalated: Question, question: Question
) -> None:
    assert f"#{escalated.pk}" in client_for("coordinator").get("/vragen/steunpunt/").content.decode()
    assert f"#{escalated.pk}" in client_for("buddy").get("/vragen/steunpunt/").content.decode()
    assert f"#{escalated.pk}" not in client_for("coordinator_b").get("/vragen/steunpunt/").content.decode()
    assert f"#{escalated.pk}" not in client_for("buddy_b").get("/vragen/steunpunt/").content.decode()


def test_canned_responses_are_offered_for_the_questions_topic(
    client_for: Callable[[str], Client], escalated: Question
) -> None:
    client = client_for("professional")
    client.post("/vragen/standaardantwoorden/nieuw/", {"tier": "4", "title": "Thuiszitten", "body": "Bel leerplicht."})
    client.post("/vragen/standaardantwoorden/nieuw/", {"tier": "1", "title": "Schoolkeuze", "body": "Kijk het SOP."})
    body = client.get(f"/vragen/behandelen/{escalated.pk}/").content.decode()
    assert "Bel leerplicht." in body and "Kijk het SOP." not in body
