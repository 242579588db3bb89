"""Capacity is never exceeded, even when a buddy accepts two proposals at once (real parallel connections)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection

from accounts.models import Membership, Role
from buddies import services
from buddies.models import BuddyProfile, HelpRequest, Match, MatchStatus, RequestStatus
from tests.buddies.conftest import make_buddy, make_request
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*actions: Callable[[], object]) -> list[object]:
    """Run `actions` in threads, each on its own database connection, released at the same moment."""
    barrier = threading.Barrier(len(actions))
    results: list[object] = [None] * len(actions)

    def worker(index: int, action: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - the outcome of each attempt is what the test inspects
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_accepts_at_the_same_moment_fill_only_the_last_place(support_point: object, parent: object) -> None:
    buddy = make_buddy("een-plek@example.org", support_point, capacity=2)  # type: ignore[arg-type]
    busy = make_request(parent, support_point)  # type: ignore[arg-type]
    first_coordinator = make_user("c1@example.org", mfa=True)
    second_coordinator = make_user("c2@example.org", mfa=True)
    for user in (first_coordinator, second_coordinator):
        Membership.objects.create(user=user, support_point=support_point, role=Role.COORDINATOR)
    taken = services.match_propose(request_id=busy.pk, buddy_id=buddy.pk, proposed_by=first_coordinator)
    services.match_accept(match_id=taken.pk, by=buddy.user)  # one of two places used: one left

    requests = [make_request(parent, support_point) for _ in range(2)]  # type: ignore[arg-type]
    proposals = run_together(
        lambda: services.match_propose(request_id=requests[0].pk, buddy_id=buddy.pk, proposed_by=first_coordinator),
        lambda: services.match_propose(request_id=requests[1].pk, buddy_id=buddy.pk, proposed_by=second_coordinator),
    )
    assert all(isinstance(p, Match) for p in proposals), proposals

    answers = run_together(
        *[lambda m=match: services.match_accept(match_id=m.pk, by=buddy.user) for match in proposals]  # type: ignore[attr-defined]
    )

    accepted = [a for a in answers if isinstance(a, Match)]
    refused = [a for a in answers if isinstance(a, services.MatchError)]
    assert (len(accepted), len(refused)) == (1, 1), answers
    assert "geen plek meer" in str(refused[0])
    buddy = BuddyProfile.objects.get(pk=buddy.pk)
    assert buddy.active_matches == buddy.capacity == 2
    assert Match.objects.filter(buddy=buddy, status=MatchStatus.ACTIVE).count() == 2
    statuses = sorted(HelpRequest.objects.filter(pk__in=[r.pk for r in requests]).values_list("status", flat=True))
    assert statuses == [RequestStatus.MATCHED, RequestStatus.PROPOSED]


def test_two_coordinators_proposing_one_request_at_once_create_one_proposal(
    support_point: object, parent: object, coordinator: object, coordinator_b: object
) -> None:
    first = make_buddy("eerste@example.org", support_point)  # type: ignore[arg-type]
    second = make_buddy("tweede@example.org", support_point)  # type: ignore[arg-type]
    request = make_request(parent, support_point)  # type: ignore[arg-type]
    results = run_together(
        lambda: services.match_propose(request_id=request.pk, buddy_id=first.pk, proposed_by=coordinator),  # type: ignore[arg-type]
        lambda: services.match_propose(request_id=request.pk, buddy_id=second.pk, proposed_by=coordinator),  # type: ignore[arg-type]
    )
    assert sum(isinstance(r, Match) for r in results) == 1, results
    assert sum(isinstance(r, services.MatchError) for r in results) == 1
    assert Match.objects.filter(request=request).count() == 1
