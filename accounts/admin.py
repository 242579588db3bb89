from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import AccessLog, Membership, User
from ouderplatform.admin_site import SuperuserOnlyAdmin


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(SuperuserOnlyAdmin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "is_professional", "is_superuser", "is_active"]
    search_fields = ["email", "first_name"]
    list_filter = ["is_professional", "is_superuser", "is_active"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password", "first_name")}),
        (_("Rollen"), {"fields": ("is_active", "is_professional", "is_staff", "is_superuser")}),
        (_("Datums"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(AccessLog)
class AccessLogAdmin(SuperuserOnlyAdmin):
    list_display = ["created_at", "actor", "action", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    readonly_fields = ["actor", "action", "object_type", "object_id", "path", "created_at"]

    def has_add_permission(self, request: object) -> bool:
        return False
