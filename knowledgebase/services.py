"""Writes in the knowledge base: saving articles with their revisions, the editorial states, supplements, votes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Max, Q
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from accounts.models import User
from knowledgebase.models import (
    Article,
    ArticleRevision,
    ArticleStatus,
    ArticleVote,
    GlossaryTerm,
    Need,
    RegionalSupplement,
    SearchWord,
    SynonymGroup,
    Topic,
    ZeroResultSearch,
    translation_languages,
)
from knowledgebase.readability import PASS_MARK, analyse
from knowledgebase.tasks import send_review_reminder
from knowledgebase.text import fold, plain_text, render_markdown, term_slugs, words
from regions.models import SupportPoint

REVIEW_INTERVAL = datetime.timedelta(days=365)
REVIEW_NOTICE = datetime.timedelta(days=14)  # remind this long before the review date
REMINDER_INTERVAL = datetime.timedelta(days=7)  # and then at most once a week per article


@dataclass(frozen=True)
class ArticleContent:
    """What an editor writes; the same for a new article, an edit and a revert."""

    title: str
    summary: str
    body: str
    body_more: str = ""


def unknown_terms(body: str) -> list[str]:
    """Glossary markers in `body` that name no glossary term (for the form's error message)."""
    slugs = term_slugs(body)
    known = set(GlossaryTerm.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return [slug for slug in slugs if slug not in known]


def _apply_content(article: Article, content: ArticleContent) -> list[GlossaryTerm]:
    """Copy `content` onto `article` with its folded search copies and reading level; return its glossary terms."""
    slugs = term_slugs(content.body + "\n" + content.body_more)
    terms = list(GlossaryTerm.objects.filter(slug__in=slugs))
    labels = {term.slug: term.term for term in terms}
    explanations = {term.slug: term.explanation for term in terms}
    article.title, article.summary = content.title, content.summary
    article.body, article.body_more = content.body, content.body_more
    article.body_plain = plain_text(content.body, labels)
    article.body_html = render_markdown(content.body, labels, explanations=explanations)
    article.body_more_html = (
        render_markdown(content.body_more, labels, explanations=explanations) if content.body_more else ""
    )
    article.search_title = fold(content.title)
    with translation.override("nl"):
        need_labels = [str(Need(need).label) for need in article.needs if need in Need.values]
    article.search_summary = fold(" ".join([content.summary, *(t.term for t in terms), *need_labels]))
    article.search_body = fold(article.body_plain + "\n" + plain_text(content.body_more, labels))
    article.readability = analyse(article.body_plain).score if article.readability_applies else 0.0
    return terms


def _add_revision(article: Article, *, author: User | None, note: str) -> ArticleRevision:
    number = (article.revisions.aggregate(last=Max("number"))["last"] or 0) + 1
    return ArticleRevision.objects.create(
        article=article,
        number=number,
        author=author,
        note=note[:200],
        title=article.title,
        summary=article.summary,
        body=article.body,
        body_more=article.body_more,
    )


@transaction.atomic
def article_create(
    *,
    author: User | None,
    slug: str,
    topic: Topic,
    content: ArticleContent,
    language: str = "nl",
    needs: list[str] | None = None,
    sectors: list[str] | None = None,
    note: str = "",
) -> Article:
    """A new draft article with its first revision."""
    article = Article(slug=slug, language=language, topic=topic, needs=needs or [], sectors=sectors or [])
    article.created_by = author
    terms = _apply_content(article, content)
    article.save()
    article.terms.set(terms)
    _add_revision(article, author=author, note=note or _("Eerste versie"))
    return article


@transaction.atomic
def article_update(
    *,
    article: Article,
    author: User | None,
    content: ArticleContent,
    topic: Topic | None = None,
    needs: list[str] | None = None,
    sectors: list[str] | None = None,
    note: str = "",
) -> Article:
    """Save a new version of `article`; the previous versions stay available for diff and revert."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if topic is not None:
        article.topic = topic
    if needs is not None:
        article.needs = needs
    if sectors is not None:
        article.sectors = sectors
    terms = _apply_content(article, content)
    article.updated_at = timezone.now()
    if article.is_published and not article.is_readable:
        # An edit that makes a live article hard to read sends it back to review instead of breaking the rule.
        article.status = ArticleStatus.REVIEW
    article.save()
    article.terms.set(terms)
    _add_revision(article, author=author, note=note)
    if article.status == ArticleStatus.REVIEW or article.is_published:
        vocabulary_rebuild()
    return article


@transaction.atomic
def article_translate(
    *, original: Article, language: str, author: User | None, content: ArticleContent, note: str = ""
) -> Article:
    """A draft translation of a Dutch article: the same slug, topic and tags, its own versions and review."""
    if original.is_translation or language not in translation_languages():
        raise ValidationError(_("Van dit artikel kan geen vertaling in deze taal gemaakt worden."))
    translation_ = article_create(
        author=author,
        slug=original.slug,
        topic=original.topic,
        content=content,
        language=language,
        needs=original.needs,
        sectors=original.sectors,
        note=note or _("Eerste vertaling"),
    )
    translation_.related.set(
        Article.objects.filter(slug__in=original.related.values("slug"), language=language).values_list("pk", flat=True)
    )
    return translation_


def revision_revert(*, revision: ArticleRevision, by: User) -> Article:
    """Make an older version current again by saving it as the newest version."""
    content = ArticleContent(revision.title, revision.summary, revision.body, revision.body_more)
    note = _("Teruggezet naar versie %(number)s") % {"number": revision.number}
    return article_update(article=revision.article, author=by, content=content, note=note)


@transaction.atomic
def article_submit(*, article: Article, by: User) -> Article:
    """An author asks a professional to review the article."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status != ArticleStatus.DRAFT:
        raise ValidationError(_("Alleen een concept kun je ter beoordeling aanbieden."))
    article.status = ArticleStatus.REVIEW
    article.save(update_fields=["status"])
    return article


@transaction.atomic
def article_publish(*, article: Article, by: User, override_reason: str = "") -> Article:
    """A professional publishes; below the reading-level bar only with a written reason."""
    if not (by.is_professional or by.is_superuser):
        raise ValidationError(_("Alleen een professional mag publiceren."))
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status not in (ArticleStatus.DRAFT, ArticleStatus.REVIEW):
        raise ValidationError(_("Dit artikel kan nu niet gepubliceerd worden."))
    if article.readability_applies and article.readability < PASS_MARK:
        if not override_reason.strip():
            raise ValidationError(
                _("De tekst is te moeilijk. Maak hem eenvoudiger of schrijf op waarom hij toch online moet.")
            )
        article.readability_override_reason = override_reason.strip()
        article.readability_override_by = by
    today = timezone.localdate()
    article.status = ArticleStatus.PUBLISHED
    article.published_at = timezone.now()
    article.last_checked_on, article.last_checked_by = today, by
    if article.review_due is None or article.review_due <= today:
        article.review_due, article.review_reminded_on = today + REVIEW_INTERVAL, None
    article.save()
    vocabulary_rebuild()
    return article


@transaction.atomic
def article_archive(*, article: Article, by: User) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.status = ArticleStatus.ARCHIVED
    article.save(update_fields=["status"])
    vocabulary_rebuild()
    return article


@transaction.atomic
def article_mark_checked(*, article: Article, by: User, review_due: datetime.date | None = None) -> Article:
    """A professional confirms the article is still right; the next check moves a year on unless given."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    today = timezone.localdate()
    article.last_checked_on, article.last_checked_by = today, by
    article.review_due = review_due or today + REVIEW_INTERVAL
    article.review_reminded_on = None
    article.save(update_fields=["last_checked_on", "last_checked_by", "review_due", "review_reminded_on"])
    return article


def review_reminders_send(*, today: datetime.date | None = None) -> int:
    """Daily job: e-mail each responsible professional one list of the published articles whose review is due.

    An article is due two weeks before its review date and stays due until a professional checks it. The one who
    checked it last is responsible; when that person is no longer an active professional, all professionals are.
    Each article is in at most one reminder a week, so running the job twice on a day sends nothing new.
    Returns the number of e-mails queued.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        due = list(
            Article.objects.published()
            .filter(review_due__lte=today + REVIEW_NOTICE)
            .filter(Q(review_reminded_on__isnull=True) | Q(review_reminded_on__lte=today - REMINDER_INTERVAL))
            .select_related("last_checked_by")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("review_due", "title")
        )
        professionals = list(
            User.objects.filter(is_active=True, is_professional=True).order_by("pk").values_list("pk", flat=True)
        )
        per_person: dict[int, list[int]] = {}
        for article in due:
            checker = article.last_checked_by
            responsible = [checker.pk] if checker and checker.is_active and checker.is_professional else professionals
            for person in responsible:
                per_person.setdefault(person, []).append(article.pk)
        reminded = {pk for pks in per_person.values() for pk in pks}
        Article.objects.filter(pk__in=reminded).update(review_reminded_on=today)
        for person, article_ids in per_person.items():
            send_review_reminder.enqueue(user_id=person, article_ids=article_ids, today=today.isoformat())
    return len(per_person)


@transaction.atomic
def supplement_save(
    *, article_slug: str, support_point: SupportPoint, body: str, by: User | None
) -> RegionalSupplement:
    """Create or replace a support point's regional supplement to an article."""
    supplement, _created = RegionalSupplement.objects.select_for_update().update_or_create(
        article_slug=article_slug,
        support_point=support_point,
        defaults={"body": body, "body_html": render_markdown(body), "updated_by": by, "updated_at": timezone.now()},
    )
    return supplement


def voter_key(session_key: str) -> str:
    """The session as an unreadable key: enough for one vote per session, useless for tracing a person."""
    return salted_hmac("knowledgebase.vote", session_key, algorithm="sha256").hexdigest()


def vote_cast(*, article: Article, session_key: str, helpful: bool, comment: str = "") -> bool:
    """Record a vote; False when this session already voted on the article (the database enforces it)."""
    try:
        with transaction.atomic():
            ArticleVote.objects.create(
                article=article, voter=voter_key(session_key), helpful=helpful, comment=comment.strip()[:500]
            )
    except IntegrityError:
        return False
    return True


def zero_result_log(*, query: str) -> None:
    """Count a search that found nothing. Only the folded query text is kept."""
    text = " ".join(fold(query).split())[:200]
    if not text:
        return
    now = timezone.now()
    if ZeroResultSearch.objects.filter(query=text).update(count=F("count") + 1, last_seen=now):
        return
    try:
        with transaction.atomic():
            ZeroResultSearch.objects.create(query=text, first_seen=now, last_seen=now)
    except IntegrityError:
        ZeroResultSearch.objects.filter(query=text).update(count=F("count") + 1, last_seen=now)


@transaction.atomic
def synonym_group_save(*, group: SynonymGroup | None, terms: list[str], by: User) -> SynonymGroup:
    """Create or change a synonym group; terms are stored folded, without duplicates."""
    cleaned = [term for term in dict.fromkeys(" ".join(words(t)) for t in terms) if term]
    group = group or SynonymGroup()
    group.terms, group.updated_by, group.updated_at = cleaned, by, timezone.now()
    group.save()
    vocabulary_rebuild()
    return group


@transaction.atomic
def synonym_group_delete(*, group: SynonymGroup, by: User) -> None:
    group.delete()
    vocabulary_rebuild()


def vocabulary_rebuild() -> int:
    """Rebuild the 'did you mean' vocabulary from the published Dutch articles and the synonym terms (in SQL)."""
    article_table, word_table = Article._meta.db_table, SearchWord._meta.db_table
    synonym_table = SynonymGroup._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {word_table}")  # noqa: S608 - our own table names
        cursor.execute(
            f"""
            INSERT INTO {word_table} (word, article_count)
            SELECT word, count(DISTINCT id) FROM (
                SELECT a.id, regexp_split_to_table(
                    a.search_title || ' ' || a.search_summary || ' ' || a.search_body, '[^0-9a-z'']+'
                ) AS word
                FROM {article_table} a WHERE a.status = %s AND a.language = 'nl'
                UNION ALL
                SELECT NULL, regexp_split_to_table(t, '[^0-9a-z'']+')
                FROM {synonym_table} s, unnest(s.terms) AS t
            ) words
            WHERE length(word) BETWEEN 3 AND 60 AND word !~ '^[0-9'']+$'
            GROUP BY word
            """,  # noqa: S608
            [ArticleStatus.PUBLISHED],
        )
        return cursor.rowcount
