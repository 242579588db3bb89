from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ouderplatform.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, load_demo_data
from regions.demo import load_demo_directory


class Command(BaseCommand):
    help = "Load the open data and the demo support points and users (development only). Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--print-logins", action="store_true", help="Print the demo logins afterwards.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("Demo data is for development only (set DEBUG=1).")
        call_command("import_regions", verbosity=options["verbosity"], stdout=self.stdout)
        call_command("import_schools", verbosity=options["verbosity"], stdout=self.stdout)
        load_demo_data()
        load_demo_directory()
        call_command("load_knowledgebase", verbosity=options["verbosity"], stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if options["print_logins"]:
            self.print_logins()

    def print_logins(self) -> None:
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for demo in DEMO_USERS:
            where = f" at {demo.support_point}" if demo.support_point else ""
            self.stdout.write(f"  {demo.role:<13} {demo.email}{where}")
        code = settings.MFA_TOTP_INSECURE_BYPASS_CODE or "(none)"
        self.stdout.write(
            "Staff accounts (coordinator, professional, admin) use two-factor login. In development the code "
            f"{code} is accepted; or add the secret {DEMO_TOTP_SECRET} to an authenticator app.\n"
        )
