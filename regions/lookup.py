"""Turning what a parent types (a postcode or a place name) into their region."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models.functions import Upper

from regions.models import PostcodeArea, SupportPoint

POSTCODE_RE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")
MAX_CANDIDATES = 12
AREA_CACHE_SECONDS = 300


@dataclass
class LookupResult:
    """What a query found: one area (done), several candidates (the parent picks), or an error message."""

    area: PostcodeArea | None = None
    candidates: list[PostcodeArea] = field(default_factory=list)
    error: str = ""


def looks_like_postcode(query: str) -> bool:
    return bool(re.match(r"^\s*\d", query))


def parse_pc4(query: str) -> str | None:
    match = POSTCODE_RE.match(query)
    return match.group(1) if match else None


def _areas() -> object:
    return PostcodeArea.objects.select_related("po_partnership", "vo_partnership")


def area_for_pc4(pc4: str) -> PostcodeArea | None:
    """The postcode area with its partnerships; reference data, so cached per process for a few minutes."""
    cache = caches["pages"]
    key = f"pc4:{pc4}"
    cached = cache.get(key)
    if cached is not None:
        return cached or None  # False marks a postcode we know is not there
    area = _areas().filter(pc4=pc4).first()
    cache.set(key, area or False, AREA_CACHE_SECONDS)
    return area


def find_region(query: str) -> LookupResult:
    """Resolve a postcode ("3511 AB", "3511") or a place or municipality name to a postcode area."""
    from django.utils.translation import gettext as _

    query = query.strip()
    if not query:
        return LookupResult(error=_("Vul je postcode of woonplaats in."))
    if looks_like_postcode(query):
        pc4 = parse_pc4(query)
        if pc4 is None:
            return LookupResult(error=_("Dit is geen geldige postcode. Een postcode ziet eruit als 3511 AB."))
        area = area_for_pc4(pc4)
        if area is None or not area.partnerships():
            return LookupResult(
                error=_(
                    "We kennen postcode %(pc4)s niet. Misschien is het een nieuwe postcode of een postbus. "
                    "Probeer de naam van je woonplaats."
                )
                % {"pc4": pc4}
            )
        return LookupResult(area=area)

    name = " ".join(query.split()).upper()
    areas = list(
        _areas()
        .annotate(place_u=Upper("place"), municipality_u=Upper("municipality"))
        .filter(po_partnership__isnull=False)
        .filter(place_u=name)
        .order_by("pc4")
    ) or list(
        _areas()
        .annotate(municipality_u=Upper("municipality"))
        .filter(po_partnership__isnull=False, municipality_u=name)
        .order_by("pc4")
    )
    if not areas:
        areas = list(
            _areas()
            .annotate(place_u=Upper("place"))
            .filter(po_partnership__isnull=False, place_u__startswith=name)
            .order_by("place", "pc4")[:200]
        )
    if not areas:
        return LookupResult(
            error=_("We vinden geen plaats met de naam ‘%(name)s’. Controleer de spelling of vul je postcode in.")
            % {"name": query}
        )
    # A place usually lies in one PO and one VO partnership; only where it is split does the parent have to choose.
    distinct: dict[tuple[int | None, int | None, str], PostcodeArea] = {}
    for area in areas:
        distinct.setdefault((area.po_partnership_id, area.vo_partnership_id, area.place), area)
    if len(distinct) == 1:
        return LookupResult(area=next(iter(distinct.values())))
    return LookupResult(candidates=list(distinct.values())[:MAX_CANDIDATES])


def support_points_for(area: PostcodeArea) -> list[SupportPoint]:
    ids = [p.pk for p in area.partnerships()]
    return list(SupportPoint.objects.covering(ids).order_by("name"))


def support_points_for_partnership(partnership_id: int | None) -> list[SupportPoint]:
    if partnership_id is None:
        return []
    return list(SupportPoint.objects.filter(partnerships=partnership_id).order_by("name"))
