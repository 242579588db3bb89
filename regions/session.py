"""The parent's chosen region, kept in the session so that no account is needed.

The session holds everything the header needs, so pages do not query the database for it.
"""

from __future__ import annotations

from typing import Any, TypedDict

from django.http import HttpRequest

from regions.lookup import support_points_for
from regions.models import PostcodeArea

SESSION_KEY = "region"


class ChosenRegion(TypedDict):
    pc4: str
    label: str
    partnership_ids: list[int]
    support_point_ids: list[int]
    support_point_slug: str
    support_point_name: str


def remember_region(request: HttpRequest, area: PostcodeArea) -> ChosenRegion:
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
    request.session[SESSION_KEY] = region
    return region


def chosen_region(request: HttpRequest) -> ChosenRegion | None:
    value: Any = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not isinstance(value, dict) or "pc4" not in value:
        return None
    return value  # type: ignore[return-value]


def forget_region(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
