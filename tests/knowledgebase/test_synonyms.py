from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import SearchWord, SynonymGroup

pytestmark = pytest.mark.django_db


def test_a_professional_adds_changes_and_deletes_a_group(
    client_for: Callable[[str], Client], professional: User
) -> None:
    client = client_for("professional")
    assert (
        client.post("/kennisbank/redactie/synoniemen/", {"terms": "OPP, Ontwikkelingsperspectief"}).status_code == 302
    )
    group = SynonymGroup.objects.get()
    assert group.terms == ["opp", "ontwikkelingsperspectief"]
    assert SearchWord.objects.filter(word="ontwikkelingsperspectief").exists()
    client.post(f"/kennisbank/redactie/synoniemen/{group.pk}/", {"terms": "opp, groeidocument"})
    group.refresh_from_db()
    assert group.terms == ["opp", "groeidocument"]
    assert "verwijderen?" in client.get(f"/kennisbank/redactie/synoniemen/{group.pk}/verwijderen/").content.decode()
    client.post(f"/kennisbank/redactie/synoniemen/{group.pk}/verwijderen/")
    assert not SynonymGroup.objects.exists()


def test_a_group_needs_two_words(client_for: Callable[[str], Client], professional: User) -> None:
    response = client_for("professional").post("/kennisbank/redactie/synoniemen/", {"terms": "opp"})
    assert response.status_code == 400
    assert "Vul minstens twee woorden in." in response.content.decode()
