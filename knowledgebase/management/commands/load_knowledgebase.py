from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from knowledgebase.seed.loader import load_knowledgebase


class Command(BaseCommand):
    help = "Load the knowledge base's seed topics, glossary, synonyms and articles. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = load_knowledgebase()
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Knowledge base: {result.articles} articles added ({result.skipped} already there), "
                f"{result.topics} topics, {result.terms} glossary terms, {result.synonyms} synonym groups."
            )
        )
