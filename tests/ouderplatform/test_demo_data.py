from __future__ import annotations

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.management import CommandError, call_command

from accounts.models import Membership, User
from backoffice.choices import MessageKind, Status
from backoffice.models import Escalation, Event, Message, Question
from buddies.demo import DEMO_BUDDIES
from buddies.matching import suggestions
from buddies.models import BuddyProfile, CaseEvent, ContactLog, HelpRequest, Match, MatchStatus, RequestStatus
from ouderplatform.demo import DEMO_USERS
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


def load(settings: object) -> str:
    settings.DEBUG = True  # type: ignore[attr-defined]
    out = StringIO()
    call_command("load_demo_data", "--print-logins", stdout=out, verbosity=0)
    return out.getvalue()


def test_it_loads_three_demo_support_points_and_a_user_for_every_role(settings: object) -> None:
    output = load(settings)
    points = SupportPoint.objects.filter(is_demo=True)
    assert points.count() == 3
    assert all(p.partnerships.count() == 2 for p in points)
    extra_buddies = [b for b in DEMO_BUDDIES if b.first_name]
    assert User.objects.count() == len(DEMO_USERS) + len(extra_buddies)
    assert all(buddy.email in output for buddy in extra_buddies)
    roles = {m.role for m in Membership.objects.all()}
    assert roles == {"buddy", "coordinator"}
    assert User.objects.filter(is_professional=True).exists()
    assert User.objects.filter(is_superuser=True).exists()
    for demo in DEMO_USERS:
        assert demo.email in output
        assert demo.email.endswith("@example.org")
    staff = [u for u in User.objects.all() if u.has_staff_role]
    assert all(Authenticator.objects.filter(user=u, type="totp").exists() for u in staff)


def test_loading_twice_changes_nothing(settings: object) -> None:
    load(settings)
    before = (User.objects.count(), Membership.objects.count(), SupportPoint.objects.count())
    output = load(settings)
    assert (User.objects.count(), Membership.objects.count(), SupportPoint.objects.count()) == before
    assert "Nothing changed" in output


def test_it_refuses_to_run_in_production(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_data", stdout=StringIO())
    assert not User.objects.exists()


def case_counts() -> dict[str, int]:
    models = [BuddyProfile, HelpRequest, Match, ContactLog, CaseEvent, Question, Escalation, Message, Event]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_twice_adds_no_demo_cases(settings: object) -> None:
    load(settings)
    before = case_counts()
    assert before["Question"] == 8
    load(settings)
    assert case_counts() == before


def test_it_sends_no_mail_for_the_demo_cases(settings: object) -> None:
    load(settings)
    assert mail.outbox == []


def test_every_demo_buddy_is_screened(settings: object) -> None:
    load(settings)
    profiles = BuddyProfile.objects.filter(user__email__in=[b.email for b in DEMO_BUDDIES])
    assert profiles.count() == len(DEMO_BUDDIES)
    assert profiles.screened_on(profiles.first().vog_issued_on).count() == len(DEMO_BUDDIES)


def test_the_coordinator_of_amsterdam_diemen_sees_the_open_help_request(settings: object) -> None:
    load(settings)
    coordinator = User.objects.get(email="coordinator@example.org")
    request = HelpRequest.objects.coordinated_by(coordinator).get(status=RequestStatus.OPEN)
    assert request.parent.email == "ouder2@example.org"
    assert request.support_point.slug == "amsterdam-diemen"
    suggested = {s.buddy.user.email for s in suggestions(request)}
    assert {"buddy@example.org", "buddy3@example.org"} <= suggested
    other = User.objects.get(email="coordinator2@example.org")
    assert not HelpRequest.objects.coordinated_by(other).exists()


def test_the_demo_parent_has_an_active_match_with_contacts(settings: object) -> None:
    load(settings)
    match = Match.objects.get(request__parent__email="ouder@example.org")
    assert match.status == MatchStatus.ACTIVE
    assert match.buddy.user.email == "buddy@example.org"
    assert match.buddy.active_matches == 1
    assert match.contacts.count() == 2
    assert match.next_check_in_on is not None
    assert not match.is_overdue(match.contacts.first().happened_on)


def test_the_professionals_queue_has_escalations(settings: object) -> None:
    load(settings)
    professional = User.objects.get(email="professional@example.org")
    queue = Escalation.objects.open().for_queue()
    assert queue.count() == 3
    first = queue.first()
    assert first.assignee is None
    assert first.question.child_at_home
    assert first.urgency == "urgent"
    claimed = queue.get(assignee=professional)
    kinds = set(claimed.question.messages.values_list("kind", flat=True))
    assert kinds == {MessageKind.NOTE, MessageKind.REPLY}
    assert Question.objects.handled_by(professional).count() == 3


def test_the_demo_questions_cover_every_state(settings: object) -> None:
    load(settings)
    statuses = set(Question.objects.values_list("status", flat=True))
    assert statuses == {Status.RECEIVED, Status.REGIONAL, Status.BACKOFFICE, Status.ANSWERED, Status.CLOSED}
    closed = Question.objects.get(status=Status.CLOSED)
    assert closed.satisfaction == 4
