from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from buddies.services import proposals_expire


class Command(BaseCommand):
    help = "Expire buddy proposals past their answer deadline and tell the coordinators (daily)."
    help += " Safe to run again; also a task in buddies.tasks."

    def handle(self, *args: Any, **options: Any) -> None:
        count = proposals_expire()
        self.stdout.write(
            self.style.SUCCESS(f"{count} proposal(s) expired.") if count else "Nothing to do: 0 proposal(s) expired."
        )
