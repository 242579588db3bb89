"""Volunteer buddies, parents' help requests, matches between them, and the caseload around a match."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from buddies.taxonomy import Channel, HelpKind, Language, Need, Procedure, SchoolType
from regions.models import Sector

# A VOG and the screening around it are renewed yearly; warnings go out this many days before.
SCREENING_VALID_DAYS = 365
SCREENING_WARNING_DAYS = (60, 30, 7)
# The consent text the parent agreed to; bump the version whenever templates/buddies/consent_text.html changes.
CONSENT_VERSION = "2025-01"


def tag_array(choices: Any, verbose_name: Any) -> ArrayField:
    return ArrayField(
        models.CharField(max_length=20, choices=choices), default=list, blank=True, verbose_name=verbose_name
    )


def labels(values: list[str], choices: Any) -> list[str]:
    names = dict(choices.choices)
    return [str(names.get(value, value)) for value in values]


def weight(verbose_name: Any, default: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose_name, default=default, validators=[MaxValueValidator(10)])


class BuddyStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    PAUSED = "paused", _("Gepauzeerd")
    STOPPED = "stopped", _("Gestopt")


class BuddyProfileQuerySet(models.QuerySet["BuddyProfile"]):
    def at(self, support_point_id: int) -> BuddyProfileQuerySet:
        """Buddies serving this support point (a buddy membership there); one join, so no duplicates."""
        return self.filter(user__memberships__support_point_id=support_point_id, user__memberships__role=Role.BUDDY)

    def screened_on(self, day: datetime.date) -> BuddyProfileQuerySet:
        """Training done, agreement signed and a VOG younger than a year on `day`."""
        return self.filter(
            training_completed_on__isnull=False,
            agreement_signed_on__isnull=False,
            vog_issued_on__gt=day - datetime.timedelta(days=SCREENING_VALID_DAYS),
        )

    def with_room(self) -> BuddyProfileQuerySet:
        return self.filter(active_matches__lt=F("capacity"))

    def coordinated_by(self, user: Any) -> BuddyProfileQuerySet:
        if user.is_superuser:
            return self
        return self.filter(
            user__memberships__support_point_id__in=user.support_point_ids(Role.COORDINATOR),
            user__memberships__role=Role.BUDDY,
        ).distinct()


class BuddyProfile(models.Model):
    """A volunteer's experience, reach and screening. The support points served come from buddy memberships."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_profile")
    needs = tag_array(Need.choices, _("ervaring met wat kinderen nodig hebben"))
    school_types = tag_array(SchoolType.choices, _("ervaring met schoolsoorten"))
    procedures = tag_array(Procedure.choices, _("procedures die je zelf hebt meegemaakt"))
    languages = tag_array(Language.choices, _("talen die je spreekt"))
    channels = tag_array(Channel.choices, _("hoe je contact hebt"))
    home_area = models.ForeignKey(
        "regions.PostcodeArea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("postcode waar je woont (4 cijfers)"),
    )
    capacity = models.PositiveSmallIntegerField(
        _("hoeveel ouders tegelijk"), default=2, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    # Kept by buddies.services under a row lock on this profile; the check constraint is the last line of defence.
    active_matches = models.PositiveSmallIntegerField(_("actieve koppelingen"), default=0, editable=False)
    availability = models.CharField(_("wanneer je kunt"), max_length=200, blank=True)
    introduction = models.TextField(_("korte introductie"), max_length=600, blank=True)
    training_completed_on = models.DateField(_("training gevolgd op"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("vrijwilligersovereenkomst getekend op"), null=True, blank=True)
    vog_issued_on = models.DateField(_("datum van de VOG"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=BuddyStatus.choices, default=BuddyStatus.ACTIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BuddyProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("buddyprofiel")
        verbose_name_plural = _("buddyprofielen")
        constraints = [
            models.CheckConstraint(
                condition=Q(active_matches__lte=F("capacity")), name="buddyprofile_capacity_not_exceeded"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1, capacity__lte=10), name="buddyprofile_capacity_range"),
        ]

    def __str__(self) -> str:
        return self.user.get_short_name()

    @property
    def first_name(self) -> str:
        return self.user.get_short_name()

    @property
    def need_labels(self) -> list[str]:
        return labels(self.needs, Need)

    @property
    def channel_labels(self) -> list[str]:
        return labels(self.channels, Channel)

    @property
    def screening_valid_until(self) -> datetime.date | None:
        """The last day the screening holds, or None when a part is missing."""
        if not (self.training_completed_on and self.agreement_signed_on and self.vog_issued_on):
            return None
        return self.vog_issued_on + datetime.timedelta(days=SCREENING_VALID_DAYS - 1)

    def screening_valid_on(self, day: datetime.date) -> bool:
        until = self.screening_valid_until
        return until is not None and day <= until

    def days_until_screening_expires(self, day: datetime.date) -> int | None:
        until = self.screening_valid_until
        return None if until is None else (until - day).days

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.active_matches, 0)


class MatchingSettings(models.Model):
    """Per support point: how much each matching factor weighs, the answer deadline and the check-in cadence."""

    support_point = models.OneToOneField(
        "regions.SupportPoint", on_delete=models.CASCADE, related_name="matching_settings"
    )
    weight_needs = weight(_("ervaring met dezelfde behoeften"), 5)
    weight_school_type = weight(_("ervaring met dezelfde schoolsoort"), 2)
    weight_procedures = weight(_("ervaring met procedures"), 3)
    weight_language = weight(_("spreekt de taal van de ouder"), 3)
    weight_channel = weight(_("past bij de manier van contact"), 2)
    weight_load = weight(_("heeft nog veel ruimte"), 2)
    weight_distance = weight(_("woont dichtbij"), 1)
    proposal_days = models.PositiveSmallIntegerField(
        _("dagen om te antwoorden op een voorstel"), default=3, validators=[MinValueValidator(1)]
    )
    early_weeks = models.PositiveSmallIntegerField(_("weken met vaker contact aan het begin"), default=8)
    early_interval_days = models.PositiveSmallIntegerField(
        _("dagen tussen contacten aan het begin"), default=7, validators=[MinValueValidator(1)]
    )
    later_interval_days = models.PositiveSmallIntegerField(
        _("dagen tussen contacten daarna"), default=28, validators=[MinValueValidator(1)]
    )

    WEIGHT_FIELDS = (
        "weight_needs",
        "weight_school_type",
        "weight_procedures",
        "weight_language",
        "weight_channel",
        "weight_load",
        "weight_distance",
    )

    class Meta:
        verbose_name = _("instellingen voor koppelen")
        verbose_name_plural = _("instellingen voor koppelen")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    weight_needs__lte=10,
                    weight_school_type__lte=10,
                    weight_procedures__lte=10,
                    weight_language__lte=10,
                    weight_channel__lte=10,
                    weight_load__lte=10,
                    weight_distance__lte=10,
                ),
                name="matchingsettings_weights_0_to_10",
            ),
            models.CheckConstraint(
                condition=Q(proposal_days__gte=1, early_interval_days__gte=1, later_interval_days__gte=1),
                name="matchingsettings_positive_intervals",
            ),
        ]

    def __str__(self) -> str:
        return str(self.support_point)

    @classmethod
    def for_support_point(cls, support_point_id: int) -> MatchingSettings:
        """The saved settings, or the defaults (unsaved) when the coordinator never changed them."""
        found = cls.objects.filter(support_point_id=support_point_id).first()
        return found or cls(support_point_id=support_point_id)

    def check_in_interval(self, *, started_on: datetime.date, day: datetime.date) -> datetime.timedelta:
        early = day < started_on + datetime.timedelta(weeks=self.early_weeks)
        return datetime.timedelta(days=self.early_interval_days if early else self.later_interval_days)


class RequestStatus(models.TextChoices):
    OPEN = "open", _("We zoeken een buddy")
    PROPOSED = "proposed", _("We hebben een buddy gevraagd")
    MATCHED = "matched", _("Je hebt een buddy")
    CLOSED = "closed", _("Afgesloten")


class HelpRequestQuerySet(models.QuerySet["HelpRequest"]):
    def coordinated_by(self, user: Any) -> HelpRequestQuerySet:
        if user.is_superuser:
            return self
        return self.filter(support_point_id__in=user.support_point_ids(Role.COORDINATOR))

    def of_parent(self, user: Any) -> HelpRequestQuerySet:
        return self.filter(parent=user)

    def live(self) -> HelpRequestQuerySet:
        return self.exclude(status=RequestStatus.CLOSED)


class HelpRequest(models.Model):
    """A parent's request for a buddy. Needs are tags chosen by the parent; no child names, no diagnoses."""

    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="help_requests"
    )
    support_point = models.ForeignKey("regions.SupportPoint", on_delete=models.PROTECT, related_name="help_requests")
    area = models.ForeignKey("regions.PostcodeArea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    needs = tag_array(Need.choices, _("wat je kind nodig heeft"))
    sector = models.CharField(_("onderwijs"), max_length=2, choices=Sector.choices)
    school_type = models.CharField(_("soort school"), max_length=10, choices=SchoolType.choices)
    help_kinds = tag_array(HelpKind.choices, _("welke hulp je wilt"))
    procedures = tag_array(Procedure.choices, _("wat er speelt"))
    language = models.CharField(_("taal"), max_length=5, choices=Language.choices, default=Language.DUTCH)
    channel = models.CharField(_("manier van contact"), max_length=10, choices=Channel.choices)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    is_urgent = models.BooleanField(_("mijn kind zit nu thuis"), default=False)
    consent_given_at = models.DateTimeField(_("toestemming gegeven op"))
    consent_version = models.CharField(_("versie van de toestemmingstekst"), max_length=20)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        ordering = ["-is_urgent", "created_at"]
        indexes = [models.Index(fields=["support_point", "status", "created_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(consent_version=""), name="helprequest_consent_recorded"),
            models.CheckConstraint(condition=~Q(needs=[]), name="helprequest_has_needs"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def need_labels(self) -> list[str]:
        return labels(self.needs, Need)

    @property
    def help_kind_labels(self) -> list[str]:
        return labels(self.help_kinds, HelpKind)

    @property
    def procedure_labels(self) -> list[str]:
        return labels(self.procedures, Procedure)

    @property
    def age_days(self) -> int:
        return (timezone.now() - self.created_at).days


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Voorgesteld")
    DECLINED = "declined", _("Afgewezen")
    EXPIRED = "expired", _("Verlopen")
    # The parent withdrew the request before the buddy answered.
    WITHDRAWN = "withdrawn", _("Ingetrokken")
    ACTIVE = "active", _("Actief")
    CLOSED = "closed", _("Afgesloten")


LIVE_MATCH_STATUSES = (MatchStatus.PROPOSED, MatchStatus.ACTIVE)


class DeclineReason(models.TextChoices):
    NO_TIME = "no_time", _("Ik heb nu geen tijd")
    EXPERIENCE = "experience", _("Het past niet bij mijn ervaring")
    DISTANCE = "distance", _("Het is te ver weg")
    PERSONAL = "personal", _("Persoonlijke reden")
    OTHER = "other", _("Iets anders")


class Outcome(models.TextChoices):
    GOAL_REACHED = "goal_reached", _("De ouder kan verder")
    REFERRED = "referred", _("Doorverwezen naar andere hulp")
    PARENT_STOPPED = "parent_stopped", _("De ouder is gestopt")
    NO_CONTACT = "no_contact", _("Geen contact gekregen")
    HANDED_OVER = "handed_over", _("Overgedragen aan een andere buddy")


class MatchQuerySet(models.QuerySet["Match"]):
    def of_buddy(self, user: Any) -> MatchQuerySet:
        return self.filter(buddy__user=user)

    def coordinated_by(self, user: Any) -> MatchQuerySet:
        if user.is_superuser:
            return self
        return self.filter(request__support_point_id__in=user.support_point_ids(Role.COORDINATOR))

    def active(self) -> MatchQuerySet:
        return self.filter(status=MatchStatus.ACTIVE)


class Match(models.Model):
    """A proposal of a buddy for a request; once accepted, the active support until it is closed."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="matches")
    buddy = models.ForeignKey(BuddyProfile, on_delete=models.PROTECT, related_name="matches")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    score = models.PositiveSmallIntegerField(_("score bij het voorstel"), default=0)
    proposed_at = models.DateTimeField(default=timezone.now)
    respond_by = models.DateTimeField(_("antwoord uiterlijk"))
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reden"), max_length=20, choices=DeclineReason.choices, blank=True)
    decline_note = models.CharField(_("toelichting"), max_length=300, blank=True)
    started_on = models.DateField(null=True, blank=True)
    next_check_in_on = models.DateField(_("volgend contact uiterlijk"), null=True, blank=True)
    overdue_reminded_on = models.DateField(null=True, blank=True)
    handover_requested_at = models.DateTimeField(null=True, blank=True)
    handover_note = models.CharField(_("toelichting voor de coördinator"), max_length=300, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices, blank=True)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-proposed_at"]
        indexes = [
            models.Index(fields=["status", "respond_by"]),
            models.Index(fields=["status", "next_check_in_on"]),
        ]
        constraints = [
            # A buddy is asked at most once per request: a decline or an expiry is never asked again.
            models.UniqueConstraint(fields=["request", "buddy"], name="match_buddy_once_per_request"),
            models.UniqueConstraint(
                fields=["request"], condition=Q(status__in=["proposed", "active"]), name="match_one_live_per_request"
            ),
            models.CheckConstraint(
                condition=~Q(status="active") | Q(started_on__isnull=False), name="match_active_has_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} – {self.buddy}"

    def is_overdue(self, today: datetime.date) -> bool:
        return self.status == MatchStatus.ACTIVE and self.next_check_in_on is not None and self.next_check_in_on < today


class ContactLog(models.Model):
    """One contact between buddy and parent: the date, the channel and a few lines. No health details."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="contacts")
    happened_on = models.DateField(_("datum"))
    channel = models.CharField(_("hoe"), max_length=10, choices=Channel.choices)
    note = models.CharField(_("korte notitie"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        ordering = ["-happened_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.match} {self.happened_on}"


class Respondent(models.TextChoices):
    PARENT = "parent", _("Ouder")
    BUDDY = "buddy", _("Buddy")


class Answer(models.TextChoices):
    YES = "yes", _("Ja")
    PARTLY = "partly", _("Een beetje")
    NO = "no", _("Nee")


class ExitSurvey(models.Model):
    """A short evaluation after closing, by the parent or by the buddy; shown only in aggregate."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="surveys")
    respondent = models.CharField(max_length=10, choices=Respondent.choices)
    helpful = models.CharField(_("Was de hulp nuttig?"), max_length=10, choices=Answer.choices)
    would_recommend = models.CharField(_("Zou je het anderen aanraden?"), max_length=10, choices=Answer.choices)
    improve = models.CharField(_("Wat kan beter?"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [models.UniqueConstraint(fields=["match", "respondent"], name="exitsurvey_once_per_side")]

    def __str__(self) -> str:
        return f"{self.match} {self.respondent}"


class BuddyInvitation(models.Model):
    """A coordinator's invitation to become a buddy at their support point; the link carries a signed id."""

    support_point = models.ForeignKey("regions.SupportPoint", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(_("e-mailadres"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return self.email


class ScreeningWarning(models.Model):
    """A sent warning that a screening runs out; the unique row makes the daily job send each warning once."""

    profile = models.ForeignKey(BuddyProfile, on_delete=models.CASCADE, related_name="+")
    vog_issued_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "vog_issued_on", "days_before"], name="screeningwarning_once")
        ]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.days_before}"


class CaseEvent(models.Model):
    """The audit trail of a request: who changed what, from which status to which, and when."""

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="events")
    match = models.ForeignKey(Match, on_delete=models.CASCADE, null=True, blank=True, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=40)
    before = models.CharField(max_length=20, blank=True)
    after = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.before}→{self.after}"
