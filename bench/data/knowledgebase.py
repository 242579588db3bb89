"""5,000 generated knowledge-base articles: sentences of the seed articles recombined, published, in bulk."""

from __future__ import annotations

import random

from django.db import transaction

PREFIX = "bench-artikel-"
TARGET = 5000


def generate(*, seed: int) -> str:
    from knowledgebase.models import Article, ArticleStatus, Topic
    from knowledgebase.readability import analyse
    from knowledgebase.seed.loader import load_knowledgebase, seed_articles
    from knowledgebase.services import vocabulary_rebuild
    from knowledgebase.text import fold, plain_text, render_markdown

    load_knowledgebase()
    existing = Article.objects.filter(slug__startswith=PREFIX).count()
    if existing >= TARGET:
        return f"{existing} generated articles already there"
    rng = random.Random(seed)
    seeds = [s for s in seed_articles() if s.language == "nl"]
    sentences = [line for s in seeds for line in plain_text(s.body).splitlines() if len(line.split()) > 3]
    titles = [s.title for s in seeds]
    topics = list(Topic.objects.all())
    articles = []
    for i in range(existing, TARGET):
        title = f"{rng.choice(titles)} ({i})"
        body = "\n\n".join(rng.sample(sentences, 8))
        summary = rng.choice(sentences)
        body_plain = plain_text(body)
        articles.append(
            Article(
                slug=f"{PREFIX}{i}",
                topic=rng.choice(topics),
                title=title,
                summary=summary[:400],
                body=body,
                body_plain=body_plain,
                body_html=render_markdown(body),
                search_title=fold(title),
                search_summary=fold(summary),
                search_body=fold(body_plain),
                readability=analyse(body_plain).score,
                readability_override_reason="Gegenereerd voor de benchmark.",
                status=ArticleStatus.PUBLISHED,
            )
        )
    with transaction.atomic():
        Article.objects.bulk_create(articles, batch_size=2000)
        vocabulary_rebuild()
    return f"{len(articles)} articles added ({TARGET} generated in all)"
