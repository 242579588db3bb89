"""Fill the business calendar ahead and mark SLA breaches of open escalations.

Schedule every 15 minutes; also available as the task `check_slas`.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from backoffice.services import holidays_seed_ahead, sla_check


class Command(BaseCommand):
    help = "Markeer overschreden termijnen in de backoffice, verhoog de prioriteit en stuur meldingen."

    def handle(self, *args: Any, **options: Any) -> None:
        seeded = holidays_seed_ahead(today=timezone.localdate())
        if seeded:
            self.stdout.write(f"{seeded} feestdag(en) toegevoegd aan de werkkalender.")
        marked = sla_check()
        self.stdout.write(self.style.SUCCESS(f"{marked} termijn(en) als overschreden gemarkeerd."))
