"""Mark SLA breaches of open escalations (schedule every 15 minutes; also available as the task `check_slas`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from backoffice.services import sla_check


class Command(BaseCommand):
    help = "Markeer overschreden termijnen in de backoffice, verhoog de prioriteit en stuur meldingen."

    def handle(self, *args: Any, **options: Any) -> None:
        marked = sla_check()
        self.stdout.write(self.style.SUCCESS(f"{marked} termijn(en) als overschreden gemarkeerd."))
