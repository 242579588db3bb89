"""Canned responses: professionals keep reusable answers per topic."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from accounts.models import User
from backoffice.models import CannedResponse

NEW = {"tier": "4", "title": "Thuiszitten: eerste stappen", "body": "Neem contact op met de leerplichtambtenaar."}


def test_a_professional_adds_and_edits_a_canned_response(
    client_for: Callable[[str], Client], professional: User
) -> None:
    client = client_for("professional")
    assert client.post("/vragen/standaardantwoorden/nieuw/", NEW)["Location"] == "/vragen/standaardantwoorden/"
    canned = CannedResponse.objects.get()
    assert canned.updated_by == professional and canned.tier == 4

    response = client.post(f"/vragen/standaardantwoorden/{canned.pk}/", NEW | {"title": "Thuiszitten"})
    assert response.status_code == 302
    canned.refresh_from_db()
    assert canned.title == "Thuiszitten"
    assert "Thuiszitten" in client.get("/vragen/standaardantwoorden/").content.decode()


def test_missing_text_and_a_duplicate_title_are_shown_again_in_dutch(client_for: Callable[[str], Client]) -> None:
    client = client_for("professional")
    empty = client.post("/vragen/standaardantwoorden/nieuw/", {"tier": "4", "title": "", "body": ""})
    assert empty.status_code == 400
    assert "Geef een titel." in empty.content.decode() and "Schrijf de tekst." in empty.content.decode()

    client.post("/vragen/standaardantwoorden/nieuw/", NEW)
    duplicate = client.post("/vragen/standaardantwoorden/nieuw/", NEW)
    assert duplicate.status_code == 400 and CannedResponse.objects.count() == 1
    assert "bestaat al" in duplicate.content.decode()


def test_only_professionals_keep_canned_responses(client_for: Callable[[str], Client]) -> None:
    assert client_for("coordinator").get("/vragen/standaardantwoorden/").status_code == 403
    assert client_for("anonymous").get("/vragen/standaardantwoorden/").status_code == 302
    assert client_for("professional").get("/vragen/standaardantwoorden/999999/").status_code == 404
    assert client_for("professional").post("/vragen/standaardantwoorden/").status_code == 405
