from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from regions.school_import import SchoolFiles, import_schools


class Command(BaseCommand):
    help = (
        "Import every school location from DUO open data (run import_regions first for the partnerships). "
        "Safe to run again: locations are updated on their DUO code, and those no longer listed are closed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        default = SchoolFiles.default()
        parser.add_argument("--primary", type=Path, default=default.primary, help="DUO address file of BO schools.")
        parser.add_argument("--geo", type=Path, default=default.geo, help="Geocoded GeoJSON of all locations.")
        parser.add_argument("--history", type=Path, default=default.history, help="DUO historical pupil counts.")

    def handle(self, *args: Any, **options: Any) -> None:
        files = SchoolFiles(primary=options["primary"], geo=options["geo"], history=options["history"])
        result = import_schools(files=files, verbosity=options["verbosity"])
        self.stdout.write(str(result.tally))
        if result.tally.changed:
            self.stdout.write(self.style.SUCCESS(f"Import finished: {result.rows} locations in the files."))
        else:
            self.stdout.write(self.style.SUCCESS("Nothing changed: the database already matches these files."))
