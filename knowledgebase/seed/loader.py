"""Load the seed content into the database. Creates what is missing and leaves editors' changes alone."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from knowledgebase.models import Article, ArticleStatus, GlossaryTerm, SynonymGroup, Topic
from knowledgebase.readability import PASS_MARK
from knowledgebase.seed import GLOSSARY, SYNONYMS, TOPICS
from knowledgebase.services import ArticleContent, article_create, vocabulary_rebuild
from knowledgebase.text import words

ARTICLE_DIR = Path(__file__).parent / "articles"
MORE_MARKER = "=== Meer weten ==="


@dataclass
class SeedArticle:
    slug: str
    title: str
    topic: str
    summary: str
    body: str
    body_more: str
    language: str = "nl"
    needs: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass
class LoadResult:
    topics: int = 0
    terms: int = 0
    synonyms: int = 0
    articles: int = 0
    skipped: int = 0


def parse_article(path: Path) -> SeedArticle:
    header, _sep, text = path.read_text(encoding="utf-8").partition("\n---\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, _colon, value = line.partition(":")
        fields[key.strip()] = value.strip()
    body, _more, body_more = text.partition(MORE_MARKER)
    return SeedArticle(
        slug=fields["slug"],
        title=fields["title"],
        topic=fields["topic"],
        summary=fields["summary"],
        body=body.strip(),
        body_more=body_more.strip(),
        language=fields.get("language", "nl"),
        needs=fields.get("needs", "").split(),
        sectors=fields.get("sectors", "").split(),
        related=[s.strip() for s in fields.get("related", "").split(",") if s.strip()],
    )


def seed_articles() -> list[SeedArticle]:
    return [parse_article(path) for path in sorted(ARTICLE_DIR.glob("*.md"))]


@transaction.atomic
def load_knowledgebase() -> LoadResult:
    """Create the seed topics, glossary, synonyms and articles that do not exist yet; publish the articles."""
    result = LoadResult()
    for position, (slug, tier, name, description) in enumerate(TOPICS):
        _topic, created = Topic.objects.get_or_create(
            slug=slug, defaults={"tier": tier, "name": name, "description": description, "position": position}
        )
        result.topics += created
    for slug, term, explanation in GLOSSARY:
        _term, created = GlossaryTerm.objects.get_or_create(
            slug=slug, defaults={"term": term, "explanation": explanation}
        )
        result.terms += created
    for terms in SYNONYMS:
        key = " ".join(words(terms[0]))
        if not SynonymGroup.objects.filter(terms__contains=[key]).exists():
            SynonymGroup.objects.create(terms=list(dict.fromkeys(" ".join(words(t)) for t in terms)))
            result.synonyms += 1
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    today = timezone.localdate()
    created_articles: list[tuple[Article, SeedArticle]] = []
    for seed in seed_articles():
        if Article.objects.filter(slug=seed.slug, language=seed.language).exists():
            result.skipped += 1
            continue
        article = article_create(
            author=None,
            slug=seed.slug,
            topic=topics[seed.topic],
            content=ArticleContent(seed.title, seed.summary, seed.body, seed.body_more),
            language=seed.language,
            needs=seed.needs,
            sectors=seed.sectors,
            note="Basisinhoud",
        )
        if not article.is_readable:
            raise ValueError(f"Seed article {seed.slug} scores {article.readability} (< {PASS_MARK}); simplify it.")
        article.status = ArticleStatus.PUBLISHED
        article.published_at = timezone.now()
        article.last_checked_on = today
        article.review_due = today + datetime.timedelta(days=365)
        article.save()
        created_articles.append((article, seed))
        result.articles += 1
    for article, seed in created_articles:
        article.related.set(Article.objects.filter(slug__in=seed.related, language=article.language))
    vocabulary_rebuild()
    return result
