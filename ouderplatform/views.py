from __future__ import annotations

from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.access import role_required
from accounts.models import Role
from ouderplatform.pagecache import cache_public_page


@require_GET
@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


@require_GET
@cache_public_page
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@require_GET
@cache_public_page
def privacy_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise; for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
def baseline(request: HttpRequest) -> HttpResponse:
    """A bare view through the full middleware stack: the yardstick for the load benchmarks in bench/."""
    return HttpResponse("ok\n", content_type="text/plain")


@require_GET
@role_required(Role.BUDDY, Role.COORDINATOR, Role.PROFESSIONAL)
def staff_baseline(request: HttpRequest) -> HttpResponse:
    """The floor under every staff page: session, user, roles and the MFA check, then nothing.

    The load benchmark times it beside the bare baseline, so a staff page's figures can be read against what merely
    being signed in costs.
    """
    return HttpResponse("ok\n", content_type="text/plain")
