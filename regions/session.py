"""The parent's chosen region, kept in a signed browser cookie so that no account (and no session row) is needed.

The cookie holds everything the header needs, so pages read the region without touching the database, and a
visitor who only chooses a region never creates a server-side session. It lasts until the browser is closed, like a
session. Nothing in it is personal beyond a four-digit postcode area.
"""

from __future__ import annotations

from typing import Any, TypedDict

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

from regions.lookup import support_points_for
from regions.models import PostcodeArea

COOKIE_NAME = "regio"
SALT = "regions.chosen-region"
# Region dicts per PC4 are reference data (they change only when a coordinator's coverage or the import changes).
REGION_CACHE_SECONDS = 300


class ChosenRegion(TypedDict):
    pc4: str
    label: str
    partnership_ids: list[int]
    support_point_ids: list[int]
    support_point_slug: str
    support_point_name: str


def region_for(area: PostcodeArea) -> ChosenRegion:
    """The region a postcode area stands for: its partnerships and support points (cached per process)."""
    cache = caches["pages"]
    key = f"region:{area.pc4}"
    cached: ChosenRegion | None = cache.get(key)
    if cached is not None:
        return cached
    points = support_points_for(area)
    first = points[0] if points else None
    region: ChosenRegion = {
        "pc4": area.pc4,
        "label": f"{area.pc4} {area.place}".strip(),
        "partnership_ids": [p.pk for p in area.partnerships()],
        "support_point_ids": [sp.pk for sp in points],
        "support_point_slug": first.slug if first else "",
        "support_point_name": first.name if first else "",
    }
    cache.set(key, region, REGION_CACHE_SECONDS)
    return region


def remember_region(response: HttpResponse, region: ChosenRegion) -> None:
    # signing.dumps gives URL-safe base64, which needs no quoting in a cookie (JSON would be quoted and escaped).
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps(region, salt=SALT, compress=True),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def forget_region(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE_NAME, samesite="Lax")


def _valid(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("pc4"), str)
        and isinstance(value.get("label"), str)
        and all(isinstance(value.get(k), list) for k in ("partnership_ids", "support_point_ids"))
        and all(isinstance(value.get(k), str) for k in ("support_point_slug", "support_point_name"))
    )


def chosen_region(request: HttpRequest) -> ChosenRegion | None:
    """The region from the visitor's cookie, or None when there is none or it was tampered with."""
    if hasattr(request, "_chosen_region"):
        return request._chosen_region  # type: ignore[no-any-return]
    region: ChosenRegion | None = None
    raw = request.COOKIES.get(COOKIE_NAME)
    try:
        value = signing.loads(raw, salt=SALT) if raw else None
        region = value if _valid(value) else None
    except (signing.BadSignature, ValueError):
        region = None
    request._chosen_region = region  # type: ignore[attr-defined]
    return region
