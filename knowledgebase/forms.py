from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from knowledgebase.models import Need, SectorTag, Topic
from knowledgebase.route import MULTIPLE, QUESTIONS
from knowledgebase.services import ArticleContent, unknown_terms


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Waar ben je naar op zoek?"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: mijn kind zit thuis, OPP of zorgplicht."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was dit nuttig?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    comment = forms.CharField(
        label=_("Wat kan beter? (mag leeg blijven)"),
        max_length=500,
        required=False,
        help_text=_("Schrijf geen namen of andere persoonlijke gegevens."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Gebruik hooguit 500 tekens.")},
    )


class ArticleForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, error_messages={"required": _("Vul een titel in.")})
    slug = forms.SlugField(
        label=_("Korte naam in de link"),
        max_length=100,
        help_text=_("Kleine letters en streepjes, bijvoorbeeld zorgplicht-uitleg."),
        error_messages={"required": _("Vul een korte naam in."), "invalid": _("Gebruik kleine letters, cijfers en -.")},
    )
    topic = forms.ModelChoiceField(
        label=_("Onderwerp"),
        queryset=Topic.objects.all(),
        error_messages={"required": _("Kies een onderwerp.")},
    )
    summary = forms.CharField(
        label=_("Samenvatting"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Vul een samenvatting in.")},
    )
    body = forms.CharField(
        label=_("Uitleg in gewone taal"),
        help_text=_("Markdown. Een begrip uit de begrippenlijst: [[opp]] of [[opp|het plan]]."),
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": _("Schrijf de uitleg.")},
    )
    body_more = forms.CharField(
        label=_("Meer weten"),
        required=False,
        help_text=_("Voor wie meer wil weten: details en wetten."),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    needs = forms.MultipleChoiceField(
        label=_("Behoeften"), choices=Need.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectoren"), choices=SectorTag.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("Wat heb je veranderd?"), max_length=200, required=False)

    def __init__(self, *args: Any, editing: bool = False, translating: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing or translating:
            # The link of an existing article stays stable: other articles and shared links point to it.
            del self.fields["slug"]
        if translating:
            # A translation shares the original's link, topic and tags.
            for name in ("topic", "needs", "sectors"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unknown = unknown_terms(data.get("body", "") + "\n" + data.get("body_more", ""))
        if unknown:
            self.add_error(
                "body", _("Deze begrippen staan niet in de begrippenlijst: %(terms)s.") % {"terms": ", ".join(unknown)}
            )
        return data

    def content(self) -> ArticleContent:
        """The written text of a valid form, as the services take it."""
        data = self.cleaned_data
        return ArticleContent(data["title"], data["summary"], data["body"], data["body_more"])


class PublishForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Reden om toch te publiceren"),
        required=False,
        max_length=1000,
        help_text=_("Alleen nodig als de leesbaarheid onder de 60 is."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SupplementForm(forms.Form):
    body = forms.CharField(
        label=_("Zo werkt het in jouw regio"),
        max_length=5000,
        help_text=_("Wie bel je, hoe gaat het hier, wat is er in de regio? Markdown mag."),
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": _("Schrijf de aanvulling."), "max_length": _("Gebruik hooguit 5000 tekens.")},
    )


class SynonymGroupForm(forms.Form):
    terms = forms.CharField(
        label=_("Woorden met dezelfde betekenis"),
        max_length=1000,
        help_text=_("Scheid de woorden met komma's. Bijvoorbeeld: OPP, ontwikkelingsperspectief."),
        error_messages={"required": _("Vul minstens twee woorden in.")},
    )

    def clean_terms(self) -> list[str]:
        terms = [t.strip() for t in re.split(r"[,\n]", self.cleaned_data["terms"]) if t.strip()]
        if len(terms) < 2:
            raise forms.ValidationError(_("Vul minstens twee woorden in."))
        if any(len(t) > 60 for t in terms):
            raise forms.ValidationError(_("Een woord mag hooguit 60 tekens hebben."))
        return terms


def route_question_form(key: str, data: Any = None) -> forms.Form:
    """A one-question form for the route guide step `key`."""
    label, choices = QUESTIONS[key]
    field: forms.Field
    if key in MULTIPLE:
        field = forms.MultipleChoiceField(
            label=label,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Kies minstens één antwoord.")},
        )
    else:
        field = forms.ChoiceField(
            label=label, choices=choices, widget=forms.RadioSelect, error_messages={"required": _("Kies een antwoord.")}
        )
    form = forms.Form(data)
    form.fields[key] = field
    return form
