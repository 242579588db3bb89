from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from ouderplatform import views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("_baseline", views.baseline, name="baseline"),
    path("_baseline/staf", views.staff_baseline, name="staff_baseline"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
    path("account/", include("allauth.urls")),
    path("", views.home, name="home"),
    path("toegankelijkheid", views.accessibility_statement, name="accessibility"),
    path("privacy", views.privacy_statement, name="privacy"),
    path("", include("regions.urls")),
    path("kennisbank/", include("knowledgebase.urls")),
    path("buddyhulp/", include("buddies.urls")),
    path("vragen/", include("backoffice.urls")),
]
