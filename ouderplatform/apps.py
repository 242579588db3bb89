from __future__ import annotations

from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class OuderplatformConfig(AppConfig):
    name = "ouderplatform"
    verbose_name = "Ouderplatform"


class PortalAdminConfig(AdminConfig):
    default_site = "ouderplatform.admin_site.PortalAdminSite"
