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

from django.db.models import FloatField
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.formats import number_format
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

    @property
    def points_of_weight(self) -> str:
        """'2,5 / 5' in the active language, or a dash when the factor does not count (cheaper than floatformat)."""
        if self.fraction is None:
            return "–"
        return f"{number_format(round(self.points, 1), 1)} / {self.weight}"


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


def _wanted_procedures(request: HelpRequest) -> list[str]:
    """The procedures asked about; a child at home now counts as experience with thuiszitten wanted."""
    wanted = list(request.procedures)
    if request.is_urgent and Procedure.HOME not in wanted:
        wanted.append(Procedure.HOME)
    return wanted


def score(request: HelpRequest, buddy: BuddyProfile, weights: MatchingSettings) -> Suggestion:
    """The score (0–100) of one buddy for one request, with a reason per factor."""
    wanted_procedures = _wanted_procedures(request)
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


# `score(...).score` in SQL, on the row of buddies_buddyprofile being ranked. The text is fixed and only the values
# are parameters, so building a query costs the same for any request (an ORM expression tree of ~60 nodes took more
# time to compile than PostgreSQL took to rank 500 buddies). A weight of 0 leaves a factor out of both sums, which is
# how a factor the parent gave no answer for is left out. The distance subquery is NULL for a buddy without a located
# postcode, or when the request has no location (the latitude parameter is then NULL).
_TAGS_SHARED = "(SELECT count(*) FROM unnest(%s::varchar[]) AS wanted(tag) WHERE wanted.tag = ANY({field}))::float8"
_NEAR = f"""(SELECT least(1.0, greatest(0.0, ({FAR_KM} - 2 * 6371.0 * asin(sqrt(
        power(sin((radians(pa.latitude) - %s::float8) / 2), 2)
        + %s::float8 * cos(radians(pa.latitude)) * power(sin((radians(pa.longitude) - %s::float8) / 2), 2)
    ))) / ({FAR_KM} - {NEAR_KM})))
    FROM regions_postcodearea pa
    WHERE %s AND pa.pc4 = buddies_buddyprofile.home_area_id AND pa.latitude IS NOT NULL AND pa.longitude IS NOT NULL
)"""  # noqa: S608 - only module constants are formatted in; every value is a parameter
_POINTS = " + ".join(
    [
        "%s::float8 * " + _TAGS_SHARED.format(field="buddies_buddyprofile.needs") + " / %s::float8",
        "%s::float8 * " + _TAGS_SHARED.format(field="buddies_buddyprofile.procedures") + " / %s::float8",
        "%s::float8 * (%s = ANY(buddies_buddyprofile.school_types))::int",
        "%s::float8 * (%s = ANY(buddies_buddyprofile.languages))::int",
        "%s::float8 * (%s = ANY(buddies_buddyprofile.channels))::int",
        "%s::float8 * (buddies_buddyprofile.capacity - buddies_buddyprofile.active_matches)::float8"
        " / buddies_buddyprofile.capacity",
        "coalesce(%s::float8 * near.fraction, 0)",
    ]
)
SCORE_SQL = f"""round(coalesce(100 * (
    SELECT ({_POINTS}) / nullif(%s::float8 + CASE WHEN near.fraction IS NULL THEN 0 ELSE %s::float8 END, 0)
    FROM (SELECT {_NEAR} AS fraction) AS near
), 0))"""  # noqa: S608 - as above


def sql_score(request: HelpRequest, weights: MatchingSettings) -> RawSQL:
    """`score(...).score` as a database expression (rounded to a whole number), for ranking in the query."""
    needs = sorted(set(request.needs))
    procedures = sorted(set(_wanted_procedures(request)))
    needs_weight = weights.weight_needs if needs else 0
    procedures_weight = weights.weight_procedures if procedures else 0
    area = request.area
    located = area is not None and area.latitude is not None and area.longitude is not None
    lat = math.radians(area.latitude) if located else None  # type: ignore[union-attr,arg-type]
    lon = math.radians(area.longitude) if located else None  # type: ignore[union-attr,arg-type]
    always_counted = (
        needs_weight
        + procedures_weight
        + weights.weight_school_type
        + weights.weight_language
        + weights.weight_channel
        + weights.weight_load
    )
    params = [
        *(needs_weight, needs, max(len(needs), 1)),
        *(procedures_weight, procedures, max(len(procedures), 1)),
        *(weights.weight_school_type, request.school_type),
        *(weights.weight_language, request.language),
        *(weights.weight_channel, request.channel),
        weights.weight_load,
        weights.weight_distance,
        *(always_counted, weights.weight_distance),
        *(lat, math.cos(lat) if lat is not None else None, lon, located),
    ]
    return RawSQL(SCORE_SQL, params, output_field=FloatField())  # noqa: S611 - fixed text, values as parameters


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
