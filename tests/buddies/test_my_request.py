"""What a parent sees of their own request: the status, and once matched the buddy's first name, intro and channel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from accounts.models import User
from buddies import services
from buddies.models import HelpRequest, Match, Outcome

pytestmark = pytest.mark.django_db


def test_the_parent_sees_the_status_while_we_search(
    client_for: Callable[[str], Client], help_request: HelpRequest
) -> None:
    content = client_for("parent").get(f"/buddyhulp/mijn-aanvragen/{help_request.pk}/").content.decode()
    assert "We zoeken een buddy" in content
    assert "Autisme" in content


def test_once_matched_the_parent_sees_first_name_introduction_and_channel(
    client_for: Callable[[str], Client], active_match: Match
) -> None:
    content = client_for("parent").get(f"/buddyhulp/mijn-aanvragen/{active_match.request_id}/").content.decode()
    assert "Je buddy is Carla" in content
    assert "Ik ben moeder van twee kinderen" in content
    assert "Jullie hebben contact via: telefoon." in content
    assert "buddy@example.org" not in content


def test_a_proposal_does_not_reveal_the_buddy(client_for: Callable[[str], Client], proposal: Match) -> None:
    content = client_for("parent").get(f"/buddyhulp/mijn-aanvragen/{proposal.request_id}/").content.decode()
    assert "Carla" not in content
    assert "We hebben een buddy gevraagd" in content


def test_another_parent_gets_a_404(client_for: Callable[[str], Client], help_request: HelpRequest) -> None:
    assert client_for("parent_b").get(f"/buddyhulp/mijn-aanvragen/{help_request.pk}/").status_code == 404


def test_the_list_shows_only_own_requests(
    client_for: Callable[[str], Client], help_request: HelpRequest, django_assert_max_num_queries: object
) -> None:
    client = client_for("parent")
    with django_assert_max_num_queries(5):  # session, user, two role lookups, the requests with their support point
        content = client.get("/buddyhulp/mijn-aanvragen/").content.decode()
    assert f"/buddyhulp/mijn-aanvragen/{help_request.pk}/" in content
    assert (
        "Je hebt nog geen buddy aangevraagd."
        in client_for("parent_b").get("/buddyhulp/mijn-aanvragen/").content.decode()
    )


def test_after_closing_the_parent_answers_the_exit_survey_once(
    client_for: Callable[[str], Client], active_match: Match, buddy: User
) -> None:
    services.match_close(match_id=active_match.pk, by=buddy, outcome=Outcome.GOAL_REACHED)
    client = client_for("parent")
    page = f"/buddyhulp/mijn-aanvragen/{active_match.request_id}/"
    assert "Vertel ons hoe het ging" in client.get(page).content.decode()
    survey = f"{page}evaluatie/"
    assert client.post(survey, {"helpful": "maybe"}).status_code == 400
    response = client.post(survey, {"helpful": "yes", "would_recommend": "partly", "improve": "Sneller reageren"})
    assert response.status_code == 302
    assert active_match.surveys.get().improve == "Sneller reageren"
    assert "Vertel ons hoe het ging" not in client.get(page).content.decode()
    client.post(survey, {"helpful": "no", "would_recommend": "no"})
    assert active_match.surveys.count() == 1


def test_the_survey_waits_until_the_help_is_closed(client_for: Callable[[str], Client], active_match: Match) -> None:
    response = client_for("parent").get(f"/buddyhulp/mijn-aanvragen/{active_match.request_id}/evaluatie/")
    assert response.status_code == 302
