from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from buddies.services import screening_warnings_send


class Command(BaseCommand):
    help = "Warn buddies and coordinators 60, 30 and 7 days before a screening runs out (daily)."
    help += " Safe to run again; also a task in buddies.tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        count = screening_warnings_send()
        self.stdout.write(
            self.style.SUCCESS(f"{count} warning(s) sent.") if count else "Nothing to do: 0 warning(s) sent."
        )
