"""The daily jobs (commands and tasks): proposal expiry, overdue check-ins, screening warnings, anonymisation."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from buddies import services, tasks
from buddies.models import BuddyProfile, CaseEvent, ContactLog, ExitSurvey, HelpRequest, Match, MatchStatus, Outcome
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


def run(command: str) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_the_expiry_command_expires_late_proposals_once(proposal: Match) -> None:
    Match.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() - datetime.timedelta(hours=1))
    assert "1 proposal(s) expired." in run("expire_buddy_proposals")
    assert "Nothing to do" in run("expire_buddy_proposals")
    assert Match.objects.get(pk=proposal.pk).status == MatchStatus.EXPIRED


def test_the_expiry_task_does_the_same(proposal: Match) -> None:
    Match.objects.filter(pk=proposal.pk).update(respond_by=timezone.now() - datetime.timedelta(hours=1))
    result = tasks.expire_proposals_task.enqueue()
    assert result.return_value == 1


def test_overdue_check_ins_remind_the_buddy_once_a_day(active_match: Match, buddy: User) -> None:
    Match.objects.filter(pk=active_match.pk).update(next_check_in_on=timezone.localdate() - datetime.timedelta(days=1))
    mail.outbox.clear()
    assert "1 buddy/buddies reminded." in run("remind_overdue_checkins")
    assert "Nothing to do" in run("remind_overdue_checkins")
    assert [m.to for m in mail.outbox] == [[buddy.email]]
    assert "Bij 1 ouder is het tijd voor contact." in mail.outbox[0].body


def test_check_ins_that_are_not_due_send_nothing(active_match: Match) -> None:
    mail.outbox.clear()
    assert tasks.checkin_reminders_task.enqueue().return_value == 0
    assert mail.outbox == []


@pytest.mark.parametrize(("days_left", "level"), [(60, 60), (45, 60), (30, 30), (7, 7), (1, 7)])
def test_screening_warnings_go_out_at_60_30_and_7_days(
    buddy_profile: BuddyProfile, coordinator: User, days_left: int, level: int
) -> None:
    today = timezone.localdate()
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(
        vog_issued_on=today - datetime.timedelta(days=364 - days_left)
    )
    mail.outbox.clear()
    assert services.screening_warnings_send(today=today) == 1
    assert services.screening_warnings_send(today=today) == 0
    assert sorted(mail.outbox[0].to) == sorted([buddy_profile.user.email, coordinator.email])
    assert f"nog {days_left} dag" in mail.outbox[0].body


def test_no_warning_long_before_or_after_expiry(buddy_profile: BuddyProfile, coordinator: User) -> None:
    today = timezone.localdate()
    assert "Nothing to do" in run("warn_screening_expiry")  # screened a month ago
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(vog_issued_on=today - datetime.timedelta(days=400))
    assert services.screening_warnings_send(today=today) == 0


def test_a_new_vog_starts_the_warnings_again(buddy_profile: BuddyProfile, coordinator: User) -> None:
    today = timezone.localdate()
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(vog_issued_on=today - datetime.timedelta(days=334))
    assert services.screening_warnings_send(today=today) == 1
    next_year = today + datetime.timedelta(days=365)
    BuddyProfile.objects.filter(pk=buddy_profile.pk).update(vog_issued_on=next_year - datetime.timedelta(days=334))
    assert services.screening_warnings_send(today=next_year) == 1


def closed_long_ago(match: Match, by: User, days: int) -> None:
    services.contact_add(match=match, by=by, happened_on=timezone.localdate(), channel="phone", note="Gesprek")
    services.match_close(match_id=match.pk, by=by, outcome=Outcome.GOAL_REACHED)
    ExitSurvey.objects.create(match=match, respondent="parent", helpful="yes", would_recommend="yes", improve="Fijn")
    HelpRequest.objects.filter(pk=match.request_id).update(closed_at=timezone.now() - datetime.timedelta(days=days))


def test_closed_cases_are_anonymised_after_the_retention_period(
    active_match: Match, buddy: User, parent: User, settings: object
) -> None:
    settings.RETENTION_DAYS = 365  # type: ignore[attr-defined]
    services.record_event(request=active_match.request, actor=parent, action="created")
    closed_long_ago(active_match, buddy, days=366)
    assert "1 request(s) anonymised." in run("anonymise_buddy_cases")
    assert "Nothing to do" in run("anonymise_buddy_cases")
    request = HelpRequest.objects.get(pk=active_match.request_id)
    assert (request.parent, request.phone, request.area) == (None, "", None)
    assert request.anonymised_at is not None
    assert request.needs  # the tags stay for the statistics
    assert ContactLog.objects.get(match=active_match).note == ""
    assert ExitSurvey.objects.get(match=active_match).improve == ""
    events = CaseEvent.objects.filter(request_id=active_match.request_id)
    assert events.filter(action="created", actor=None).exists()  # the parent is no longer named in the trail
    assert events.filter(action="accepted", actor=buddy).exists()  # the buddy's steps still are


def test_recent_and_open_cases_are_kept(
    active_match: Match, buddy: User, support_point: SupportPoint, settings: object
) -> None:
    settings.RETENTION_DAYS = 365  # type: ignore[attr-defined]
    closed_long_ago(active_match, buddy, days=30)
    assert tasks.anonymise_cases_task.enqueue().return_value == 0
    assert HelpRequest.objects.get(pk=active_match.request_id).parent is not None
