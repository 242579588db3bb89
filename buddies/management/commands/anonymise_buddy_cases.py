from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from buddies.services import cases_anonymise


class Command(BaseCommand):
    help = "Anonymise help requests closed longer than RETENTION_DAYS ago (daily)."
    help += " Safe to run again; also a task in buddies.tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        count = cases_anonymise()
        self.stdout.write(
            self.style.SUCCESS(f"{count} request(s) anonymised.")
            if count
            else "Nothing to do: 0 request(s) anonymised."
        )
