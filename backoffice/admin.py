from __future__ import annotations

from django.contrib import admin

from backoffice.models import BusinessHoliday, CannedResponse, DraftArticleProposal
from ouderplatform.admin_site import SuperuserOnlyAdmin


@admin.register(BusinessHoliday)
class BusinessHolidayAdmin(SuperuserOnlyAdmin):
    """The business calendar of the SLA timers: national holidays are seeded for 2025–2028; add later years here."""

    list_display = ["date", "name"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(CannedResponse)
class CannedResponseAdmin(SuperuserOnlyAdmin):
    list_display = ["title", "tier", "updated_at"]
    list_filter = ["tier"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(DraftArticleProposal)
class DraftArticleProposalAdmin(SuperuserOnlyAdmin):
    list_display = ["title", "tier", "created_at", "article_id"]
    list_filter = ["tier"]
    raw_id_fields = ["question"]
    readonly_fields = ["created_by", "created_at"]
