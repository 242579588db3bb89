from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ouderplatform.admin_site import SuperuserOnlyAdmin, SupportPointScopedAdmin
from regions.models import Partnership, PostcodeArea, SupportPoint


@admin.register(SupportPoint)
class SupportPointAdmin(SupportPointScopedAdmin):
    support_point_field = "pk"
    coordinator_can_add = False
    coordinator_can_delete = False
    list_display = ["name", "email", "phone", "is_demo"]
    search_fields = ["name", "slug"]
    filter_horizontal = ["partnerships"]

    def get_prepopulated_fields(self, request: HttpRequest, obj: Any = None) -> dict[str, list[str]]:
        return {"slug": ["name"]} if request.user.is_superuser else {}

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Which partnerships a support point covers is decided nationally, not by the coordinator.
        return [] if request.user.is_superuser else ["slug", "partnerships", "is_demo"]


@admin.register(Partnership)
class PartnershipAdmin(SupportPointScopedAdmin):
    support_point_field = "support_points"
    coordinator_can_add = False
    coordinator_can_delete = False
    list_display = ["code", "display_name", "sector"]
    list_filter = ["sector"]
    search_fields = ["code", "name"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [] if request.user.is_superuser else ["code", "sector", "municipalities"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(SuperuserOnlyAdmin):
    list_display = ["pc4", "place", "municipality", "po_partnership", "vo_partnership"]
    search_fields = ["pc4", "place", "municipality"]
    list_select_related = ["po_partnership", "vo_partnership"]
    raw_id_fields = ["po_partnership", "vo_partnership"]
