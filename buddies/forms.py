from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buddies.models import Answer, BuddyProfile, BuddyStatus, DeclineReason, MatchingSettings, Outcome
from buddies.taxonomy import Channel, HelpKind, Language, Need, Procedure, SchoolType
from regions.models import PostcodeArea, Sector

REQUIRED = {"required": _("Dit veld is verplicht.")}


def checkboxes(choices: Any, label: Any, *, required: bool = True, help_text: Any = "") -> forms.MultipleChoiceField:
    messages = {"required": _("Kies er minstens één."), "invalid_choice": _("Kies uit de lijst.")}
    return forms.MultipleChoiceField(
        choices=choices,
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.CheckboxSelectMultiple,
        error_messages=messages,
    )


def radios(choices: Any, label: Any, *, help_text: Any = "") -> forms.ChoiceField:
    messages = {"required": _("Kies een van de mogelijkheden."), "invalid_choice": _("Kies uit de lijst.")}
    return forms.ChoiceField(
        choices=choices, label=label, help_text=help_text, widget=forms.RadioSelect, error_messages=messages
    )


class HelpRequestForm(forms.Form):
    needs = checkboxes(
        Need.choices,
        _("Wat heeft je kind nodig?"),
        help_text=_("Kies wat past. Je hoeft geen diagnose te noemen."),
    )
    sector = radios(Sector.choices, _("Op welk soort onderwijs zit je kind?"))
    school_type = forms.ChoiceField(
        choices=[("", _("Kies een schoolsoort"))] + list(SchoolType.choices),
        label=_("Soort school"),
        error_messages={"required": _("Kies een schoolsoort."), "invalid_choice": _("Kies uit de lijst.")},
    )
    help_kinds = checkboxes(HelpKind.choices, _("Welke hulp wil je?"))
    procedures = checkboxes(
        Procedure.choices, _("Speelt een van deze dingen?"), required=False, help_text=_("Niet verplicht.")
    )
    language = forms.ChoiceField(
        choices=Language.choices, label=_("In welke taal praat je het liefst?"), initial=Language.DUTCH
    )
    channel = radios(Channel.choices, _("Hoe wil je contact?"))
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=30,
        help_text=_("Alleen nodig als je gebeld wilt worden."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    is_urgent = forms.BooleanField(label=_("Mijn kind zit nu thuis en gaat niet naar school."), required=False)
    consent = forms.BooleanField(
        label=_("Ik geef toestemming om deze gegevens te delen met de coördinator en met mijn buddy."),
        error_messages={"required": _("Zonder je toestemming kunnen we geen buddy zoeken.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("channel") == Channel.PHONE and not data.get("phone", "").strip():
            self.add_error("phone", _("Vul je telefoonnummer in als je gebeld wilt worden."))
        return data


class DeclineForm(forms.Form):
    reason = radios(DeclineReason.choices, _("Waarom kun je deze ouder niet helpen?"))
    note = forms.CharField(
        label=_("Toelichting voor de coördinator"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Niet verplicht. Schrijf geen gegevens over het kind."),
    )


class ContactForm(forms.Form):
    happened_on = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Vul de datum in."), "invalid": _("Vul een geldige datum in.")},
    )
    channel = radios(Channel.choices, _("Hoe hadden jullie contact?"))
    note = forms.CharField(
        label=_("Korte notitie"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Een paar regels is genoeg. Schrijf geen gezondheidsgegevens of diagnoses op."),
    )

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return day


class CloseForm(forms.Form):
    outcome = radios(
        [(value, label) for value, label in Outcome.choices if value != Outcome.HANDED_OVER],
        _("Hoe is het afgelopen?"),
    )


class HandoverForm(forms.Form):
    note = forms.CharField(
        label=_("Waarom wil je de ouder overdragen?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=REQUIRED,
        help_text=_("De coördinator leest dit. Schrijf geen gegevens over het kind."),
    )


class SurveyForm(forms.Form):
    helpful = radios(Answer.choices, _("Had je iets aan de hulp?"))
    would_recommend = radios(Answer.choices, _("Zou je een buddy aanraden aan andere ouders?"))
    improve = forms.CharField(
        label=_("Wat kan beter?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Niet verplicht. Noem geen namen."),
    )


class ProposeForm(forms.Form):
    buddy = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de nieuwe buddy"),
        error_messages={"required": _("Vul een e-mailadres in."), "invalid": _("Vul een geldig e-mailadres in.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class BuddyProfileForm(forms.ModelForm):
    needs = checkboxes(Need.choices, _("Met wat kinderen nodig hebben heb je ervaring?"), required=False)
    school_types = checkboxes(SchoolType.choices, _("Welke schoolsoorten ken je?"), required=False)
    procedures = checkboxes(Procedure.choices, _("Wat heb je zelf meegemaakt?"), required=False)
    languages = checkboxes(Language.choices, _("Welke talen spreek je?"))
    channels = checkboxes(Channel.choices, _("Hoe kun je contact hebben?"))
    pc4 = forms.CharField(
        label=_("Postcode waar je woont (4 cijfers)"),
        required=False,
        max_length=4,
        help_text=_("Alleen de cijfers. Zo kan de coördinator iemand dichtbij kiezen."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = BuddyProfile
        fields = [
            "needs",
            "school_types",
            "procedures",
            "languages",
            "channels",
            "capacity",
            "availability",
            "introduction",
        ]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "introduction": _("Dit ziet een ouder als jullie gekoppeld zijn. Vertel kort wie je bent."),
            "availability": _("Bijvoorbeeld: doordeweeks na 19 uur."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.home_area_id:
            self.initial["pc4"] = self.instance.home_area_id

    def clean_pc4(self) -> PostcodeArea | None:
        value = self.cleaned_data["pc4"].strip()
        if not value:
            return None
        area = PostcodeArea.objects.filter(pc4=value).first()
        if area is None:
            raise forms.ValidationError(_("Deze postcode kennen we niet. Vul vier cijfers in, bijvoorbeeld 3511."))
        return area

    def clean_capacity(self) -> int:
        capacity = self.cleaned_data["capacity"]
        if capacity < self.instance.active_matches:
            raise forms.ValidationError(
                _("Je helpt nu %(count)d ouders. Kies minstens dat aantal.") % {"count": self.instance.active_matches}
            )
        return capacity

    def save(self, commit: bool = True) -> BuddyProfile:
        self.instance.home_area = self.cleaned_data["pc4"]
        return super().save(commit=commit)


class ScreeningForm(forms.ModelForm):
    status = radios(BuddyStatus.choices, _("Status"))

    class Meta:
        model = BuddyProfile
        fields = ["training_completed_on", "agreement_signed_on", "vog_issued_on", "status", "capacity"]
        widgets = {
            name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            for name in ("training_completed_on", "agreement_signed_on", "vog_issued_on")
        }

    clean_capacity = BuddyProfileForm.clean_capacity

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        for name in ("training_completed_on", "agreement_signed_on", "vog_issued_on"):
            if data.get(name) and data[name] > today:
                self.add_error(name, _("De datum ligt in de toekomst."))
        return data


class MatchingSettingsForm(forms.ModelForm):
    class Meta:
        model = MatchingSettings
        fields = [
            *MatchingSettings.WEIGHT_FIELDS,
            "proposal_days",
            "early_weeks",
            "early_interval_days",
            "later_interval_days",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in MatchingSettings.WEIGHT_FIELDS:
            self.fields[name].widget.attrs.update(min=0, max=10)
            self.fields[name].help_text = _("0 (telt niet mee) tot 10 (telt zwaar).")
