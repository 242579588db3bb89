"""Remind professionals of knowledge-base articles to check (daily; also the task `remind_review_due`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from knowledgebase.services import review_reminders_send


class Command(BaseCommand):
    help = (
        "E-mail professionals the articles whose review date is near or past (daily). "
        "Safe to run again: each article is in at most one reminder a week."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = review_reminders_send()
        self.stdout.write(self.style.SUCCESS(f"{sent} herinnering(en) verstuurd.") if sent else "Niets te doen.")
