from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from buddies.services import checkin_reminders_send


class Command(BaseCommand):
    help = "E-mail buddies about overdue check-ins, once a day per buddy (daily)."
    help += " Safe to run again; also a task in buddies.tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        count = checkin_reminders_send()
        self.stdout.write(
            self.style.SUCCESS(f"{count} buddy/buddies reminded.")
            if count
            else "Nothing to do: 0 buddy/buddies reminded."
        )
