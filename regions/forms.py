from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from regions.lookup import LookupResult, find_region
from regions.models import PostcodeArea


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
