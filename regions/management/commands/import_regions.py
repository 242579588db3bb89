from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regions.imports import RegionFiles, import_regions


class Command(BaseCommand):
    help = "Import partnerships (SWVs) and the legal PC4 → partnership table. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        default = RegionFiles.default()
        parser.add_argument("--pc4-table", type=Path, default=default.pc4_table)
        parser.add_argument("--places", type=Path, default=default.places)
        parser.add_argument("--names", type=Path, default=default.names)

    def handle(self, *args: Any, **options: Any) -> None:
        files = RegionFiles(pc4_table=options["pc4_table"], places=options["places"], names=options["names"])
        tallies = import_regions(files=files, verbosity=options["verbosity"])
        for tally in tallies:
            self.stdout.write(str(tally))
        if any(t.changed for t in tallies):
            self.stdout.write(self.style.SUCCESS("Import finished."))
        else:
            self.stdout.write(self.style.SUCCESS("Nothing changed: the database already matches these files."))
