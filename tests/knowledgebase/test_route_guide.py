from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client

from knowledgebase import route
from knowledgebase.seed.loader import LoadResult
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db

GUIDE = "/kennisbank/wat-nu/"
RESULT = "/kennisbank/wat-nu/uitkomst/"


def test_it_starts_with_the_first_question(client: Client) -> None:
    content = client.get(GUIDE).content.decode()
    assert "Vraag 1 van 6" in content
    assert "Naar welke school gaat je kind?" in content


def test_each_answer_leads_to_the_next_question_with_the_previous_ones_hidden(client: Client) -> None:
    content = client.get(GUIDE, {"s": "po", "stap": "s"}).content.decode()
    assert "Gaat je kind nu naar school?" in content
    assert '<input type="hidden" name="s" value="po">' in content


def test_the_how_long_question_is_only_asked_when_the_child_is_at_home(client: Client) -> None:
    assert "Vraag 3 van 5" in client.get(GUIDE, {"s": "po", "w": "school"}).content.decode()
    content = client.get(GUIDE, {"s": "po", "w": "thuis"}).content.decode()
    assert "Hoe lang is je kind al (deels) thuis?" in content


def test_going_on_without_an_answer_shows_an_error(client: Client) -> None:
    response = client.get(GUIDE, {"s": "po", "stap": "w"})
    assert response.status_code == 400
    assert "Kies een antwoord." in response.content.decode()


def test_tampered_answers_are_ignored(client: Client) -> None:
    assert route.parse(QueryDictFrom("s=po&s=vo&w=<script>&g=l&g=0")) == {"s": ["po"], "g": ["0"]}


def QueryDictFrom(query: str) -> object:  # noqa: N802 - reads like a constructor
    from django.http import QueryDict

    return QueryDict(query)


def test_the_last_answer_redirects_to_a_shareable_result(client: Client) -> None:
    response = client.get(GUIDE, {"s": "vo", "w": "school", "o": "ja", "e": "nee", "g": ["l", "i"], "stap": "g"})
    assert response.status_code == 302
    url = urlparse(response["Location"])
    assert url.path == RESULT
    assert parse_qs(url.query) == {"s": ["vo"], "w": ["school"], "o": ["ja"], "e": ["nee"], "g": ["l", "i"]}


def test_an_incomplete_result_goes_back_to_the_guide(client: Client) -> None:
    response = client.get(RESULT, {"s": "po"})
    assert response.status_code == 302
    assert response["Location"].startswith(GUIDE)


def test_the_result_shows_the_route_the_next_step_and_the_terms(client: Client, seeded: LoadResult) -> None:
    query = {"s": "po", "w": "school", "o": "ja", "e": "ja", "g": ["l", "i"]}
    content = client.get(RESULT, query).content.decode()
    assert "Jouw volgende stap:</strong> Praat met de directeur" in content
    assert "Gedaan:" in content
    assert "Zorgplicht: zes weken, soms vier weken langer" in content
    assert "Geschillencommissie (GPO): zes weken" in content
    assert "Bezwaar tegen een TLV-besluit: zes weken" in content
    assert "Dringend" not in content
    assert 'href="/kennisbank/artikel/opp-instemmen/"' in content


def test_a_child_at_home_is_urgent(client: Client, seeded: LoadResult) -> None:
    content = client.get(RESULT, {"s": "po", "w": "thuis", "d": "kort", "o": "nee", "e": "nee", "g": "0"})
    text = content.content.decode()
    assert "Dringend: je kind is (deels) thuis" in text
    assert "Bel eerst:" in text


def test_more_than_four_weeks_at_home_sends_the_parent_to_an_onderwijsconsulent(client: Client) -> None:
    result = route.build({"s": ["po"], "w": ["thuis"], "d": ["lang"], "o": ["nee"], "e": ["nee"], "g": ["l"]})
    assert result.urgent and result.long_at_home
    assert result.first_contact == "consultant"
    assert result.current is not None and result.current.code == "c"


def test_the_regional_contacts_come_from_the_chosen_region(client: Client, support_point: SupportPoint) -> None:
    client.post("/regio/kiezen/", {"q": "3511"})
    content = client.get(RESULT, {"s": "po", "w": "thuis", "d": "kort", "o": "nee", "e": "nee", "g": "0"})
    text = content.content.decode()
    assert "Steunpunt Utrecht (test)" in text
    assert 'href="tel:0300000000"' in text
    assert "Samenwerkingsverband PO 26-01" in text


def test_the_guide_stores_nothing_and_reads_only(client: Client) -> None:
    client.get(RESULT, {"s": "po", "w": "school", "o": "ja", "e": "ja", "g": "l"})
    assert not client.session.keys()
    assert client.post(GUIDE).status_code == 405
    assert client.post(RESULT).status_code == 405
