"""Suggestions: hard constraints, the explained score, the weights per support point, and the query budget."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from buddies.matching import candidates, score, suggestions
from buddies.models import BuddyStatus, HelpRequest, Match, MatchingSettings, MatchStatus
from regions.models import SupportPoint
from tests.buddies.conftest import make_buddy

pytestmark = pytest.mark.django_db


def ids(request: HelpRequest) -> set[int]:
    return set(candidates(request).values_list("pk", flat=True))


def test_only_buddies_of_the_same_support_point_are_candidates(
    help_request: HelpRequest, support_point: SupportPoint, other_support_point: SupportPoint
) -> None:
    here = make_buddy("hier@example.org", support_point)
    make_buddy("daar@example.org", other_support_point)
    assert ids(help_request) == {here.pk}


@pytest.mark.parametrize("status", [BuddyStatus.PAUSED, BuddyStatus.STOPPED])
def test_paused_and_stopped_buddies_are_not_candidates(
    help_request: HelpRequest, support_point: SupportPoint, status: str
) -> None:
    make_buddy("pauze@example.org", support_point, status=status)
    assert ids(help_request) == set()


def test_an_expired_screening_blocks_new_matches(help_request: HelpRequest, support_point: SupportPoint) -> None:
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    make_buddy("verlopen@example.org", support_point, vog_issued_on=year_ago)
    make_buddy("zonder-training@example.org", support_point, training_completed_on=None)
    assert ids(help_request) == set()


def test_a_buddy_without_room_is_not_a_candidate(help_request: HelpRequest, support_point: SupportPoint) -> None:
    make_buddy("vol@example.org", support_point, capacity=1, active_matches=1)
    assert ids(help_request) == set()


def test_a_buddy_who_declined_this_request_is_not_asked_again(
    help_request: HelpRequest, support_point: SupportPoint, coordinator: object
) -> None:
    declined = make_buddy("nee@example.org", support_point)
    Match.objects.create(request=help_request, buddy=declined, status=MatchStatus.DECLINED, respond_by=timezone.now())
    assert ids(help_request) == set()


def test_the_score_explains_every_factor(help_request: HelpRequest, support_point: SupportPoint) -> None:
    buddy = make_buddy("uitleg@example.org", support_point, needs=["autism"], languages=["nl"], channels=["video"])
    result = score(help_request, buddy, MatchingSettings.for_support_point(support_point.pk))
    reasons = {factor.key: factor.reason for factor in result.factors}
    assert reasons["needs"] == "Ervaring met: Autisme."
    assert reasons["channel"] == "Heeft liever een andere manier van contact."
    assert reasons["load"] == "Nog 2 plekken van de 2."
    assert reasons["procedures"] == "De ouder gaf hier niets op."
    assert 0 < result.score < 100


def test_a_factor_the_parent_left_empty_does_not_count(help_request: HelpRequest, support_point: SupportPoint) -> None:
    buddy = make_buddy("perfect@example.org", support_point, needs=["autism", "behaviour"], channels=["phone"])
    result = score(help_request, buddy, MatchingSettings.for_support_point(support_point.pk))
    assert result.score == 100  # procedures and distance (no home postcode) are left out, everything else fits


def test_suggestions_are_ranked_best_first(help_request: HelpRequest, support_point: SupportPoint) -> None:
    weak = make_buddy("zwak@example.org", support_point, needs=["reading"], channels=["video"])
    strong = make_buddy("sterk@example.org", support_point, needs=["autism", "behaviour"], channels=["phone"])
    assert [s.buddy.pk for s in suggestions(help_request)] == [strong.pk, weak.pk]


def test_the_coordinators_weights_change_the_ranking(help_request: HelpRequest, support_point: SupportPoint) -> None:
    speaks = make_buddy("taal@example.org", support_point, needs=["reading"], languages=["nl"], channels=["video"])
    knows = make_buddy("kennis@example.org", support_point, needs=["autism", "behaviour"], languages=["en"])
    assert suggestions(help_request)[0].buddy.pk == knows.pk
    MatchingSettings.objects.create(
        support_point=support_point, weight_needs=0, weight_language=10, weight_channel=0, weight_school_type=0
    )
    assert suggestions(help_request)[0].buddy.pk == speaks.pk


def test_distance_counts_when_both_postcodes_have_coordinates(
    help_request: HelpRequest, support_point: SupportPoint
) -> None:
    area = help_request.area
    assert area is not None
    area.latitude, area.longitude = 52.09, 5.12
    area.save()
    buddy = make_buddy("dichtbij@example.org", support_point, home_area=area)
    result = score(help_request, buddy, MatchingSettings.for_support_point(support_point.pk))
    distance = next(f for f in result.factors if f.key == "distance")
    assert distance.fraction == 1.0
    assert distance.reason == "Ongeveer 0 km van de ouder."


def test_suggestions_for_500_buddies_take_a_constant_number_of_queries(
    help_request: HelpRequest, support_point: SupportPoint, django_assert_max_num_queries: object
) -> None:
    for i in range(5):
        make_buddy(f"b{i}@example.org", support_point)
    with django_assert_max_num_queries(2):  # settings, candidates with user and home area
        assert len(suggestions(help_request)) == 5
    for i in range(5, 500):
        make_buddy(f"b{i}@example.org", support_point, needs=["autism", "reading"][: 1 + i % 2])
    with django_assert_max_num_queries(2):
        assert len(suggestions(help_request)) == 10


@pytest.mark.parametrize("parent_located", [True, False])
def test_the_database_ranks_exactly_as_the_explained_python_score(
    help_request: HelpRequest, support_point: SupportPoint, postcode_areas: list, parent_located: bool
) -> None:
    import random

    from buddies.matching import suggestions_in_python
    from buddies.taxonomy import Channel, Language, Need, Procedure, SchoolType

    rng = random.Random(7)
    for area, (lat, lon) in zip(
        postcode_areas, [(52.09, 5.12), (52.1, 5.1), (51.33, 3.83), (51.3, 3.5), (51.9, 4.5)], strict=True
    ):
        area.latitude, area.longitude = lat, lon
        area.save()
    help_request.procedures = ["tlv"]
    help_request.is_urgent = True
    help_request.area = help_request.area if parent_located else None
    help_request.save()
    for i in range(80):
        capacity = rng.randrange(1, 5)
        make_buddy(
            f"r{i}@example.org",
            support_point,
            needs=rng.sample(Need.values, rng.randrange(1, 5)),
            school_types=rng.sample(SchoolType.values, rng.randrange(0, 3)),
            procedures=rng.sample(Procedure.values, rng.randrange(0, 3)),
            languages=rng.sample(Language.values, rng.randrange(1, 3)),
            channels=rng.sample(Channel.values, rng.randrange(1, 4)),
            home_area=rng.choice([None, *postcode_areas]),
            capacity=capacity,
            active_matches=rng.randrange(0, capacity),
        )
    MatchingSettings.objects.create(support_point=support_point, weight_distance=4, weight_load=3)
    request = HelpRequest.objects.select_related("area").get(pk=help_request.pk)
    in_sql = [(s.buddy.pk, s.score) for s in suggestions(request, limit=25)]
    in_python = [(s.buddy.pk, s.score) for s in suggestions_in_python(request, limit=25)]
    assert in_sql == in_python
