"""Anonymise closed questions past settings.RETENTION_DAYS (schedule daily; or the task anonymise_closed_questions)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from backoffice.services import questions_anonymise


class Command(BaseCommand):
    help = "Anonimiseer afgesloten vragen die ouder zijn dan de bewaartermijn."

    def handle(self, *args: Any, **options: Any) -> None:
        count = questions_anonymise()
        self.stdout.write(
            self.style.SUCCESS(f"{count} vraag/vragen geanonimiseerd (bewaartermijn {settings.RETENTION_DAYS} dagen).")
        )
