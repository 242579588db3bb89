from __future__ import annotations

from django.urls import path

from regions.views import experiences, feedback, meetings, offers, profiles, schools
from regions.views import region as views

app_name = "regions"

urlpatterns = [
    path("regio/kiezen/", views.choose_region, name="choose"),
    path("regio/wissen/", views.clear_region, name="clear"),
    path("regio/", views.my_region, name="my_region"),
    path("steunpunten/", views.support_point_list, name="support_points"),
    path("steunpunten/<slug:slug>/", views.support_point_detail, name="support_point"),
    path("steunpunten/<slug:slug>/bijeenkomsten/", meetings.meeting_list, name="meetings"),
    path("steunpunten/<slug:slug>/je-zei-wij-deden/", feedback.feedback_page, name="feedback"),
    path("scholen/", schools.school_search, name="school_search"),
    path("scholen/vergelijken/", schools.school_compare, name="school_compare"),
    path("scholen/mijn-lijstje/", schools.school_shortlist, name="school_shortlist"),
    path("scholen/<str:code>/", schools.school_detail, name="school"),
    path("scholen/<str:code>/lijstje/", schools.school_shortlist_toggle, name="school_shortlist_toggle"),
    path("scholen/<str:code>/profiel/", profiles.profile_edit, name="profile_edit"),
    path("scholen/<str:code>/ervaring/", experiences.experience_create, name="experience_create"),
    path("ervaringen/", experiences.experience_mine, name="experience_mine"),
    path("ervaringen/controleren/", experiences.moderation_queue, name="moderation_queue"),
    path("ervaringen/<int:pk>/bewerken/", experiences.experience_edit, name="experience_edit"),
    path("ervaringen/<int:pk>/melden/", experiences.experience_report_view, name="experience_report"),
    path("ervaringen/<int:pk>/controleren/", experiences.experience_moderate_view, name="experience_moderate"),
    path("aanbod/", offers.offer_list, name="offers"),
    path("aanbod/<int:pk>/", offers.offer_detail, name="offer"),
    path("bijeenkomsten/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("bijeenkomsten/<int:pk>/agenda.ics", meetings.meeting_ics, name="meeting_ics"),
    path("bijeenkomsten/afmelden/<uuid:token>/", meetings.registration_cancel_view, name="registration_cancel"),
]
