from __future__ import annotations

from django.urls import path

from backoffice.views import case, library, parent, queue

app_name = "backoffice"

urlpatterns = [
    path("stellen/", parent.ask, name="ask"),
    path("stellen/verstuurd/", parent.asked, name="asked"),
    path("stellen/suggesties/", parent.suggestions, name="suggestions"),
    path("mijn/", parent.mine, name="mine"),
    path("mijn/<int:pk>/", parent.mine_detail, name="mine_detail"),
    path("volgen/<str:token>/", parent.guest, name="guest"),
    path("tevredenheid/<str:token>/", parent.survey, name="survey"),
    path("steunpunt/", queue.regional, name="regional"),
    path("backoffice/", queue.queue, name="queue"),
    path("backoffice/volgende/", queue.take_next, name="take_next"),
    path("backoffice/filters/", queue.filter_save, name="filter_save"),
    path("backoffice/filters/<int:pk>/verwijderen/", queue.filter_delete, name="filter_delete"),
    path("behandelen/<int:pk>/", case.case, name="case"),
    path("behandelen/<int:pk>/bericht/", case.case_message, name="case_message"),
    path("behandelen/<int:pk>/toewijzen/", case.case_assign, name="case_assign"),
    path("behandelen/<int:pk>/doorzetten/", case.case_escalate, name="case_escalate"),
    path("behandelen/<int:pk>/oppakken/", case.case_claim, name="case_claim"),
    path("behandelen/<int:pk>/overdragen/", case.case_reassign, name="case_reassign"),
    path("behandelen/<int:pk>/wacht/", case.case_hold, name="case_hold"),
    path("behandelen/<int:pk>/hervatten/", case.case_resume, name="case_resume"),
    path("behandelen/<int:pk>/afsluiten/", case.case_close, name="case_close"),
    path("behandelen/<int:pk>/artikel/", case.case_article, name="case_article"),
    path("kennis/<int:pk>/", case.proposal, name="proposal"),
    path("standaardantwoorden/", library.canned_list, name="canned_list"),
    path("standaardantwoorden/nieuw/", library.canned_edit, name="canned_create"),
    path("standaardantwoorden/<int:pk>/", library.canned_edit, name="canned_edit"),
    path("signalen/", library.signals, name="signals"),
    path("signalen/export.csv", library.signals_csv, name="signals_csv"),
]
