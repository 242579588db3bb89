from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from knowledgebase.models import RegionalSupplement
from knowledgebase.seed.loader import LoadResult

pytestmark = pytest.mark.django_db

URL = "/kennisbank/redactie/aanvulling/zorgplicht/utrecht/"


def test_a_coordinator_writes_a_supplement_for_their_own_support_point(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    client = client_for("coordinator")
    assert client.get(URL).status_code == 200
    assert client.post(URL, {"body": "Bel ons op maandag."}).status_code == 302
    client.post(URL, {"body": "Bel ons op dinsdag."})
    supplement = RegionalSupplement.objects.get()
    assert (supplement.body, supplement.updated_by) == ("Bel ons op dinsdag.", coordinator)


def test_another_regions_coordinator_gets_not_found(
    client_for: Callable[[str], Client], coordinator_b: User, seeded: LoadResult
) -> None:
    assert client_for("coordinator_b").post(URL, {"body": "x"}).status_code == 404
    assert not RegionalSupplement.objects.exists()


def test_an_empty_supplement_is_refused(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    response = client_for("coordinator").post(URL, {"body": ""})
    assert response.status_code == 400
    assert "Schrijf de aanvulling." in response.content.decode()


def test_unknown_articles_are_not_found(
    client_for: Callable[[str], Client], coordinator: User, seeded: LoadResult
) -> None:
    assert client_for("coordinator").get("/kennisbank/redactie/aanvulling/bestaat-niet/utrecht/").status_code == 404
