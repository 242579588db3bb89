"""Changing a support point's check-in cadence moves the next check-in of its active matches at once."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from buddies import services
from buddies.models import Match, MatchingSettings
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db

SETTINGS = {
    "weight_needs": "5",
    "weight_school_type": "2",
    "weight_procedures": "3",
    "weight_language": "3",
    "weight_channel": "2",
    "weight_load": "2",
    "weight_distance": "1",
    "proposal_days": "3",
    "early_weeks": "8",
    "early_interval_days": "7",
    "later_interval_days": "28",
}


def post(client: Client, **changes: str) -> object:
    return client.post("/buddyhulp/steunpunt/utrecht/instellingen/", SETTINGS | changes, follow=True)


def test_a_new_early_interval_moves_the_next_check_in_from_the_start(
    client_for: Callable[[str], Client], active_match: Match
) -> None:
    today = timezone.localdate()
    assert active_match.next_check_in_on == today + datetime.timedelta(days=7)
    response = post(client_for("coordinator"), early_interval_days="14")
    assert "Het volgende contact van 1 koppeling is aangepast aan het nieuwe ritme." in response.content.decode()
    assert Match.objects.get(pk=active_match.pk).next_check_in_on == today + datetime.timedelta(days=14)


def test_the_next_check_in_counts_from_the_last_contact(active_match: Match, buddy: User) -> None:
    today = timezone.localdate()
    Match.objects.filter(pk=active_match.pk).update(started_on=today - datetime.timedelta(weeks=20))
    services.contact_add(
        match=active_match, by=buddy, happened_on=today - datetime.timedelta(days=3), channel="phone", note=""
    )
    settings = MatchingSettings.for_support_point(active_match.request.support_point_id)
    settings.later_interval_days = 10
    assert services.matching_settings_save(matching_settings=settings, changed_fields=["later_interval_days"]) == 1
    assert Match.objects.get(pk=active_match.pk).next_check_in_on == today + datetime.timedelta(days=7)


def test_changing_only_the_weights_leaves_the_check_ins_alone(
    client_for: Callable[[str], Client], active_match: Match
) -> None:
    Match.objects.filter(pk=active_match.pk).update(next_check_in_on=datetime.date(2030, 1, 1))
    post(client_for("coordinator"), weight_needs="9")
    assert Match.objects.get(pk=active_match.pk).next_check_in_on == datetime.date(2030, 1, 1)


def test_another_support_points_matches_keep_their_dates(
    active_match: Match, other_support_point: SupportPoint
) -> None:
    settings = MatchingSettings.for_support_point(other_support_point.pk)
    settings.early_interval_days = 1
    assert services.matching_settings_save(matching_settings=settings, changed_fields=["early_interval_days"]) == 0
    assert Match.objects.get(pk=active_match.pk).next_check_in_on == active_match.next_check_in_on
