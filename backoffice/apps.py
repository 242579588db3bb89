from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    verbose_name = _("Backoffice")
    name = "backoffice"
    default_auto_field = "django.db.models.BigAutoField"
