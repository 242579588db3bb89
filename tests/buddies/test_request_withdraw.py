"""A parent withdraws their own request, after a confirmation page; a buddy who was asked or helping is told."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core import mail
from django.test import Client

from accounts.models import User
from buddies import services
from buddies.models import BuddyProfile, CaseEvent, HelpRequest, Match, MatchStatus, Outcome, RequestStatus

pytestmark = pytest.mark.django_db


def url(request_id: int) -> str:
    return f"/buddyhulp/mijn-aanvragen/{request_id}/intrekken/"


def test_the_request_page_links_to_the_confirmation_page(
    client_for: Callable[[str], Client], help_request: HelpRequest
) -> None:
    client = client_for("parent")
    assert url(help_request.pk) in client.get(f"/buddyhulp/mijn-aanvragen/{help_request.pk}/").content.decode()
    content = client.get(url(help_request.pk)).content.decode()
    assert "Wil je je aanvraag intrekken?" in content
    assert "Je kunt dit niet ongedaan maken." in content
    assert HelpRequest.objects.get(pk=help_request.pk).status == RequestStatus.OPEN  # looking changes nothing


def test_withdrawing_an_open_request_closes_it_and_tells_the_coordinator(
    client_for: Callable[[str], Client], help_request: HelpRequest, coordinator: User
) -> None:
    mail.outbox.clear()
    response = client_for("parent").post(url(help_request.pk))
    assert response["Location"] == f"/buddyhulp/mijn-aanvragen/{help_request.pk}/"
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.closed_at is not None
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "U hoeft geen buddy meer te zoeken." in mail.outbox[0].body
    assert CaseEvent.objects.filter(request=help_request, action="withdrawn", after="closed").exists()


def test_withdrawing_during_a_proposal_withdraws_it_and_tells_the_buddy(
    client_for: Callable[[str], Client], proposal: Match, buddy: User, coordinator: User
) -> None:
    mail.outbox.clear()
    client_for("parent").post(url(proposal.request_id))
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.WITHDRAWN
    assert proposal.request.status == RequestStatus.CLOSED
    assert BuddyProfile.objects.get(pk=proposal.buddy_id).active_matches == 0
    bodies = {tuple(m.to): m.body for m in mail.outbox}
    assert "Je hoeft niet meer op het voorstel te antwoorden." in bodies[(buddy.email,)]
    assert "Het voorstel aan Carla vervalt." in bodies[(coordinator.email,)]
    with pytest.raises(services.MatchError):  # the buddy can no longer say yes
        services.match_accept(match_id=proposal.pk, by=buddy)


def test_withdrawing_an_active_match_closes_it_and_frees_the_place(
    client_for: Callable[[str], Client], active_match: Match, buddy: User, coordinator: User
) -> None:
    mail.outbox.clear()
    client_for("parent").post(url(active_match.request_id))
    active_match.refresh_from_db()
    assert (active_match.status, active_match.outcome) == (MatchStatus.CLOSED, Outcome.PARENT_STOPPED)
    assert BuddyProfile.objects.get(pk=active_match.buddy_id).active_matches == 0
    bodies = {tuple(m.to): m.body for m in mail.outbox}
    assert "je hebt weer een plek vrij" in bodies[(buddy.email,)]
    assert "De koppeling met Carla is afgesloten" in bodies[(coordinator.email,)]


def test_a_closed_request_cannot_be_withdrawn_again(
    client_for: Callable[[str], Client], help_request: HelpRequest, parent: User
) -> None:
    services.help_request_withdraw(request_id=help_request.pk, by=parent)
    client = client_for("parent")
    assert client.get(url(help_request.pk)).status_code == 302
    assert url(help_request.pk) not in client.get(f"/buddyhulp/mijn-aanvragen/{help_request.pk}/").content.decode()
    with pytest.raises(services.MatchError):
        services.help_request_withdraw(request_id=help_request.pk, by=parent)


def test_another_parent_gets_a_404(client_for: Callable[[str], Client], help_request: HelpRequest) -> None:
    assert client_for("parent_b").post(url(help_request.pk)).status_code == 404
    assert HelpRequest.objects.get(pk=help_request.pk).status == RequestStatus.OPEN


def test_anonymous_visitors_log_in_first(client: Client, help_request: HelpRequest) -> None:
    assert client.post(url(help_request.pk))["Location"].startswith("/account/login/")


def test_other_methods_are_refused(client_for: Callable[[str], Client], help_request: HelpRequest) -> None:
    assert client_for("parent").put(url(help_request.pk)).status_code == 405
