"""Ranked, explainable buddy suggestions for a help request.

Hard constraints are a queryset filter. The same score is written twice: as one SQL expression, so that PostgreSQL
ranks all buddies and returns only the best few (one query, whatever the number of buddies), and in Python, factor
by factor, so that every number on the page comes with its reason. tests/buddies/test_matching.py keeps the two in
step. A factor the parent gave no answer for (no procedures, no postcode) does not count, instead of counting as zero.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.db.models import Case, Expression, F, FloatField, Q, Value, When
from django.db.models.functions import (
    ASin,
    Cast,
    Coalesce,
    Cos,
    Greatest,
    Least,
    NullIf,
    Power,
    Radians,
    Round,
    Sin,
    Sqrt,
)
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buddies.models import BuddyProfile, BuddyProfileQuerySet, BuddyStatus, HelpRequest, Match, MatchingSettings
from buddies.taxonomy import Channel, Language, Need, Procedure, SchoolType

# Within this distance a buddy counts as close by; the factor falls to zero at FAR_KM.
NEAR_KM = 5.0
FAR_KM = 50.0


@dataclass(frozen=True)
class Factor:
    key: str
    label: str
    weight: int
    fraction: float | None  # None: the factor does not apply to this request
    reason: str

    @property
    def points(self) -> float:
        return 0.0 if self.fraction is None else self.weight * self.fraction


@dataclass(frozen=True)
class Suggestion:
    buddy: BuddyProfile
    score: int
    factors: list[Factor]


def candidates(request: HelpRequest, *, today: datetime.date | None = None) -> BuddyProfileQuerySet:
    """Buddies who may be proposed: same support point, active, screened, room left, not asked for this request."""
    today = today or timezone.localdate()
    asked = Match.objects.filter(request_id=request.pk).values("buddy_id")
    return (
        BuddyProfile.objects.at(request.support_point_id)
        .filter(status=BuddyStatus.ACTIVE)
        .screened_on(today)
        .with_room()
        .exclude(pk__in=asked)
    )


def _labels(values: list[str] | set[str], choices: type) -> str:
    names = dict(choices.choices)
    return ", ".join(str(names.get(value, value)) for value in sorted(values))


def _overlap(key: str, label: str, weight: int, wanted: list[str], offered: list[str], choices: type) -> Factor:
    if not wanted:
        return Factor(key, label, weight, None, _("De ouder gaf hier niets op."))
    shared = set(wanted) & set(offered)
    if not shared:
        return Factor(key, label, weight, 0.0, _("Geen ervaring hiermee."))
    return Factor(
        key,
        label,
        weight,
        len(shared) / len(set(wanted)),
        _("Ervaring met: %(tags)s.") % {"tags": _labels(shared, choices)},
    )


def _yes_no(key: str, label: str, weight: int, ok: bool, yes: str, no: str) -> Factor:
    return Factor(key, label, weight, 1.0 if ok else 0.0, yes if ok else no)


def distance_km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    lat1, lat2 = math.radians(a_lat), math.radians(b_lat)
    dlat, dlon = lat2 - lat1, math.radians(b_lon - a_lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _distance(weight: int, request: HelpRequest, buddy: BuddyProfile) -> Factor:
    label = _("Afstand")
    here, there = request.area, buddy.home_area
    if here is None or there is None or None in (here.latitude, here.longitude, there.latitude, there.longitude):
        return Factor("distance", label, weight, None, _("Afstand onbekend."))
    km = distance_km(here.latitude, here.longitude, there.latitude, there.longitude)  # type: ignore[arg-type]
    fraction = 1.0 if km <= NEAR_KM else max(0.0, (FAR_KM - km) / (FAR_KM - NEAR_KM))
    return Factor("distance", label, weight, fraction, _("Ongeveer %(km)d km van de ouder.") % {"km": round(km)})


def score(request: HelpRequest, buddy: BuddyProfile, weights: MatchingSettings) -> Suggestion:
    """The score (0–100) of one buddy for one request, with a reason per factor."""
    wanted_procedures = list(request.procedures)
    if request.is_urgent and Procedure.HOME not in wanted_procedures:
        wanted_procedures.append(Procedure.HOME)
    school_types = dict(SchoolType.choices)
    factors = [
        _overlap("needs", _("Zelfde behoeften"), weights.weight_needs, list(request.needs), list(buddy.needs), Need),
        _yes_no(
            "school_type",
            _("Schoolsoort"),
            weights.weight_school_type,
            request.school_type in buddy.school_types,
            _("Kent %(type)s.") % {"type": school_types.get(request.school_type, request.school_type)},
            _("Geen ervaring met deze schoolsoort."),
        ),
        _overlap(
            "procedures",
            _("Procedures"),
            weights.weight_procedures,
            wanted_procedures,
            list(buddy.procedures),
            Procedure,
        ),
        _yes_no(
            "language",
            _("Taal"),
            weights.weight_language,
            request.language in buddy.languages,
            _("Spreekt %(language)s.") % {"language": Language(request.language).label},
            _("Spreekt deze taal niet."),
        ),
        _yes_no(
            "channel",
            _("Contact"),
            weights.weight_channel,
            request.channel in buddy.channels,
            _("Kan via %(channel)s.") % {"channel": str(Channel(request.channel).label).lower()},
            _("Heeft liever een andere manier van contact."),
        ),
        Factor(
            "load",
            _("Ruimte"),
            weights.weight_load,
            buddy.places_left / buddy.capacity,
            ngettext(
                "Nog %(left)d plek van de %(capacity)d.",
                "Nog %(left)d plekken van de %(capacity)d.",
                buddy.places_left,
            )
            % {"left": buddy.places_left, "capacity": buddy.capacity},
        ),
        _distance(weights.weight_distance, request, buddy),
    ]
    counted = sum(f.weight for f in factors if f.fraction is not None)
    total = round(100 * sum(f.points for f in factors) / counted) if counted else 0
    return Suggestion(buddy=buddy, score=total, factors=factors)


def _num(value: float) -> Value:
    return Value(float(value), output_field=FloatField())


def _has(field: str, value: str) -> Case:
    return Case(When(**{f"{field}__contains": [value]}, then=_num(1)), default=_num(0), output_field=FloatField())


def _sql_overlap(field: str, wanted: list[str]) -> Expression:
    tags = sorted(set(wanted))
    total: Expression = _num(0)
    for tag in tags:
        total = total + _has(field, tag)
    return total / _num(len(tags))


def _sql_km(lat: float, lon: float) -> Expression:
    """The great-circle distance from (lat, lon) to the buddy's home postcode, as distance_km computes it."""
    lat1, lon1 = math.radians(lat), math.radians(lon)
    lat2, lon2 = Radians(F("home_area__latitude")), Radians(F("home_area__longitude"))
    h = Power(Sin((lat2 - _num(lat1)) / _num(2)), 2) + _num(math.cos(lat1)) * Cos(lat2) * Power(
        Sin((lon2 - _num(lon1)) / _num(2)), 2
    )
    return _num(2 * 6371.0) * ASin(Sqrt(h))


def sql_score(request: HelpRequest, weights: MatchingSettings) -> Expression:
    """`score(...).score` as a database expression (rounded to a whole number), for ranking in the query."""
    wanted_procedures = list(request.procedures)
    if request.is_urgent and Procedure.HOME not in wanted_procedures:
        wanted_procedures.append(Procedure.HOME)
    points: Expression = _num(0)
    counted: Expression = _num(0)
    for weight, field, wanted in (
        (weights.weight_needs, "needs", list(request.needs)),
        (weights.weight_procedures, "procedures", wanted_procedures),
    ):
        if wanted:
            points = points + _num(weight) * _sql_overlap(field, wanted)
            counted = counted + _num(weight)
    for weight, field, value in (
        (weights.weight_school_type, "school_types", request.school_type),
        (weights.weight_language, "languages", request.language),
        (weights.weight_channel, "channels", request.channel),
    ):
        points = points + _num(weight) * _has(field, value)
        counted = counted + _num(weight)
    room = Cast(F("capacity") - F("active_matches"), FloatField()) / Cast(F("capacity"), FloatField())
    points = points + _num(weights.weight_load) * room
    counted = counted + _num(weights.weight_load)
    area = request.area
    if area is not None and area.latitude is not None and area.longitude is not None:
        located = Q(home_area__latitude__isnull=False, home_area__longitude__isnull=False)
        near = Least(
            _num(1), Greatest(_num(0), (_num(FAR_KM) - _sql_km(area.latitude, area.longitude)) / _num(FAR_KM - NEAR_KM))
        )
        points = points + Case(When(located, then=_num(weights.weight_distance) * near), default=_num(0))
        counted = counted + Case(When(located, then=_num(weights.weight_distance)), default=_num(0))
    return Round(Coalesce(_num(100) * points / NullIf(counted, _num(0)), _num(0)))


def suggestions(request: HelpRequest, *, limit: int = 10) -> list[Suggestion]:
    """The best `limit` buddies for `request`, best first, explained; two queries whatever the number of buddies.

    PostgreSQL ranks every candidate with sql_score and returns only the best `limit`; Python explains those.
    """
    weights = MatchingSettings.for_support_point(request.support_point_id)
    best = (
        candidates(request)
        .annotate(rank_score=sql_score(request, weights))
        .select_related("user", "home_area")
        .order_by("-rank_score", "active_matches", "pk")[:limit]
    )
    return [score(request, buddy, weights) for buddy in best]


def suggestions_in_python(request: HelpRequest, *, limit: int = 10) -> list[Suggestion]:
    """The same ranking computed in Python over every candidate: the reference the SQL ranking is tested against."""
    weights = MatchingSettings.for_support_point(request.support_point_id)
    pool = candidates(request).select_related("user", "home_area")
    scored = [score(request, buddy, weights) for buddy in pool]
    scored.sort(key=lambda s: (-s.score, s.buddy.active_matches, s.buddy.pk))
    return scored[:limit]
