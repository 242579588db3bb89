"""Buddy matching in the Django admin, for coordinators of their own support points.

The front end owns the workflow (proposing, accepting, closing, surveys), so requests and matches are read-only here,
and they show no more than the coordinator's request page does: no parent name, e-mail or phone, no contact-log text,
no survey answers. Opening one is written to the access log like in the front end. Screening, status and the
matching settings are edited here too; their saves go through buddies.services (row lock, check-in rescheduling).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

from accounts.access import log_access
from buddies import services
from buddies.models import BuddyProfile, HelpRequest, Match, MatchingSettings
from ouderplatform.admin_site import SupportPointScopedAdmin


class ReadOnlyScopedAdmin(SupportPointScopedAdmin):
    """Case data a coordinator may look up but not change here; each opening is written to the access log."""

    coordinator_can_add = False
    coordinator_can_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is not None:
            log_access(actor=request.user, obj=obj, path=request.path)  # type: ignore[arg-type]
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(HelpRequest)
class HelpRequestAdmin(ReadOnlyScopedAdmin):
    list_display = ["__str__", "support_point", "status", "is_urgent", "created_at"]
    list_filter = ["status", "is_urgent"]
    date_hierarchy = "created_at"
    fields = [
        "support_point",
        "status",
        "needs",
        "sector",
        "school_type",
        "help_kinds",
        "procedures",
        "language",
        "channel",
        "is_urgent",
        "consent_given_at",
        "consent_version",
        "created_at",
        "closed_at",
        "anonymised_at",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("support_point")


@admin.register(Match)
class MatchAdmin(ReadOnlyScopedAdmin):
    support_point_field = "request__support_point"
    list_display = ["__str__", "status", "proposed_at", "next_check_in_on", "outcome"]
    list_filter = ["status", "outcome"]
    date_hierarchy = "proposed_at"
    fields = [
        "request",
        "buddy",
        "status",
        "score",
        "proposed_at",
        "respond_by",
        "responded_at",
        "decline_reason",
        "decline_note",
        "started_on",
        "next_check_in_on",
        "handover_requested_at",
        "handover_note",
        "closed_at",
        "outcome",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("request", "buddy__user")


@admin.register(BuddyProfile)
class BuddyProfileAdmin(SupportPointScopedAdmin):
    """Screening and status are the coordinator's; the buddy keeps their own experience and introduction."""

    coordinator_can_add = False  # buddies come in through an invitation
    coordinator_can_delete = False  # matches keep their buddy; set the status to stopped instead
    list_display = ["__str__", "status", "active_matches", "capacity", "vog_issued_on"]
    list_filter = ["status"]
    search_fields = ["user__first_name"]
    fields = [
        "user",
        "status",
        "training_completed_on",
        "agreement_signed_on",
        "vog_issued_on",
        "capacity",
        "active_matches",
        "needs",
        "school_types",
        "procedures",
        "languages",
        "channels",
        "availability",
        "introduction",
    ]
    # Everything but the screening and the status stays the buddy's own.
    readonly_fields = [
        field
        for field in fields
        if field not in ("status", "training_completed_on", "agreement_signed_on", "vog_issued_on")
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        # A buddy membership in one of the coordinator's support points, not any membership of the buddy's user.
        return BuddyProfile.objects.coordinated_by(request.user).select_related("user")

    def save_model(self, request: HttpRequest, obj: BuddyProfile, form: Any, change: bool) -> None:
        services.buddy_profile_save(profile=obj, fields=form.changed_data)


@admin.register(MatchingSettings)
class MatchingSettingsAdmin(SupportPointScopedAdmin):
    coordinator_can_delete = False
    list_display = ["support_point", "proposal_days", "early_weeks", "early_interval_days", "later_interval_days"]

    def save_model(self, request: HttpRequest, obj: MatchingSettings, form: Any, change: bool) -> None:
        moved = services.matching_settings_save(matching_settings=obj, changed_fields=form.changed_data)
        if moved:
            message = ngettext(
                "Het volgende contact van %(count)d koppeling is aangepast aan het nieuwe ritme.",
                "Het volgende contact van %(count)d koppelingen is aangepast aan het nieuwe ritme.",
                moved,
            )
            self.message_user(request, message % {"count": moved})
