from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings

from backoffice.demo import load_demo_questions
from buddies.demo import DEMO_BUDDIES, load_demo_buddies
from ouderplatform.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS, load_demo_data
from regions.demo import load_demo_directory


@contextmanager
def quietly() -> Iterator[None]:
    """The demo cases go through the real services, which e-mail the demo users. With development's immediate task
    backend those mails and a log line per task would fill the console, so the mails go nowhere and only failing
    tasks are logged."""
    tasks_logger = logging.getLogger("django.tasks")
    level = tasks_logger.level
    tasks_logger.setLevel(logging.WARNING)
    try:
        with override_settings(MAILERS={"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}):
            yield
    finally:
        tasks_logger.setLevel(level)


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
        with quietly():
            load_demo_buddies()
            load_demo_questions()
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if options["print_logins"]:
            self.print_logins()

    def print_logins(self) -> None:
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
        for demo in DEMO_USERS:
            where = f" at {demo.support_point}" if demo.support_point else ""
            self.stdout.write(f"  {demo.role:<13} {demo.email}{where}")
        for buddy in DEMO_BUDDIES:
            if buddy.first_name:  # the extra buddies of buddies/demo.py
                self.stdout.write(f"  {'buddy':<13} {buddy.email} at {buddy.support_point}")
        code = settings.MFA_TOTP_INSECURE_BYPASS_CODE or "(none)"
        self.stdout.write(
            "Staff accounts (coordinator, professional, admin) use two-factor login. In development the code "
            f"{code} is accepted; or add the secret {DEMO_TOTP_SECRET} to an authenticator app.\n"
        )
