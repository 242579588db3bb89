from __future__ import annotations

from django.urls import path

from knowledgebase.views import editorial, guide, public

app_name = "knowledgebase"

urlpatterns = [
    path("", public.index, name="index"),
    path("onderwerp/<slug:slug>/", public.topic_detail, name="topic"),
    path("artikel/<slug:slug>/", public.article_detail, name="article"),
    path("artikel/<slug:slug>/nuttig/", public.article_vote, name="vote"),
    path("zoeken/", public.search_page, name="search"),
    path("suggesties/", public.search_suggestions, name="suggestions"),
    path("begrippen/", public.glossary, name="glossary"),
    path("wat-nu/", guide.route_guide, name="route_guide"),
    path("wat-nu/uitkomst/", guide.route_result, name="route_result"),
    path("redactie/", editorial.dashboard, name="dashboard"),
    path("redactie/artikelen/", editorial.article_list, name="editor_articles"),
    path("redactie/artikelen/nieuw/", editorial.article_new, name="editor_new"),
    path("redactie/artikelen/<int:pk>/", editorial.article_edit, name="editor_article"),
    path("redactie/artikelen/<int:pk>/status/", editorial.article_status, name="editor_status"),
    path(
        "redactie/artikelen/<int:pk>/vertaling/<str:language>/",
        editorial.article_translate_view,
        name="editor_translate",
    ),
    path("redactie/artikelen/<int:pk>/reacties/", editorial.article_feedback, name="editor_feedback"),
    path("redactie/artikelen/<int:pk>/versies/", editorial.article_history, name="editor_history"),
    path("redactie/artikelen/<int:pk>/versies/<int:number>/", editorial.revision_diff, name="editor_diff"),
    path(
        "redactie/artikelen/<int:pk>/versies/<int:number>/terugzetten/",
        editorial.revision_revert_view,
        name="editor_revert",
    ),
    path("redactie/aanvulling/<slug:slug>/<slug:point>/", editorial.supplement_edit, name="supplement"),
    path("redactie/synoniemen/", editorial.synonym_list, name="synonyms"),
    path("redactie/synoniemen/<int:pk>/", editorial.synonym_edit, name="synonym"),
    path("redactie/synoniemen/<int:pk>/verwijderen/", editorial.synonym_delete, name="synonym_delete"),
]
