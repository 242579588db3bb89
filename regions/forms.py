from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regions.lookup import LookupResult, find_region
from regions.models import Need, PostcodeArea


class RegionQueryForm(forms.Form):
    q = forms.CharField(
        label=_("Postcode of woonplaats"),
        max_length=100,
        help_text=_("Bijvoorbeeld 3511 AB of Amersfoort."),
        error_messages={"required": _("Vul je postcode of woonplaats in.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
    )

    result: LookupResult | None = None

    def clean_q(self) -> str:
        query = self.cleaned_data["q"]
        self.result = find_region(query)
        if self.result.error:
            raise forms.ValidationError(self.result.error)
        return query


class RegionPickForm(forms.Form):
    """Used when a place name lies in more than one partnership: the parent picks the right area."""

    pc4 = forms.CharField(max_length=4)

    def clean_pc4(self) -> PostcodeArea:
        area = (
            PostcodeArea.objects.select_related("po_partnership", "vo_partnership")
            .filter(pk=self.cleaned_data["pc4"], po_partnership__isnull=False)
            .first()
        )
        if area is None:
            raise forms.ValidationError(_("Kies een van de gebieden in de lijst."))
        return area


def school_years() -> list[tuple[str, str]]:
    """This school year and the five before it, newest first ("2025-2026")."""
    today = timezone.localdate()
    first = today.year if today.month >= 8 else today.year - 1
    return [(f"{y}-{y + 1}", f"{y}-{y + 1}") for y in range(first, first - 6, -1)]


class ExperienceForm(forms.Form):
    needs = forms.ModelMultipleChoiceField(
        label=_("Waar ging het over?"),
        queryset=Need.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wat je kind nodig had. Noem geen diagnose in je tekst."),
    )
    school_year = forms.ChoiceField(label=_("Schooljaar"), choices=school_years)
    went_well = forms.CharField(
        label=_("Wat ging goed?"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    could_be_better = forms.CharField(
        label=_("Wat kan beter?"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("went_well") or "").strip() and not (data.get("could_be_better") or "").strip():
            raise forms.ValidationError(_("Schrijf iets bij ‘Wat ging goed?’ of bij ‘Wat kan beter?’."))
        return data


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Wat is er mis met deze ervaring?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf kort wat er mis is.")},
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("approve", _("Plaatsen")), ("reject", _("Niet plaatsen"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of je de ervaring plaatst.")},
    )
    went_well = forms.CharField(
        label=_("Wat ging goed"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    could_be_better = forms.CharField(
        label=_("Wat kan beter"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 5})
    )
    reason = forms.CharField(
        label=_("Reden (de ouder ziet deze)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als je de ervaring niet plaatst."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Schrijf waarom je de ervaring niet plaatst."))
        if not (data.get("went_well") or "").strip() and not (data.get("could_be_better") or "").strip():
            raise forms.ValidationError(_("Een ervaring zonder tekst kan niet."))
        return data


class SignUpForm(forms.Form):
    name = forms.CharField(
        label=_("Je voornaam"), max_length=100, error_messages={"required": _("Vul je voornaam in.")}
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hierheen sturen we de bevestiging en de link om je af te melden."),
        error_messages={"required": _("Vul je e-mailadres in."), "invalid": _("Dit is geen geldig e-mailadres.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Wat wil je ons zeggen?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Over het aanbod in de regio of over het steunpunt. Noem geen namen."),
        error_messages={"required": _("Schrijf je opmerking.")},
    )
