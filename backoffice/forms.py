from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from backoffice.choices import NEEDS, Resolution, SchoolType, Tier, Urgency
from backoffice.models import CannedResponse, Escalation
from regions.models import SupportPoint

TEXT_LIMIT = 5000


class AskForm(forms.Form):
    subject = forms.CharField(
        label=_("Waar gaat je vraag over?"),
        max_length=120,
        help_text=_("Een korte zin, bijvoorbeeld: School zegt dat mijn zoon niet meer kan blijven."),
        error_messages={"required": _("Schrijf in een korte zin waar je vraag over gaat.")},
    )
    body = forms.CharField(
        label=_("Je vraag"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Noem geen namen of diagnoses. Vertel wat er gebeurt en wat je wilt weten."),
        error_messages={"required": _("Schrijf je vraag op.")},
    )
    tier = forms.TypedChoiceField(
        label=_("Onderwerp"),
        choices=Tier.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een onderwerp.")},
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat heeft je kind nodig?"),
        choices=NEEDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wat past. Dit is niet verplicht."),
    )
    school_type = forms.ChoiceField(label=_("Soort school"), choices=SchoolType.choices, required=False)
    child_at_home = forms.BooleanField(
        label=_("Mijn kind zit nu thuis en gaat niet naar school"),
        required=False,
        help_text=_("Dan pakken we je vraag met voorrang op."),
    )
    consent_buddy = forms.BooleanField(
        label=_("Een buddy van het steunpunt mag mijn vraag lezen en beantwoorden"),
        required=False,
        help_text=_("Een buddy is een ervaren ouder die vrijwilliger is bij het steunpunt."),
    )
    consent_backoffice = forms.BooleanField(
        label=_("Als het steunpunt hulp nodig heeft, mogen landelijke professionals mijn vraag lezen"),
        required=False,
    )
    guest_email = forms.EmailField(
        label=_("Je e-mailadres"),
        required=False,
        help_text=_("Je krijgt een link waarmee je je vraag kunt volgen. Je hebt geen account nodig."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")},
    )

    def __init__(self, *args: Any, guest: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guest = guest
        if guest:
            self.fields["guest_email"].required = True
            self.fields["guest_email"].error_messages["required"] = _("Vul je e-mailadres in.")
        else:
            del self.fields["guest_email"]

    def clean_needs(self) -> list[str]:
        return list(self.cleaned_data["needs"])


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Je reactie"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Schrijf een reactie.")},
    )


class StaffMessageForm(forms.Form):
    KIND_CHOICES = [("reply", _("Bericht aan de ouder")), ("note", _("Interne notitie (alleen medewerkers)"))]

    kind = forms.ChoiceField(label=_("Soort"), choices=KIND_CHOICES, initial="reply", widget=forms.RadioSelect)
    body = forms.CharField(
        label=_("Tekst"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf een tekst.")},
    )


class EscalateForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom zet je de vraag door?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom je de vraag doorzet.")},
    )
    urgency = forms.ChoiceField(label=_("Urgentie"), choices=Urgency.choices, widget=forms.RadioSelect)


class AssignRegionalForm(forms.Form):
    handler = forms.ModelChoiceField(
        label=_("Wie behandelt de vraag?"),
        queryset=User.objects.none(),
        empty_label=_("Kies een persoon"),
        error_messages={"required": _("Kies een persoon."), "invalid_choice": _("Kies een persoon uit de lijst.")},
    )

    def __init__(self, *args: Any, support_point_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = (
            User.objects.filter(
                memberships__support_point_id=support_point_id, memberships__role__in=[Role.BUDDY, Role.COORDINATOR]
            )
            .distinct()
            .order_by("first_name", "email")
        )
        self.fields["handler"].label_from_instance = lambda user: user.get_short_name()


class ReassignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Geef aan professional"),
        queryset=User.objects.filter(is_professional=True, is_active=True).order_by("first_name", "email"),
        empty_label=_("Kies een professional"),
        error_messages={
            "required": _("Kies een professional."),
            "invalid_choice": _("Kies een professional uit de lijst."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].label_from_instance = lambda user: user.get_short_name()


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=200,
        help_text=_("Bijvoorbeeld: wacht op het OPP van school."),
        error_messages={"required": _("Schrijf waarom de vraag in de wacht gaat.")},
    )


class CloseForm(forms.Form):
    resolution = forms.ChoiceField(
        label=_("Afloop"), choices=Resolution.choices, error_messages={"required": _("Kies de afloop.")}
    )


class SurveyForm(forms.Form):
    SCORES = [
        (5, _("Heel tevreden")),
        (4, _("Tevreden")),
        (3, _("Neutraal")),
        (2, _("Ontevreden")),
        (1, _("Heel ontevreden")),
    ]
    score = forms.TypedChoiceField(
        label=_("Hoe tevreden ben je over de hulp bij je vraag?"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een antwoord.")},
    )


class CannedResponseForm(forms.ModelForm):
    class Meta:
        model = CannedResponse
        fields = ["tier", "title", "body"]
        error_messages = {
            "title": {"required": _("Geef een titel.")},
            "body": {"required": _("Schrijf de tekst.")},
        }


class SavedFilterForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van dit filter"), max_length=60, error_messages={"required": _("Geef een naam.")}
    )
    query = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)


SLA_STATES = [
    ("breached", _("Termijn verlopen")),
    ("at_risk", _("Termijn bijna verlopen")),
    ("ok", _("Op tijd")),
    ("paused", _("In de wacht")),
]


class QueueFilter(django_filters.FilterSet):
    """The professionals' queue filters; every choice is a plain GET parameter, so a saved filter is a query string."""

    support_point = django_filters.ModelChoiceFilter(
        field_name="question__support_point",
        label=_("Steunpunt"),
        queryset=SupportPoint.objects.order_by("name"),
        empty_label=_("Alle steunpunten"),
    )
    tier = django_filters.ChoiceFilter(
        field_name="question__tier",
        label=_("Onderwerp"),
        choices=[(str(value), label) for value, label in Tier.choices],
        empty_label=_("Alle onderwerpen"),
    )
    needs = django_filters.MultipleChoiceFilter(
        label=_("Wat het kind nodig heeft"), choices=NEEDS, method="filter_needs", widget=forms.CheckboxSelectMultiple
    )
    urgency = django_filters.ChoiceFilter(label=_("Urgentie"), choices=Urgency.choices, empty_label=_("Alle"))
    sla = django_filters.ChoiceFilter(
        label=_("Termijn"), choices=SLA_STATES, method="filter_sla", empty_label=_("Alle")
    )
    mine = django_filters.BooleanFilter(
        label=_("Alleen vragen die ik behandel"), method="filter_mine", widget=forms.CheckboxInput
    )
    closed = django_filters.BooleanFilter(
        label=_("Ook afgeronde vragen"), method="filter_closed", widget=forms.CheckboxInput
    )

    class Meta:
        model = Escalation
        fields: list[str] = []

    def filter_needs(self, queryset: QuerySet[Escalation], name: str, value: list[str]) -> QuerySet[Escalation]:
        return queryset.filter(question__needs__overlap=value) if value else queryset

    def filter_sla(self, queryset: QuerySet[Escalation], name: str, value: str) -> QuerySet[Escalation]:
        now = timezone.now()
        breached = (
            Q(first_response_breached_at__isnull=False)
            | Q(resolution_breached_at__isnull=False)
            | Q(next_due_at__lte=now)
        )
        running = Q(held_since__isnull=True, resolved_at__isnull=True)
        states = {
            "paused": Q(held_since__isnull=False),
            "breached": running & breached,
            # next_warn_at lies AT_RISK_WORKING_HOURS of working time before the deadline (set with the deadline).
            "at_risk": running & ~breached & Q(next_warn_at__lte=now),
            "ok": running & ~breached & Q(next_warn_at__gt=now),
        }
        return queryset.filter(states[value]) if value in states else queryset

    def filter_mine(self, queryset: QuerySet[Escalation], name: str, value: bool) -> QuerySet[Escalation]:
        return queryset.filter(assignee=self.request.user) if value else queryset

    def filter_closed(self, queryset: QuerySet[Escalation], name: str, value: bool) -> QuerySet[Escalation]:
        return queryset if value else queryset.filter(resolved_at__isnull=True)
