from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgebaseConfig(AppConfig):
    verbose_name = _("Kennisbank")
    name = "knowledgebase"
    default_auto_field = "django.db.models.BigAutoField"
