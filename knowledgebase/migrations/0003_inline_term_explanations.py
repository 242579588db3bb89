from __future__ import annotations

from typing import Any

from django.db import migrations


def render_with_explanations(apps: Any, schema_editor: Any) -> None:
    """Re-render stored article HTML so that each term's first mention carries its plain explanation inline."""
    from knowledgebase.text import render_markdown

    article_model = apps.get_model("knowledgebase", "Article")
    for article in article_model.objects.prefetch_related("terms"):
        terms = list(article.terms.all())
        labels = {term.slug: term.term for term in terms}
        explanations = {term.slug: term.explanation for term in terms}
        article.body_html = render_markdown(article.body, labels, explanations=explanations)
        article.body_more_html = (
            render_markdown(article.body_more, labels, explanations=explanations) if article.body_more else ""
        )
        article.save(update_fields=["body_html", "body_more_html"])


class Migration(migrations.Migration):
    dependencies = [("knowledgebase", "0002_rendered_html")]

    operations = [migrations.RunPython(render_with_explanations, migrations.RunPython.noop)]
