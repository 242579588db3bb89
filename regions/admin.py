from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from ouderplatform.admin_site import SuperuserOnlyAdmin, SupportPointScopedAdmin
from regions.models import (
    Experience,
    Facility,
    Feedback,
    Meeting,
    Need,
    Partnership,
    PostcodeArea,
    ProfileExpertise,
    ProfileNeed,
    Registration,
    School,
    StaffRole,
    SupportOffer,
    SupportPoint,
    SupportProfile,
)
from regions.services import waiting_list_promote


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


@admin.register(School)
class SchoolAdmin(SupportPointScopedAdmin):
    """Schools come from DUO: coordinators look them up (for profiles), only superusers change them."""

    support_point_field = "partnership__support_points"
    coordinator_can_add = False
    coordinator_can_delete = False
    list_display = ["name", "code", "kind", "place", "partnership", "closed_on"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "place"]
    list_select_related = ["partnership"]
    raw_id_fields = ["partnership"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # closed, never deleted: profiles and experiences hang on schools


class ProfileNeedInline(admin.TabularInline):
    model = ProfileNeed
    extra = 0


class ProfileExpertiseInline(admin.TabularInline):
    model = ProfileExpertise
    extra = 0


@admin.register(SupportProfile)
class SupportProfileAdmin(SupportPointScopedAdmin):
    support_point_field = "school__partnership__support_points"
    list_display = ["school", "verified_on", "is_demo"]
    search_fields = ["school__name", "school__code"]
    list_select_related = ["school"]
    autocomplete_fields = ["school"]
    filter_horizontal = ["facilities"]
    readonly_fields = ["verified_by", "updated_at"]
    inlines = [ProfileNeedInline, ProfileExpertiseInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # A profile belongs to its school for good; on change the school is shown, not offered as a choice.
        return [*self.readonly_fields, "school"] if obj is not None else list(self.readonly_fields)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "school" and not request.user.is_superuser:
            kwargs["queryset"] = School.objects.coordinated_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "arrangements" and field is not None:
            # Django adds a hidden "initial" copy for a callable default, with aria-describedby, which is invalid
            # HTML; the admin does not need it to see whether the list changed.
            field.show_hidden_initial = False
        return field

    def save_model(self, request: HttpRequest, obj: SupportProfile, form: Any, change: bool) -> None:
        if "verified_on" in form.changed_data:
            obj.verified_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


class SupportOfferForm(forms.ModelForm):
    class Meta:
        model = SupportOffer
        fields = [
            "support_point",
            "title",
            "kind",
            "summary",
            "audience",
            "access",
            "contact",
            "website",
            "needs",
            "is_demo",
        ]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None and not user.is_superuser:
            self.fields["support_point"].required = True  # national offers are kept by the national team


@admin.register(SupportOffer)
class SupportOfferAdmin(SupportPointScopedAdmin):
    form = SupportOfferForm
    list_display = ["title", "kind", "support_point", "is_demo"]
    list_filter = ["kind"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["needs"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class ScopedForm(form):  # type: ignore[misc, valid-type]
            def __init__(self, *args: Any, **inner: Any) -> None:
                super().__init__(*args, user=user, **inner)

        return ScopedForm


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["name", "email", "status", "created_at"]
    readonly_fields = ["name", "email", "status", "created_at"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Meeting)
class MeetingAdmin(SupportPointScopedAdmin):
    list_display = ["title", "starts_at", "support_point", "capacity"]
    list_filter = ["kind"]
    search_fields = ["title"]
    inlines = [RegistrationInline]

    def save_model(self, request: HttpRequest, obj: Meeting, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "capacity" in form.changed_data:
            waiting_list_promote(meeting_id=obj.pk)  # more places: the waiting list goes first


@admin.register(Feedback)
class FeedbackAdmin(SupportPointScopedAdmin):
    """'Je zei, wij deden': the coordinator writes what was done; message and response then show on the site.

    The message stays editable so that a coordinator can take out names or other personal details before publishing.
    """

    list_display = ["__str__", "support_point", "created_at", "responded_at"]
    list_filter = [("responded_at", admin.EmptyFieldListFilter)]
    fields = ["support_point", "message", "response", "responded_by", "responded_at", "is_demo"]
    readonly_fields = ["responded_by", "responded_at"]
    coordinator_can_add = False

    def save_model(self, request: HttpRequest, obj: Feedback, form: Any, change: bool) -> None:
        if "response" in form.changed_data and obj.response:
            obj.respond(by=request.user, response=obj.response)
        super().save_model(request, obj, form, change)


@admin.register(Experience)
class ExperienceAdmin(SupportPointScopedAdmin):
    """Moderation happens on the front end; the admin lists the region's experiences for an overview."""

    support_point_field = "school__partnership__support_points"
    coordinator_can_add = False
    list_display = ["school", "school_year", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["school"]
    search_fields = ["school__name"]
    exclude = ["author"]
    readonly_fields = ["school", "flags", "moderated_by", "moderated_at"]


for taxonomy in (Need, Facility, StaffRole):
    admin.site.register(taxonomy, SuperuserOnlyAdmin)
