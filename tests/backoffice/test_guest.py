from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from django.core import signing
from django.test import Client

from accounts.models import User
from backoffice.choices import Status
from backoffice.models import Question
from backoffice.services import questions_anonymise, staff_reply
from backoffice.tasks import GUEST_LINK_MAX_AGE, GUEST_SALT, guest_token


def test_the_guest_sees_the_question_and_the_staff_replies(
    client_for: Callable[[str], Client], guest_question: Question, coordinator: User
) -> None:
    staff_reply(question=guest_question, author=coordinator, role="coordinator", body="Bel ons gerust.", internal=False)
    staff_reply(question=guest_question, author=coordinator, role="coordinator", body="Geheime notitie", internal=True)
    response = client_for("anonymous").get(f"/vragen/volgen/{guest_token(guest_question.pk)}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Bel ons gerust." in body and "Coördinator Esra" in body
    assert "Geheime notitie" not in body


def test_a_guest_reply_reopens_the_question(client_for: Callable[[str], Client], guest_question: Question) -> None:
    token = guest_token(guest_question.pk)
    Question.objects.filter(pk=guest_question.pk).update(status=Status.ANSWERED)
    response = client_for("anonymous").post(f"/vragen/volgen/{token}/", {"body": "Het is nog niet opgelost."})
    assert response.status_code == 302
    guest_question.refresh_from_db()
    assert guest_question.status == Status.RECEIVED
    assert guest_question.messages.get().author_role == "parent"


def test_an_empty_guest_reply_is_refused_with_a_message(
    client_for: Callable[[str], Client], guest_question: Question
) -> None:
    response = client_for("anonymous").post(f"/vragen/volgen/{guest_token(guest_question.pk)}/", {"body": " "})
    assert response.status_code == 400 and "Schrijf een reactie." in response.content.decode()


def test_a_tampered_link_shows_a_clear_message_and_nothing_else(
    client_for: Callable[[str], Client], guest_question: Question
) -> None:
    token = guest_token(guest_question.pk)
    response = client_for("anonymous").get(f"/vragen/volgen/{token[:-2]}xx/")
    body = response.content.decode()
    assert response.status_code == 400
    assert "niet compleet of klopt niet" in body and guest_question.subject not in body


def test_a_link_for_another_purpose_does_not_open_the_question(
    client_for: Callable[[str], Client], guest_question: Question
) -> None:
    token = signing.dumps({"q": guest_question.pk}, salt="something-else", compress=True)
    assert client_for("anonymous").get(f"/vragen/volgen/{token}/").status_code == 400


def test_an_expired_link_says_so(
    client_for: Callable[[str], Client], guest_question: Question, monkeypatch: pytest.MonkeyPatch
) -> None:
    long_ago = time.time() - GUEST_LINK_MAX_AGE - 60
    monkeypatch.setattr(signing.time, "time", lambda: long_ago)
    token = signing.dumps({"q": guest_question.pk}, salt=GUEST_SALT, compress=True)
    monkeypatch.undo()
    response = client_for("anonymous").get(f"/vragen/volgen/{token}/")
    body = response.content.decode()
    assert response.status_code == 410
    assert "verlopen" in body and guest_question.subject not in body


def test_the_link_of_an_anonymised_question_no_longer_works(
    client_for: Callable[[str], Client], guest_question: Question, settings: object
) -> None:
    from backoffice.services import question_close

    closer = User.objects.create_user(email="c@example.org", is_superuser=True)
    question_close(question=guest_question, by=closer, resolution="answered")
    settings.RETENTION_DAYS = 0  # type: ignore[attr-defined]
    questions_anonymise()
    response = client_for("anonymous").get(f"/vragen/volgen/{guest_token(guest_question.pk)}/")
    assert response.status_code == 400 and "niet meer beschikbaar" in response.content.decode()


def test_a_follow_link_of_a_signed_in_parents_question_works_without_signing_in(
    client_for: Callable[[str], Client], question: Question
) -> None:
    response = client_for("anonymous").post(
        f"/vragen/volgen/{guest_token(question.pk)}/", {"body": "Vanaf mijn telefoon"}
    )
    assert response.status_code == 302
    message = question.messages.get()
    assert message.author is None and message.author_role == "parent"
