"""The matching life cycle in buddies.services: propose, accept, decline, expire, contacts, close, hand-over."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from buddies import services
from buddies.models import (
    BuddyProfile,
    CaseEvent,
    ContactLog,
    HelpRequest,
    Match,
    MatchingSettings,
    MatchStatus,
    Outcome,
    RequestStatus,
)
from regions.models import SupportPoint
from tests.buddies.conftest import make_buddy

pytestmark = pytest.mark.django_db


def test_proposing_tells_the_buddy_and_sets_a_three_day_deadline(proposal: Match, buddy: User) -> None:
    assert proposal.status == MatchStatus.PROPOSED
    assert proposal.request.status == RequestStatus.PROPOSED
    deadline = proposal.respond_by - proposal.proposed_at
    assert abs(deadline - datetime.timedelta(days=3)) < datetime.timedelta(seconds=5)
    assert [m.to for m in mail.outbox] == [[buddy.email]]
    assert "/buddyhulp/buddy/voorstel/" in mail.outbox[0].body


def test_the_deadline_comes_from_the_support_points_settings(
    help_request: HelpRequest, buddy_profile: BuddyProfile, coordinator: User, support_point: SupportPoint
) -> None:
    MatchingSettings.objects.create(support_point=support_point, proposal_days=7)
    match = services.match_propose(request_id=help_request.pk, buddy_id=buddy_profile.pk, proposed_by=coordinator)
    assert abs(match.respond_by - match.proposed_at - datetime.timedelta(days=7)) < datetime.timedelta(seconds=5)


def test_a_request_with_a_live_proposal_cannot_get_a_second_one(
    proposal: Match, support_point: SupportPoint, coordinator: User
) -> None:
    other = make_buddy("ander@example.org", support_point)
    with pytest.raises(services.MatchError):
        services.match_propose(request_id=proposal.request_id, buddy_id=other.pk, proposed_by=coordinator)


def test_a_buddy_failing_a_hard_constraint_cannot_be_proposed(
    help_request: HelpRequest, buddy_profile: BuddyProfile, coordinator: User
) -> None:
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(vog_issued_on=None)
    with pytest.raises(services.MatchError):
        services.match_propose(request_id=help_request.pk, buddy_id=buddy_profile.pk, proposed_by=coordinator)


def test_accepting_counts_the_place_and_tells_coordinator_and_parent(
    active_match: Match, parent: User, coordinator: User
) -> None:
    assert active_match.status == MatchStatus.ACTIVE
    assert active_match.next_check_in_on == timezone.localdate() + datetime.timedelta(days=7)
    assert BuddyProfile.objects.get(pk=active_match.buddy_id).active_matches == 1
    assert HelpRequest.objects.get(pk=active_match.request_id).status == RequestStatus.MATCHED
    recipients = [m.to for m in mail.outbox]
    assert [coordinator.email] in recipients
    assert [parent.email] in recipients


def test_an_expired_proposal_cannot_be_accepted(proposal: Match, buddy: User) -> None:
    Match.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(services.MatchError):
        services.match_accept(match_id=proposal.pk, by=buddy)


def test_a_paused_buddy_cannot_accept(proposal: Match, buddy: User) -> None:
    BuddyProfile.objects.filter(pk=proposal.buddy_id).update(status="paused")
    with pytest.raises(services.MatchError):
        services.match_accept(match_id=proposal.pk, by=buddy)


def test_declining_reopens_the_request_and_tells_the_coordinator(
    proposal: Match, buddy: User, coordinator: User
) -> None:
    mail.outbox.clear()
    services.match_decline(match_id=proposal.pk, by=buddy, reason="no_time", note="Vakantie")
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.DECLINED
    assert proposal.request.status == RequestStatus.OPEN
    assert mail.outbox[0].to == [coordinator.email]
    assert "kan deze ouder niet helpen (ik heb nu geen tijd)" in mail.outbox[0].body


def test_expiry_runs_once_and_reopens_the_request(proposal: Match, coordinator: User) -> None:
    Match.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() - datetime.timedelta(hours=1))
    mail.outbox.clear()
    assert services.proposals_expire() == 1
    assert services.proposals_expire() == 0
    proposal.refresh_from_db()
    assert proposal.status == MatchStatus.EXPIRED
    assert proposal.request.status == RequestStatus.OPEN
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


def test_logging_a_contact_moves_the_next_check_in(active_match: Match, buddy: User) -> None:
    today = timezone.localdate()
    services.contact_add(match=active_match, by=buddy, happened_on=today, channel="phone", note="Gebeld.")
    active_match.refresh_from_db()
    assert active_match.next_check_in_on == today + datetime.timedelta(days=7)
    assert ContactLog.objects.filter(match=active_match).count() == 1


def test_after_the_early_weeks_the_cadence_slows_down(active_match: Match, buddy: User) -> None:
    started = timezone.localdate() - datetime.timedelta(weeks=10)
    Match.objects.filter(pk=active_match.pk).update(started_on=started)
    today = timezone.localdate()
    services.contact_add(match=active_match, by=buddy, happened_on=today, channel="video", note="")
    active_match.refresh_from_db()
    assert active_match.next_check_in_on == today + datetime.timedelta(days=28)


def test_closing_frees_the_place_and_asks_the_parent_for_a_survey(
    active_match: Match, buddy: User, parent: User
) -> None:
    mail.outbox.clear()
    services.match_close(match_id=active_match.pk, by=buddy, outcome=Outcome.GOAL_REACHED)
    active_match.refresh_from_db()
    assert active_match.status == MatchStatus.CLOSED
    assert active_match.buddy.active_matches == 0
    assert active_match.request.status == RequestStatus.CLOSED
    assert active_match.request.closed_at is not None
    assert mail.outbox[0].to == [parent.email]
    assert "/evaluatie/" in mail.outbox[0].body


def test_a_hand_over_reopens_the_request_without_the_old_buddy(
    active_match: Match, coordinator: User, support_point: SupportPoint
) -> None:
    services.match_close(match_id=active_match.pk, by=coordinator, outcome=Outcome.HANDED_OVER)
    request = HelpRequest.objects.get(pk=active_match.request_id)
    assert request.status == RequestStatus.OPEN
    from buddies.matching import candidates

    assert active_match.buddy_id not in set(candidates(request).values_list("pk", flat=True))


def test_every_step_writes_an_audit_event(active_match: Match, buddy: User) -> None:
    services.match_close(match_id=active_match.pk, by=buddy, outcome=Outcome.REFERRED)
    actions = list(
        CaseEvent.objects.filter(request_id=active_match.request_id).values_list("action", "before", "after")
    )
    assert actions == [("proposed", "open", ""), ("accepted", "proposed", "matched"), ("closed", "matched", "closed")]


def test_the_database_refuses_more_active_parents_than_places(buddy_profile: BuddyProfile) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        BuddyProfile.objects.filter(pk=buddy_profile.pk).update(active_matches=3)


def test_the_database_refuses_two_live_matches_for_one_request(proposal: Match, support_point: SupportPoint) -> None:
    other = make_buddy("tweede@example.org", support_point)
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(request=proposal.request, buddy=other, respond_by=timezone.now())
