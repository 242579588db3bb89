"""A parent's personal shortlist of schools, kept in the session so that no account is needed."""

from __future__ import annotations

from django.http import HttpRequest

SESSION_KEY = "school_shortlist"
MAX_SCHOOLS = 20
MAX_COMPARE = 4


def shortlist(request: HttpRequest) -> list[str]:
    value = request.session.get(SESSION_KEY, [])
    return [code for code in value if isinstance(code, str)][:MAX_SCHOOLS] if isinstance(value, list) else []


def shortlist_toggle(request: HttpRequest, code: str) -> bool:
    """Add the school to the shortlist or take it off; returns whether it is on the list now."""
    codes = shortlist(request)
    if code in codes:
        codes.remove(code)
        added = False
    else:
        codes = [*codes, code][-MAX_SCHOOLS:]
        added = True
    request.session[SESSION_KEY] = codes
    return added
