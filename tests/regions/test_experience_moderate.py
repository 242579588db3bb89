"""The moderation decision reaches the parent: an e-mail when an experience is placed, or why it is not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client, TestCase

from accounts.models import User
from regions.models import Experience

pytestmark = pytest.mark.django_db


def decide(client: Client, experience: Experience, data: dict[str, str]) -> Any:
    # The e-mail is enqueued when the transaction commits; inside a test it never does, so run it per request.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/ervaringen/{experience.pk}/controleren/", data)


def test_the_parent_hears_that_their_experience_is_on_the_site(
    client_for: Callable[[str], Client], pending_experience: Experience, parent: User
) -> None:
    response = decide(client_for("coordinator"), pending_experience, {"action": "approve", "could_be_better": "Fijn."})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [parent.email]
    assert message.subject == "Je ervaring met De Regenboog staat op de site"
    assert f"/scholen/{pending_experience.school.code}/#ervaringen" in message.body
    assert "iets in je tekst veranderd" in message.body  # the coordinator edited out the child's name
    assert "utrecht@example.org" in message.body
    assert message.body.rstrip().endswith("Groet,\nSteunpunt Utrecht (test)")


def test_an_unedited_approval_does_not_claim_an_edit(
    client_for: Callable[[str], Client], pending_experience: Experience
) -> None:
    decide(
        client_for("coordinator"),
        pending_experience,
        {"action": "approve", "could_be_better": pending_experience.could_be_better},
    )
    assert "iets in je tekst veranderd" not in mail.outbox[0].body


def test_a_rejected_parent_reads_the_reason_and_how_to_change_it(
    client_for: Callable[[str], Client], pending_experience: Experience, parent: User
) -> None:
    data = {"action": "reject", "could_be_better": "x", "reason": "Er staat een naam van een kind in."}
    decide(client_for("coordinator"), pending_experience, data)
    (message,) = mail.outbox
    assert message.to == [parent.email]
    assert "staat nog niet op de site" in message.subject
    assert "Er staat een naam van een kind in." in message.body
    assert f"/ervaringen/{pending_experience.pk}/bewerken/" in message.body


def test_confirming_a_reported_experience_sends_nothing(
    client_for: Callable[[str], Client], published_experience: Experience
) -> None:
    decide(client_for("coordinator"), published_experience, {"action": "approve", "went_well": "Goed geluisterd."})
    assert mail.outbox == []


def test_taking_a_reported_experience_off_the_site_tells_the_parent(
    client_for: Callable[[str], Client], published_experience: Experience
) -> None:
    data = {"action": "reject", "went_well": "Goed geluisterd.", "reason": "Niet over deze school."}
    decide(client_for("coordinator"), published_experience, data)
    assert "Niet over deze school." in mail.outbox[0].body


def test_an_experience_whose_author_left_is_moderated_without_mail(
    client_for: Callable[[str], Client], pending_experience: Experience
) -> None:
    Experience.objects.filter(pk=pending_experience.pk).update(author=None)
    response = decide(client_for("coordinator"), pending_experience, {"action": "approve", "could_be_better": "Ok."})
    assert response.status_code == 302
    assert mail.outbox == []
