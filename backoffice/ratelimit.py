"""Limits on asking questions: a guest question makes the portal e-mail an address nobody has verified, so without a
limit anyone could use the form to send mail to anyone.

The counts live in the default cache (a PostgreSQL table shared by every app server), through the same rate limiter
that guards allauth's login and signup (settings.ACCOUNT_RATE_LIMITS), so a limit holds however many servers run, and
with the same idea of the client's address (allauth's ALLAUTH_TRUSTED_PROXY_COUNT behind a proxy). The limiter is
allauth's internal module (pinned in uv.lock); tests/backoffice/test_question_rate_limit.py fails if an upgrade
moves it.
"""

from __future__ import annotations

from allauth.core.internal import ratelimit
from django.http import HttpRequest

# Per network address (a school or library may share one, hence not lower) and per e-mail address the portal writes
# to: three an hour and six a day is far more than a parent needs, and far too few to be worth abusing.
ASK_RATES = {"ask": "10/h/ip,30/d/ip,3/h/key,6/d/key"}
RETRY_AFTER_SECONDS = 3600


def ask_allowed(request: HttpRequest, *, email: str) -> bool:
    """Count one question to `email` from this request's address; False when a limit is reached (nothing counted)."""
    usage = ratelimit.consume(request, app="backoffice", action="ask", config=ASK_RATES, key=email.strip().lower())
    return usage is not None
