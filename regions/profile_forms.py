"""The front-end form in which a coordinator keeps a school's support profile up to date."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import Availability, Facility, Need, StaffRole, SupportLevel, SupportProfile

NOT_OFFERED = ""


class SupportProfileForm(forms.Form):
    """One select per need (level or none) and per staff role (availability or none), plus the rest of the profile.

    The taxonomy is data, so the fields are built from it: a new need shows up here without a code change.
    """

    facilities = forms.ModelMultipleChoiceField(
        label=_("Voorzieningen"),
        queryset=Facility.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    arrangements = forms.CharField(
        label=_("Arrangementen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén arrangement per regel. Bijvoorbeeld: Plusklas, een dag per week."),
        max_length=2000,
    )
    class_size = forms.IntegerField(
        label=_("Gemiddelde groepsgrootte"),
        required=False,
        min_value=1,
        max_value=60,
        help_text=_("Aantal leerlingen in een gewone groep."),
        error_messages={
            "min_value": _("Vul een aantal van 1 tot en met 60 in."),
            "max_value": _("Vul een aantal van 1 tot en met 60 in."),
            "invalid": _("Vul een heel getal in."),
        },
    )
    explanation = forms.CharField(
        label=_("Toelichting voor ouders"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_("Schrijf in gewone woorden wat de school wel en niet kan."),
    )
    verified = forms.BooleanField(
        label=_("Ik heb dit profiel vandaag met de school gecontroleerd"),
        required=False,
    )

    def __init__(self, *args: Any, profile: SupportProfile | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs = list(Need.objects.all())
        self.staff_roles = list(StaffRole.objects.all())
        levels = {pn.need_id: pn.level for pn in profile.needs.all()} if profile else {}
        availability = {pe.staff_role_id: pe.availability for pe in profile.expertise.all()} if profile else {}
        level_choices = [(NOT_OFFERED, _("Niet in het profiel")), *SupportLevel.choices]
        availability_choices = [(NOT_OFFERED, _("Niet op school")), *Availability.choices]
        for need in self.needs:
            self.fields[f"need_{need.slug}"] = forms.TypedChoiceField(
                label=need.name, choices=level_choices, coerce=int, empty_value=None, required=False
            )
            self.initial.setdefault(f"need_{need.slug}", levels.get(need.pk, NOT_OFFERED))
        for role in self.staff_roles:
            self.fields[f"staff_{role.slug}"] = forms.TypedChoiceField(
                label=role.name, choices=availability_choices, coerce=int, empty_value=None, required=False
            )
            self.initial.setdefault(f"staff_{role.slug}", availability.get(role.pk, NOT_OFFERED))
        if profile is not None:
            self.initial.setdefault("facilities", list(profile.facilities.all()))
            self.initial.setdefault("arrangements", "\n".join(profile.arrangements))
            self.initial.setdefault("class_size", profile.class_size)
            self.initial.setdefault("explanation", profile.explanation)

    def need_fields(self) -> list[forms.BoundField]:
        return [self[f"need_{need.slug}"] for need in self.needs]

    def staff_fields(self) -> list[forms.BoundField]:
        return [self[f"staff_{role.slug}"] for role in self.staff_roles]

    def clean_arrangements(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["arrangements"].splitlines()]
        lines = [line for line in lines if line]
        if any(len(line) > 200 for line in lines):
            raise forms.ValidationError(_("Houd elk arrangement korter dan 200 tekens."))
        return lines

    def chosen_needs(self) -> dict[Need, int]:
        return {n: lvl for n in self.needs if (lvl := self.cleaned_data.get(f"need_{n.slug}")) is not None}

    def chosen_expertise(self) -> dict[StaffRole, int]:
        return {r: a for r in self.staff_roles if (a := self.cleaned_data.get(f"staff_{r.slug}")) is not None}
