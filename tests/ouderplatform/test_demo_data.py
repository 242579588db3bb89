from __future__ import annotations

from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command

from accounts.models import Membership, User
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
    assert User.objects.count() == len(DEMO_USERS)
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
