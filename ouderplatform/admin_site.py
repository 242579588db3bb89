"""The Django admin as coordinators use it: in Dutch, scoped to their own support points."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class PortalAdminSite(admin.AdminSite):
    site_header = _("Ouderplatform – beheer")
    site_title = _("Ouderplatform beheer")
    index_title = _("Beheer van je steunpunt")

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        return bool(user.is_active and user.is_authenticated and (user.is_superuser or user.is_coordinator))


class SuperuserOnlyAdmin(admin.ModelAdmin):
    """Reference data and accounts: only superusers see these."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser


class SupportPointScopedAdmin(admin.ModelAdmin):
    """Objects that belong to a support point: coordinators see and edit only those of their own support points.

    `support_point_field` is the lookup path from the model to its SupportPoint ("pk" for SupportPoint itself).
    Out-of-scope objects are not in the queryset, so guessing another region's URL finds nothing.
    """

    support_point_field = "support_point"
    coordinator_can_add = True
    coordinator_can_delete = True

    def _coordinator(self, request: HttpRequest) -> bool:
        user: Any = request.user
        return user.is_authenticated and user.is_coordinator

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        user: Any = request.user
        if user.is_superuser:
            return qs
        ids = user.support_point_ids("coordinator")
        return qs.filter(**{f"{self.support_point_field}__in": ids}).distinct()

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or self._coordinator(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser or self._coordinator(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser or self._coordinator(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser or (self.coordinator_can_add and self._coordinator(request))

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_superuser or (self.coordinator_can_delete and self._coordinator(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        from regions.models import SupportPoint

        user: Any = request.user
        if db_field.related_model is SupportPoint and not user.is_superuser:
            kwargs["queryset"] = SupportPoint.objects.coordinated_by(user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
