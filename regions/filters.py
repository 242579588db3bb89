"""The need-first school search: one FilterSet whose GET parameters make every result set a shareable URL."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import django_filters
from django import forms
from django.core.cache import caches
from django.db.models import Exists, F, FloatField, OuterRef, Q, QuerySet, Value
from django.db.models.functions import ASin, Cos, Power, Radians, Sin, Sqrt
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from regions.lookup import area_for_pc4, parse_pc4
from regions.models import (
    Facility,
    Need,
    OfferKind,
    PostcodeArea,
    ProfileNeed,
    School,
    SchoolKind,
    SchoolLevel,
    SupportLevel,
    SupportOffer,
    SupportProfile,
)

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE = 111.2
RADIUS_CHOICES = [("2", _("2 km")), ("5", _("5 km")), ("10", _("10 km")), ("20", _("20 km")), ("50", _("50 km"))]
DEFAULT_RADIUS_KM = 10
TAXONOMY_CACHE_SECONDS = 300
# DUO's denominations, most common first; kept as a constant so the search form costs no query.
DENOMINATIONS = [
    "Openbaar",
    "Rooms-Katholiek",
    "Protestants-Christelijk",
    "Algemeen bijzonder",
    "Bijzonder",
    "Reformatorisch",
    "Gereformeerd vrijgemaakt",
    "Islamitisch",
    "Antroposofisch",
    "Interconfessioneel",
    "Evangelisch",
    "Hindoeïstisch",
    "Joods",
]


def distance_km(latitude: float, longitude: float) -> Any:
    """Great-circle (haversine) distance from a point to each school, computed by PostgreSQL."""
    lat0, lon0 = math.radians(latitude), math.radians(longitude)
    half_dlat = (Radians(F("latitude")) - Value(lat0)) / 2
    half_dlon = (Radians(F("longitude")) - Value(lon0)) / 2
    a = Power(Sin(half_dlat), 2) + Value(math.cos(lat0)) * Cos(Radians(F("latitude"))) * Power(Sin(half_dlon), 2)
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a), output_field=FloatField())


def within_box(latitude: float, longitude: float, radius_km: float) -> Q:
    """A bounding box around the circle: lets the (latitude, longitude) index discard most rows cheaply."""
    dlat = radius_km / KM_PER_DEGREE
    dlon = radius_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))
    return Q(latitude__range=(latitude - dlat, latitude + dlat), longitude__range=(longitude - dlon, longitude + dlon))


class SchoolSearchForm(forms.Form):
    def clean_postcode(self) -> str:
        value = (self.cleaned_data.get("postcode") or "").strip()
        if not value:
            return ""
        pc4 = parse_pc4(value)
        if pc4 is None:
            raise forms.ValidationError(_("Dit is geen geldige postcode. Een postcode ziet eruit als 3511 AB."))
        area = area_for_pc4(pc4)
        if area is None or area.latitude is None:
            raise forms.ValidationError(
                _("We kennen postcode %(pc4)s niet. Probeer een postcode in de buurt.") % {"pc4": pc4}
            )
        self.origin = area
        return pc4

    origin: PostcodeArea | None = None


@dataclass(frozen=True)
class Checkbox:
    name: str
    value: str
    label: str
    id: str
    checked: bool


def taxonomy_choices(model: type[Need] | type[Facility]) -> list[tuple[str, str]]:
    """(slug, name) of a taxonomy in display order. Cached per process for a few minutes: the search form shows
    them on every page, and the taxonomy changes a few times a year."""
    return caches["pages"].get_or_set(
        f"taxonomy:{model._meta.model_name}",
        lambda: list(model.objects.values_list("slug", "name")),
        TAXONOMY_CACHE_SECONDS,
    )


SELECT_CLASS = "utrecht-select utrecht-select--html-select"


class PlainSelect(forms.Select):
    """A <select> written out in Python. The search page shows four on every request, and Django's template per
    option cost more than a millisecond a page. Flat choices only (no option groups)."""

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, " selected" if str(v) in chosen else "", label) for v, label in self.choices),
        )
        final_attrs = self.build_attrs(self.attrs, attrs)
        # The NL Design System class, merged as templates/django/forms/widgets/select.html does.
        css_class = f"{SELECT_CLASS} {final_attrs.pop('class', '')}".strip()
        return format_html('<select name="{}" class="{}"{}>{}</select>', name, css_class, flatatt(final_attrs), options)


class SchoolFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Naam of plaats"), method="filter_text", widget=forms.TextInput(attrs={"type": "search"})
    )
    postcode = django_filters.CharFilter(
        label=_("Postcode"),
        method="filter_nothing",
        help_text=_("Bijvoorbeeld 3511 AB. Dan zoeken we scholen in de buurt."),
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "size": 8}),
    )
    afstand = django_filters.ChoiceFilter(
        label=_("Afstand"),
        choices=RADIUS_CHOICES,
        method="filter_nothing",
        empty_label=None,
        initial="10",
        widget=PlainSelect,
    )
    soort = django_filters.MultipleChoiceFilter(
        label=_("Soort school"),
        field_name="kind",
        choices=SchoolKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    schoolniveau = django_filters.MultipleChoiceFilter(
        label=_("Niveau (middelbare school)"),
        choices=SchoolLevel.choices,
        method="filter_levels",
        widget=forms.CheckboxSelectMultiple,
    )
    richting = django_filters.ChoiceFilter(
        label=_("Richting"),
        field_name="denomination",
        choices=[(d, d) for d in DENOMINATIONS],
        empty_label=_("Alle"),
        widget=PlainSelect,
    )
    behoefte = django_filters.ModelMultipleChoiceFilter(
        label=_("Wat heeft je kind nodig?"),
        queryset=Need.objects.all(),
        to_field_name="slug",
        method="filter_nothing",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De school moet alles bieden wat je kiest."),
    )
    ondersteuning = django_filters.ChoiceFilter(
        label=_("Hoeveel ondersteuning?"),
        choices=[(str(value), label) for value, label in SupportLevel.choices],
        method="filter_nothing",
        empty_label=_("Maakt niet uit"),
        widget=PlainSelect,
    )
    voorziening = django_filters.ModelMultipleChoiceFilter(
        label=_("Voorzieningen"),
        queryset=Facility.objects.all(),
        to_field_name="slug",
        method="filter_facilities",
        widget=forms.CheckboxSelectMultiple,
    )
    sorteer = django_filters.ChoiceFilter(
        label=_("Sorteer op"),
        choices=[("afstand", _("Afstand")), ("naam", _("Naam"))],
        method="filter_nothing",
        empty_label=None,
        widget=PlainSelect,
    )

    class Meta:
        model = School
        fields: list[str] = []
        form = SchoolSearchForm

    def filter_nothing(self, queryset: QuerySet[School], name: str, value: Any) -> QuerySet[School]:
        return queryset  # applied together in filter_queryset: they depend on each other

    def filter_text(self, queryset: QuerySet[School], name: str, value: str) -> QuerySet[School]:
        for word in value.split()[:5]:
            queryset = queryset.filter(Q(name__icontains=word) | Q(place__icontains=word))
        return queryset

    def filter_levels(self, queryset: QuerySet[School], name: str, value: list[str]) -> QuerySet[School]:
        return queryset.filter(levels__overlap=value) if value else queryset

    def filter_facilities(self, queryset: QuerySet[School], name: str, value: list[Facility]) -> QuerySet[School]:
        # EXISTS per facility rather than joins: the count stays one row per school and the plan stays simple.
        through = SupportProfile.facilities.through
        for facility in value:
            queryset = queryset.filter(
                Exists(through.objects.filter(supportprofile__school=OuterRef("pk"), facility=facility))
            )
        return queryset

    def checkboxes(self, name: str) -> list[Checkbox]:
        """A checkbox list as plain values: Django's widget rendering costs more than the rest of the form together."""
        choices = {
            "behoefte": lambda: taxonomy_choices(Need),
            "voorziening": lambda: taxonomy_choices(Facility),
            "soort": lambda: SchoolKind.choices,
            "schoolniveau": lambda: SchoolLevel.choices,
        }[name]()
        chosen = set(self.form.data.getlist(name)) if self.is_bound else set()
        return [
            Checkbox(name, value, str(label), f"id_{name}_{i}", value in chosen)
            for i, (value, label) in enumerate(choices)
        ]

    @property
    def more_is_open(self) -> bool:
        """Whether 'more search questions' starts open: when one of them is in use."""
        data = self.form.data if self.is_bound else {}
        return any(data.get(name) for name in ("soort", "richting", "voorziening", "schoolniveau"))

    @property
    def origin(self) -> PostcodeArea | None:
        return getattr(self.form, "origin", None)

    @property
    def radius_km(self) -> int:
        return int(self.form.cleaned_data.get("afstand") or DEFAULT_RADIUS_KM)

    @property
    def sort(self) -> str:
        wanted = self.form.cleaned_data.get("sorteer")
        return wanted or ("afstand" if self.origin else "naam")

    def filter_queryset(self, queryset: QuerySet[School]) -> QuerySet[School]:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        needs: list[Need] = list(data.get("behoefte") or [])
        level = int(data.get("ondersteuning") or SupportLevel.BASIC)
        # Every chosen need must be met at the chosen level or higher (a specialised arrangement covers extra).
        for need in needs:
            queryset = queryset.filter(
                Exists(ProfileNeed.objects.filter(profile__school=OuterRef("pk"), need=need, level__gte=level))
            )
        if not needs and data.get("ondersteuning"):
            queryset = queryset.filter(
                Exists(ProfileNeed.objects.filter(profile__school=OuterRef("pk"), level__gte=level))
            )
        origin = self.origin
        if origin is not None and origin.latitude is not None and origin.longitude is not None:
            queryset = queryset.filter(within_box(origin.latitude, origin.longitude, self.radius_km))
            queryset = queryset.annotate(distance=distance_km(origin.latitude, origin.longitude)).filter(
                distance__lte=self.radius_km
            )
        if self.sort == "afstand" and origin is not None:
            return queryset.order_by("distance", "name", "pk")
        return queryset.order_by("name", "place", "pk")


class OfferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoek"), method="filter_text", widget=forms.TextInput(attrs={"type": "search"})
    )
    soort = django_filters.MultipleChoiceFilter(
        label=_("Soort aanbod"), field_name="kind", choices=OfferKind.choices, widget=forms.CheckboxSelectMultiple
    )
    behoefte = django_filters.ModelMultipleChoiceFilter(
        label=_("Wat heeft je kind nodig?"),
        queryset=Need.objects.all(),
        to_field_name="slug",
        method="filter_needs",
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SupportOffer
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[SupportOffer], name: str, value: str) -> QuerySet[SupportOffer]:
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(audience__icontains=word)
            )
        return queryset

    def filter_needs(self, queryset: QuerySet[SupportOffer], name: str, value: list[Need]) -> QuerySet[SupportOffer]:
        for need in value:
            queryset = queryset.filter(needs=need)
        return queryset
