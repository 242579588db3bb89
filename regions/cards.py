"""School cards for result lists, prepared in Python: a list page renders twenty of them, and doing the lookups once
here (one URL reverse, one pass over the prefetched needs, labels translated once) keeps the page fast."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse

from regions.models import School, SchoolKind, SupportLevel


@dataclass
class Tag:
    name: str
    level: int
    level_label: str


@dataclass
class SchoolCard:
    code: str
    name: str
    url: str
    kind: str
    place: str
    denomination: str
    distance: float | None
    latitude: float | None
    longitude: float | None
    has_profile: bool
    is_demo: bool
    tags: list[Tag] = field(default_factory=list)


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


def school_cards(schools: list[School]) -> list[SchoolCard]:
    """Cards for schools fetched with `School.objects.for_cards()` (profile and needs prefetched)."""
    prefix = reverse("regions:school", kwargs={"code": "XXXXXX"}).removesuffix("XXXXXX/")
    levels = {value: str(label) for value, label in SupportLevel.choices}
    kinds = {value: str(label) for value, label in SchoolKind.choices}
    cards = []
    for school in schools:
        profile = getattr(school, "profile", None) if _has_profile(school) else None
        tags = [Tag(pn.need.name, pn.level, levels[pn.level]) for pn in profile.needs.all()] if profile else []
        cards.append(
            SchoolCard(
                code=school.code,
                name=school.name,
                url=f"{prefix}{school.code}/",
                kind=school.kind_short if school.levels else kinds[school.kind],
                place=school.place or school.municipality,
                denomination=school.denomination,
                distance=getattr(school, "distance", None),
                latitude=school.latitude,
                longitude=school.longitude,
                has_profile=profile is not None,
                is_demo=bool(profile and profile.is_demo),
                tags=tags,
            )
        )
    return cards


def _has_profile(school: School) -> bool:
    try:
        school.profile  # noqa: B018 - select_related: no query, raises when there is none
    except School.profile.RelatedObjectDoesNotExist:  # type: ignore[attr-defined]
        return False
    return True
