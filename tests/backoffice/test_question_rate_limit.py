"""Asking is rate limited: a guest question makes the portal e-mail an address nobody verified."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from backoffice.models import Question
from tests.backoffice.test_question_ask import VALID, with_region


@pytest.fixture
def guest(client_for: Callable[[str], Client]) -> Client:
    return with_region(client_for("anonymous"))


def test_a_fourth_question_to_the_same_address_within_the_hour_is_refused_with_a_clear_message(guest: Client) -> None:
    for _ in range(3):
        assert guest.post("/vragen/stellen/", VALID | {"guest_email": "doel@example.org"}).status_code == 302
    mail.outbox.clear()

    response = guest.post("/vragen/stellen/", VALID | {"guest_email": "DOEL@example.org"})

    assert response.status_code == 429 and response["Retry-After"] == "3600"
    body = response.content.decode()
    assert "Je hebt veel vragen achter elkaar gesteld" in body and "Probeer het over een uur opnieuw" in body
    assert "utrecht@example.org" in body  # the support point, for what cannot wait
    assert Question.objects.count() == 3 and mail.outbox == []


def test_another_address_from_the_same_network_can_still_ask(guest: Client) -> None:
    for _ in range(3):
        guest.post("/vragen/stellen/", VALID | {"guest_email": "doel@example.org"})
    assert guest.post("/vragen/stellen/", VALID | {"guest_email": "ander@example.org"}).status_code == 302


def test_one_network_address_can_send_ten_questions_an_hour_whatever_the_addresses(guest: Client) -> None:
    for number in range(10):
        assert guest.post("/vragen/stellen/", VALID | {"guest_email": f"g{number}@example.org"}).status_code == 302
    assert guest.post("/vragen/stellen/", VALID | {"guest_email": "nieuw@example.org"}).status_code == 429
    # Another network address is not affected.
    other = guest.post("/vragen/stellen/", VALID | {"guest_email": "nieuw@example.org"}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_a_form_with_mistakes_does_not_count(guest: Client) -> None:
    for _ in range(5):
        assert guest.post("/vragen/stellen/", {"guest_email": "doel@example.org"}).status_code == 400
    assert guest.post("/vragen/stellen/", VALID | {"guest_email": "doel@example.org"}).status_code == 302


def test_signed_in_parents_are_limited_on_their_own_address(client_for: Callable[[str], Client]) -> None:
    parent = with_region(client_for("parent"))
    for _ in range(3):
        assert parent.post("/vragen/stellen/", VALID).status_code == 302
    assert parent.post("/vragen/stellen/", VALID).status_code == 429


def test_the_limit_lives_in_the_shared_database_cache() -> None:
    from django.conf import settings

    # Every app server reads the same counters: the default cache is the PostgreSQL table, not process memory.
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
