from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuddiesConfig(AppConfig):
    verbose_name = _("Buddyhulp")
    name = "buddies"
    default_auto_field = "django.db.models.BigAutoField"
