from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backoffice.business_time import BusinessCalendar
from backoffice.choices import (
    NEEDS,
    EventAction,
    HandlerRole,
    MessageKind,
    Resolution,
    SchoolType,
    Status,
    Tier,
    Urgency,
)

# SLA budgets in working hours (a working day is 8 hours), per urgency.
SLA_HOURS: dict[str, tuple[int, int]] = {
    Urgency.URGENT: (8, 40),
    Urgency.NORMAL: (24, 80),
}
SLA_LABELS: dict[str, Any] = {
    "breached": _("verlopen"),
    "at_risk": _("bijna verlopen"),
    "paused": _("in de wacht"),
    "done": _("afgerond"),
    "ok": _("op tijd"),
}
# Within this many working hours (half a working day) of a deadline an escalation is "at risk". Stored per escalation
# as `next_warn_at` when its deadline is set, so the queue filters on a plain column.
AT_RISK_WORKING_HOURS = 4
MAX_PRIORITY = 3


SLA_STATE_FIELDS = (
    "resolved_at",
    "held_since",
    "first_response_breached_at",
    "resolution_breached_at",
    "next_due_at",
    "next_warn_at",
)


def sla_state_of(fields: Mapping[str, Any], now: dt.datetime) -> str:
    """The SLA state of an escalation from its SLA_STATE_FIELDS (a model's fields or a `.values()` row)."""
    if fields["resolved_at"] is not None:
        return "done"
    if fields["held_since"] is not None:
        return "paused"
    due, warn = fields["next_due_at"], fields["next_warn_at"]
    breached = fields["first_response_breached_at"] is not None or fields["resolution_breached_at"] is not None
    if breached or (due and due <= now):
        return "breached"
    if warn and warn <= now:
        return "at_risk"
    return "ok"


class BusinessHoliday(models.Model):
    """A day on which the back office does not work; SLA timers skip it."""

    date = models.DateField(_("datum"), unique=True)
    name = models.CharField(_("naam"), max_length=80)

    class Meta:
        verbose_name = _("feestdag")
        verbose_name_plural = _("feestdagen")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"


class QuestionQuerySet(models.QuerySet["Question"]):
    def asked_by(self, user: Any) -> QuestionQuerySet:
        """The questions a signed-in parent asked."""
        return self.filter(asker=user) if user.is_authenticated else self.none()

    def handled_by(self, user: Any) -> QuestionQuerySet:
        """What a staff member may open: coordinators their support points, buddies what they were given,
        professionals every escalated question."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        scope = Q(pk__in=[])
        coordinated = user.support_point_ids("coordinator")
        if coordinated:
            scope |= Q(support_point_id__in=coordinated)
        if user.support_point_ids("buddy"):
            scope |= Q(regional_handler=user)
        if user.is_professional:
            scope |= Q(escalation__isnull=False)
        return self.filter(scope)


class Question(models.Model):
    """A parent's question to their support point; escalated to the national back office when needed."""

    support_point = models.ForeignKey(
        "regions.SupportPoint", on_delete=models.PROTECT, related_name="questions", verbose_name=_("steunpunt")
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("ouder"),
    )
    guest_email = models.EmailField(_("e-mailadres (gast)"), blank=True)
    subject = models.CharField(_("onderwerp"), max_length=120)
    body = models.TextField(_("vraag"))
    tier = models.PositiveSmallIntegerField(_("onderwerp"), choices=Tier.choices)
    needs = ArrayField(
        models.CharField(max_length=20, choices=NEEDS),
        default=list,
        blank=True,
        verbose_name=_("wat het kind nodig heeft"),
    )
    school_type = models.CharField(_("soort school"), max_length=3, choices=SchoolType.choices, blank=True)
    child_at_home = models.BooleanField(_("kind zit thuis"), default=False)
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    consent_buddy = models.BooleanField(_("buddy mag meelezen"), default=False)
    consent_backoffice = models.BooleanField(_("landelijke professionals mogen meelezen"), default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    regional_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="regional_questions",
        verbose_name=_("behandelaar steunpunt"),
    )
    regional_handler_role = models.CharField(max_length=12, choices=HandlerRole.choices, blank=True)
    created_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    first_response_at = models.DateTimeField(_("eerste antwoord"), null=True, blank=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # Durations in working time on the business calendar, fixed when the event happens: the signals take medians of
    # them in SQL without replaying the calendar for every question.
    first_response_working_seconds = models.PositiveIntegerField(null=True, blank=True)
    closed_working_seconds = models.PositiveIntegerField(null=True, blank=True)
    resolution = models.CharField(_("afloop"), max_length=20, choices=Resolution.choices, blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("tevredenheid"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(asker__isnull=False) | ~Q(guest_email="") | Q(anonymised_at__isnull=False),
                name="question_has_asker_or_guest",
            ),
            models.CheckConstraint(condition=Q(tier__gte=1, tier__lte=5), name="question_tier_1_to_5"),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="question_satisfaction_1_to_5",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.CLOSED) | Q(closed_at__isnull=False), name="question_closed_has_time"
            ),
        ]
        indexes = [
            models.Index(fields=["support_point", "created_at"]),
            models.Index(fields=["asker", "created_at"]),
            models.Index(fields=["regional_handler", "status"]),
            models.Index(fields=["closed_at"], condition=Q(anonymised_at__isnull=True), name="question_retention"),
            # The queue's filters on need and topic: without these, a filtered queue reads every question.
            GinIndex(fields=["needs"], name="question_needs"),
            models.Index(fields=["tier"], name="question_tier"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    def get_absolute_url(self) -> str:
        return reverse("backoffice:mine_detail", kwargs={"pk": self.pk})

    def get_case_url(self) -> str:
        return reverse("backoffice:case", kwargs={"pk": self.pk})

    @property
    def contact_email(self) -> str:
        return self.asker.email if self.asker_id and self.asker else self.guest_email

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    @property
    def is_escalated(self) -> bool:
        return hasattr(self, "escalation")

    @property
    def handler_label(self) -> str:
        """Who handles the question, as the parent sees it: role and first name, or an empty string."""
        try:
            assignee = self.escalation.assignee
        except ObjectDoesNotExist:
            assignee = None
        if assignee is not None:
            return f"{HandlerRole.PROFESSIONAL.label} {assignee.get_short_name()}"
        if self.regional_handler is not None:
            role = HandlerRole(self.regional_handler_role or HandlerRole.COORDINATOR).label
            return f"{role} {self.regional_handler.get_short_name()}"
        return ""

    def need_labels(self) -> list[str]:
        labels = dict(NEEDS)
        return [str(labels.get(need, need)) for need in self.needs]


class EscalationQuerySet(models.QuerySet["Escalation"]):
    def open(self) -> EscalationQuerySet:
        return self.filter(resolved_at__isnull=True)

    def for_queue(self) -> EscalationQuerySet:
        """Unassigned first, then the highest priority, then the nearest deadline."""
        return self.select_related("question__support_point", "assignee").order_by(
            models.F("assignee_id").asc(nulls_first=True), "-priority", "next_due_at", "pk"
        )


class Escalation(models.Model):
    """A question passed to the national back office, with its SLA timers (in working time)."""

    question = models.OneToOneField(Question, on_delete=models.CASCADE, related_name="escalation")
    reason = models.TextField(_("reden"))
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("door")
    )
    created_at = models.DateTimeField(_("doorgezet op"), default=timezone.now)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="escalations",
        verbose_name=_("professional"),
    )
    claimed_at = models.DateTimeField(_("opgepakt op"), null=True, blank=True)
    priority = models.PositiveSmallIntegerField(_("prioriteit"), default=0)
    first_response_due = models.DateTimeField(_("eerste reactie uiterlijk"))
    resolution_due = models.DateTimeField(_("afgerond uiterlijk"))
    # The deadline that matters now (first response, then resolution); the queue sorts on it.
    next_due_at = models.DateTimeField(null=True, blank=True)
    # When `next_due_at` comes within AT_RISK_WORKING_HOURS of working time ("at risk" from then on).
    next_warn_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(_("eerste reactie"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    first_response_breached_at = models.DateTimeField(null=True, blank=True)
    resolution_breached_at = models.DateTimeField(null=True, blank=True)
    held_since = models.DateTimeField(_("in de wacht sinds"), null=True, blank=True)
    hold_reason = models.CharField(_("reden wachtstand"), max_length=200, blank=True)

    objects = EscalationQuerySet.as_manager()

    class Meta:
        verbose_name = _("doorzetting")
        verbose_name_plural = _("doorzettingen")
        constraints = [
            models.CheckConstraint(condition=Q(priority__lte=MAX_PRIORITY), name="escalation_priority_max"),
            models.CheckConstraint(
                condition=Q(assignee__isnull=True) | Q(claimed_at__isnull=False), name="escalation_claim_has_time"
            ),
        ]
        indexes = [
            # "Take next": the open, unassigned escalations in queue order.
            models.Index(
                models.F("priority").desc(),
                "next_due_at",
                "id",
                name="escalation_take_next",
                condition=Q(assignee__isnull=True, resolved_at__isnull=True),
            ),
            # The queue page's default order over the open escalations: the first page is an index walk.
            models.Index(
                models.F("assignee").asc(nulls_first=True),
                models.F("priority").desc(),
                "next_due_at",
                "id",
                name="escalation_queue_order",
                condition=Q(resolved_at__isnull=True),
            ),
            models.Index(fields=["assignee", "resolved_at"]),
            models.Index(fields=["next_due_at"], condition=Q(resolved_at__isnull=True), name="escalation_open_due"),
        ]

    def __str__(self) -> str:
        return f"{self.question}"

    @property
    def is_held(self) -> bool:
        return self.held_since is not None

    def refresh_next_due(self, calendar: BusinessCalendar) -> None:
        """Point `next_due_at` (and its warning moment) at the deadline that matters now."""
        if self.resolved_at is not None:
            self.next_due_at = None
        elif self.first_response_at is None:
            self.next_due_at = self.first_response_due
        else:
            self.next_due_at = self.resolution_due
        self.next_warn_at = (
            calendar.subtract_working_seconds(self.next_due_at, AT_RISK_WORKING_HOURS * 3600)
            if self.next_due_at
            else None
        )

    @property
    def is_breached(self) -> bool:
        return self.first_response_breached_at is not None or self.resolution_breached_at is not None

    def sla_state(self, now: dt.datetime | None = None) -> str:
        """ "paused", "breached", "at_risk", "ok" or "done" — the same buckets as the queue filter."""
        # Through the attributes, not __dict__: a deferred field is loaded instead of missing.
        fields = {name: getattr(self, name) for name in SLA_STATE_FIELDS}
        return sla_state_of(fields, now or timezone.now())


class Message(models.Model):
    """A public reply (parent ↔ staff) or an internal note (staff only) on a question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("soort"), max_length=10, choices=MessageKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The role the author wrote in (a coordinator may also be a parent); shown to parents with the first name.
    author_role = models.CharField(max_length=12, choices=HandlerRole.choices)
    body = models.TextField(_("bericht"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Event(models.Model):
    """One change to a question: who, when, what, before → after. The only audit log of this app."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=EventAction.choices)
    before = models.CharField(max_length=200, blank=True)
    after = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "created_at"])]

    def __str__(self) -> str:
        return f"{self.action}: {self.before} → {self.after}"


class CannedResponse(models.Model):
    """A reusable answer for a topic tier, maintained by the professionals."""

    tier = models.PositiveSmallIntegerField(_("onderwerp"), choices=Tier.choices)
    title = models.CharField(_("titel"), max_length=120)
    body = models.TextField(_("tekst"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("standaardantwoord")
        verbose_name_plural = _("standaardantwoorden")
        ordering = ["tier", "title"]
        constraints = [models.UniqueConstraint(fields=["tier", "title"], name="canned_response_unique_title")]

    def __str__(self) -> str:
        return self.title


class SavedFilter(models.Model):
    """A professional's named queue filter (the query string of the queue page)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_queue_filters")
    name = models.CharField(_("naam"), max_length=60)
    query = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"], name="saved_filter_unique_name")]

    def __str__(self) -> str:
        return self.name


class DraftArticleProposal(models.Model):
    """A draft knowledge-base article made from an answered question.

    Stands in for the knowledge base's own draft until that app is merged; `article_id` then links the real draft.
    """

    question = models.ForeignKey(Question, on_delete=models.SET_NULL, null=True, related_name="article_proposals")
    tier = models.PositiveSmallIntegerField(_("onderwerp"), choices=Tier.choices)
    title = models.CharField(_("titel"), max_length=200)
    body = models.TextField(_("tekst"))
    flagged = ArrayField(models.CharField(max_length=200), default=list, blank=True, verbose_name=_("te verwijderen"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    article_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("voorstel kennisbankartikel")
        verbose_name_plural = _("voorstellen kennisbankartikel")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title
