"""The parent's request form: region first, consent recorded with time and text version, no child names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from buddies.models import CONSENT_VERSION, CaseEvent, HelpRequest
from regions.models import SupportPoint
from tests.buddies.conftest import choose_region

pytestmark = pytest.mark.django_db

VALID: dict[str, Any] = {
    "needs": ["autism", "executive"],
    "sector": "PO",
    "school_type": "SBO",
    "help_kinds": ["listen", "accompany"],
    "procedures": ["tlv"],
    "language": "nl",
    "channel": "video",
    "is_urgent": "on",
    "consent": "on",
}


@pytest.fixture
def parent_client(client_for: Callable[[str], Client]) -> Client:
    client = client_for("parent")
    choose_region(client)
    return client


def test_the_form_says_no_child_names_and_shows_the_consent_text(parent_client: Client) -> None:
    content = parent_client.get("/buddyhulp/aanvragen/").content.decode()
    assert "Noem geen namen van je kind" in content
    assert "Wat we delen en met wie" in content
    assert f"Versie van deze tekst: {CONSENT_VERSION}" in content


def test_a_parent_sends_a_request_with_recorded_consent(
    parent_client: Client, parent: User, support_point: SupportPoint, coordinator: User
) -> None:
    response = parent_client.post("/buddyhulp/aanvragen/", VALID)
    request = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/buddyhulp/mijn-aanvragen/{request.pk}/"
    assert (request.parent, request.support_point, request.area_id) == (parent, support_point, "3511")
    assert request.needs == ["autism", "executive"]
    assert request.is_urgent
    assert request.consent_version == CONSENT_VERSION
    assert request.consent_given_at is not None
    assert CaseEvent.objects.filter(request=request, action="created").exists()
    assert mail.outbox[0].to == [coordinator.email]
    assert "urgent" in mail.outbox[0].body


def test_without_consent_nothing_is_stored(parent_client: Client) -> None:
    response = parent_client.post("/buddyhulp/aanvragen/", VALID | {"consent": ""})
    assert response.status_code == 400
    assert "Zonder je toestemming kunnen we geen buddy zoeken." in response.content.decode()
    assert not HelpRequest.objects.exists()


def test_errors_are_listed_and_linked_to_their_fields(parent_client: Client) -> None:
    response = parent_client.post("/buddyhulp/aanvragen/", {"channel": "phone"})
    content = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_needs_0"' in content
    assert "Vul je telefoonnummer in als je gebeld wilt worden." in content
    assert 'aria-describedby="id_needs_helptext id_needs_error"' in content


def test_a_parent_without_a_region_chooses_one_first(client_for: Callable[[str], Client]) -> None:
    response = client_for("parent").get("/buddyhulp/aanvragen/")
    assert response.status_code == 302
    assert response["Location"] == "/regio/kiezen/?next=%2Fbuddyhulp%2Faanvragen%2F"


def test_a_region_without_a_support_point_says_so(client_for: Callable[[str], Client], postcode_areas: list) -> None:
    from regions.models import Partnership, PostcodeArea

    lonely = Partnership.objects.create(code="PO9999", sector="PO")
    PostcodeArea.objects.create(pc4="9999", place="Nergens", po_partnership=lonely)
    client = client_for("parent")
    choose_region(client, "9999")
    response = client.get("/buddyhulp/aanvragen/")
    assert response.status_code == 200
    assert "Geen steunpunt in je regio" in response.content.decode()


def test_anonymous_visitors_log_in_first(client: Client, support_point: SupportPoint) -> None:
    response = client.get("/buddyhulp/aanvragen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_the_form_refuses_other_methods(parent_client: Client) -> None:
    assert parent_client.put("/buddyhulp/aanvragen/").status_code == 405
