from __future__ import annotations

from django.urls import path

from regions.views import region as views

app_name = "regions"

urlpatterns = [
    path("regio/kiezen/", views.choose_region, name="choose"),
    path("regio/wissen/", views.clear_region, name="clear"),
    path("regio/", views.my_region, name="my_region"),
    path("steunpunten/", views.support_point_list, name="support_points"),
    path("steunpunten/<slug:slug>/", views.support_point_detail, name="support_point"),
]
