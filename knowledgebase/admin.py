from __future__ import annotations

from django.contrib import admin

from knowledgebase.models import Article, GlossaryTerm, RegionalSupplement, SynonymGroup, Topic
from ouderplatform.admin_site import SuperuserOnlyAdmin


@admin.register(Topic)
class TopicAdmin(SuperuserOnlyAdmin):
    list_display = ["name", "tier", "position"]
    list_filter = ["tier"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SuperuserOnlyAdmin):
    list_display = ["term", "slug", "explanation"]
    search_fields = ["term", "slug"]


@admin.register(SynonymGroup)
class SynonymGroupAdmin(SuperuserOnlyAdmin):
    list_display = ["__str__", "updated_at"]


@admin.register(Article)
class ArticleAdmin(SuperuserOnlyAdmin):
    # Editing goes through the editors' pages (revisions, reading level); the admin only looks.
    list_display = ["title", "slug", "language", "status", "readability", "review_due"]
    list_filter = ["status", "language", "topic__tier"]
    search_fields = ["title", "slug"]
    readonly_fields = [f.name for f in Article._meta.concrete_fields if f.name != "id"]

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(RegionalSupplement)
class RegionalSupplementAdmin(SuperuserOnlyAdmin):
    list_display = ["article_slug", "support_point", "updated_at"]
