"""School cards for result lists, prepared in Python: a list page renders twenty of them, and doing the lookups once
here from plain rows (one URL reverse, labels translated once, no model instances) keeps the page fast."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe

from regions.models import SupportLevel, short_kind


@dataclass
class SchoolCard:
    code: str
    name: str
    url: str
    kind: str
    place: str
    denomination: str
    distance: str  # "2,4 km" in the active language's notation, empty without a postcode
    latitude: float | None
    longitude: float | None
    has_profile: bool
    is_demo: bool
    tags: SafeString = field(default_factory=SafeString)  # the <li> items of the needs, escaped


def card_labels() -> dict[str, str]:
    """The texts every card repeats, translated once per page."""
    from django.utils.translation import gettext as _

    return {
        "support_with": _("Ondersteuning bij:"),
        "no_profile": _("Nog geen ondersteuningsprofiel."),
        "demo": _("Voorbeeldprofiel (demo)"),
        "add": _("Zet op mijn lijstje"),
        "remove": _("Haal van mijn lijstje"),
    }


def school_cards(rows: Iterable[dict[str, Any]]) -> list[SchoolCard]:
    """Cards for rows of `School.objects.card_rows()` (plain dicts, with `distance` when the search has an origin)."""
    prefix = reverse("regions:school", kwargs={"code": "XXXXXX"}).removesuffix("XXXXXX/")
    levels = {value: str(label) for value, label in SupportLevel.choices}
    decimal = formats.get_format("DECIMAL_SEPARATOR")
    return [
        SchoolCard(
            code=row["code"],
            name=row["name"],
            url=f"{prefix}{row['code']}/",
            kind=short_kind(row["kind"], row["levels"]),
            place=row["place"] or row["municipality"],
            denomination=row["denomination"],
            distance=_km(row.get("distance"), decimal),
            latitude=row["latitude"],
            longitude=row["longitude"],
            has_profile=row["profile_pk"] is not None,
            is_demo=bool(row["profile_demo"]),
            tags=_tags(row["card_tags"], levels),
        )
        for row in rows
    ]


def _km(distance: float | None, decimal: str) -> str:
    # floatformat in the template did the same per card at many times the cost.
    return "" if distance is None else f"{distance:.1f}".replace(".", decimal) + " km"


def _tags(tags: list[dict[str, Any]], levels: dict[int, str]) -> SafeString:
    # Up to a hundred tags a page: joined here in one pass, where the template's loop cost a millisecond per page.
    return mark_safe(  # noqa: S308 - every value is escaped here
        "".join(
            f'<li class="tag tag--level-{int(tag["level"])}">{escape(tag["name"])}'
            f'<span class="visually-hidden">: {escape(levels[tag["level"]])}</span></li>'
            for tag in tags
        )
    )
