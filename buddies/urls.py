from __future__ import annotations

from django.urls import path

from buddies.views import buddy, coordinator, invitation, parent

app_name = "buddies"

urlpatterns = [
    path("", parent.start, name="start"),
    path("aanvragen/", parent.request_new, name="request_new"),
    path("mijn-aanvragen/", parent.my_requests, name="my_requests"),
    path("mijn-aanvragen/<int:pk>/", parent.my_request, name="my_request"),
    path("mijn-aanvragen/<int:pk>/intrekken/", parent.request_withdraw, name="request_withdraw"),
    path("mijn-aanvragen/<int:pk>/evaluatie/", parent.parent_survey, name="parent_survey"),
    path("buddy/", buddy.caseload, name="caseload"),
    path("buddy/profiel/", buddy.profile, name="profile"),
    path("buddy/voorstel/<int:pk>/", buddy.proposal, name="proposal"),
    path("buddy/voorstel/<int:pk>/aannemen/", buddy.proposal_accept, name="proposal_accept"),
    path("buddy/voorstel/<int:pk>/afwijzen/", buddy.proposal_decline, name="proposal_decline"),
    path("buddy/ouder/<int:pk>/", buddy.match, name="match"),
    path("buddy/ouder/<int:pk>/contact/", buddy.contact_add, name="contact_add"),
    path("buddy/ouder/<int:pk>/afsluiten/", buddy.match_close, name="match_close"),
    path("buddy/ouder/<int:pk>/overdragen/", buddy.handover, name="handover"),
    path("buddy/ouder/<int:pk>/backoffice/", buddy.escalate, name="escalate"),
    path("buddy/ouder/<int:pk>/evaluatie/", buddy.buddy_survey, name="buddy_survey"),
    path("coordinatie/", coordinator.coordinator_home, name="coordinator_home"),
    path("steunpunt/<slug:slug>/", coordinator.overview, name="overview"),
    path("steunpunt/<slug:slug>/hulpvragen/", coordinator.request_list, name="request_list"),
    path("steunpunt/<slug:slug>/buddies/", coordinator.buddy_list, name="buddy_list"),
    path("steunpunt/<slug:slug>/uitnodigen/", coordinator.invite, name="invite"),
    path("steunpunt/<slug:slug>/instellingen/", coordinator.matching_settings, name="settings"),
    path("hulpvraag/<int:pk>/", coordinator.request_detail, name="request_detail"),
    path("hulpvraag/<int:pk>/voorstellen/", coordinator.propose, name="propose"),
    path("hulpvraag/<int:pk>/overdragen/", coordinator.handover_close, name="handover_close"),
    path("buddies/<int:pk>/screening/", coordinator.screening, name="screening"),
    path("uitnodiging/<str:token>/", invitation.invitation, name="invitation"),
]
