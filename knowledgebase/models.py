from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledgebase.readability import PASS_MARK
from ouderplatform.needs import Need


class Tier(models.IntegerChoices):
    SCHOOL_CHOICE = 1, _("Schoolkeuze")
    SCHOOL_ORGANISATION = 2, _("Schoolorganisatie")
    SUPPORT_AT_SCHOOL = 3, _("Ondersteuning op school")
    WHEN_SCHOOL_FAILS = 4, _("Als school niet lukt")
    POLICY = 5, _("Onderwijs, zorg en jeugd")


TIER_INTRODUCTIONS = {
    Tier.SCHOOL_CHOICE: _("Welke school past bij je kind? En welke steun biedt een school?"),
    Tier.SCHOOL_ORGANISATION: _("Hoe werkt een school? Hoe praat je als ouder mee?"),
    Tier.SUPPORT_AT_SCHOOL: _("Wat kan de school doen voor je kind? Zorgplicht, OPP en extra steun."),
    Tier.WHEN_SCHOOL_FAILS: _("Wie doet wat als het niet lukt? Thuiszitten, verzuim en wat je kunt doen."),
    Tier.POLICY: _("Hulp in je regio, jeugdhulp, geschillen en de wetten over onderwijs en jeugd."),
}


class SectorTag(models.TextChoices):
    PO = "PO", _("Basisschool")
    VO = "VO", _("Middelbare school")


class Topic(models.Model):
    """A subject within a tier, such as 'Zorgplicht' within 'Ondersteuning op school'."""

    tier = models.PositiveSmallIntegerField(_("laag"), choices=Tier.choices)
    name = models.CharField(_("naam"), max_length=120)
    slug = models.SlugField(_("korte naam in de link"), max_length=80, unique=True)
    description = models.CharField(_("korte uitleg"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["tier", "position", "name"]
        constraints = [models.CheckConstraint(condition=Q(tier__gte=1, tier__lte=5), name="topic_tier_valid")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledgebase:topic", kwargs={"slug": self.slug})


class GlossaryTerm(models.Model):
    """A key term (OPP, TLV, zorgplicht…) with a short plain explanation shown beside the article."""

    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    term = models.CharField(_("begrip"), max_length=120)
    explanation = models.CharField(_("uitleg in gewone taal"), max_length=400)

    class Meta:
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippen")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term


ORIGINAL_LANGUAGE = "nl"


def translation_languages() -> dict[str, str]:
    """The languages an article can be translated into: every interface language but the Dutch original."""
    return {code: str(name) for code, name in settings.LANGUAGES if code != ORIGINAL_LANGUAGE}


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    REVIEW = "review", _("Ter beoordeling")
    PUBLISHED = "published", _("Gepubliceerd")
    ARCHIVED = "archived", _("Gearchiveerd")


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=ArticleStatus.PUBLISHED)

    def in_language(self, language: str) -> ArticleQuerySet:
        return self.filter(language=language)

    def editable_by(self, user: Any) -> ArticleQuerySet:
        """Professionals edit everything; coordinators only the drafts they proposed themselves."""
        if user.is_superuser or user.is_professional:
            return self
        return self.filter(
            created_by=user, status__in=[ArticleStatus.DRAFT, ArticleStatus.REVIEW], created_by__isnull=False
        )


class Article(models.Model):
    """One article in one language. Translations share the slug; Dutch ('nl') is the original."""

    slug = models.SlugField(_("korte naam in de link"), max_length=100)
    language = models.CharField(_("taal"), max_length=5, choices=settings.LANGUAGES, default="nl")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="articles", verbose_name=_("onderwerp"))
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=400)
    body = models.TextField(_("uitleg in gewone taal"))
    body_more = models.TextField(_("meer weten"), blank=True)
    needs = ArrayField(
        models.CharField(max_length=20, choices=Need.choices), default=list, blank=True, verbose_name=_("behoeften")
    )
    sectors = ArrayField(
        models.CharField(max_length=2, choices=SectorTag.choices), default=list, blank=True, verbose_name=_("sectoren")
    )
    terms = models.ManyToManyField(GlossaryTerm, blank=True, related_name="articles", verbose_name=_("begrippen"))
    related = models.ManyToManyField("self", blank=True, symmetrical=False, verbose_name=_("zie ook"))
    status = models.CharField(_("status"), max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    review_due = models.DateField(_("opnieuw controleren vóór"), null=True, blank=True)
    # When the daily job last reminded the responsible professionals (see services.review_reminders_send).
    review_reminded_on = models.DateField(null=True, blank=True, editable=False)
    last_checked_on = models.DateField(_("laatst gecontroleerd op"), null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    readability = models.FloatField(_("leesbaarheid (Flesch–Douma)"), default=0)
    readability_override_reason = models.TextField(_("reden om toch te publiceren"), blank=True)
    readability_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    # Accent-folded copies that the search vector and the trigram index are built from (see knowledgebase/text.py).
    search_title = models.TextField(default="", blank=True, editable=False)
    search_summary = models.TextField(default="", blank=True, editable=False)
    search_body = models.TextField(default="", blank=True, editable=False)
    body_plain = models.TextField(default="", blank=True, editable=False)
    # The sanitised HTML of body and body_more, rendered when saved so that a page view does no Markdown work.
    body_html = models.TextField(default="", blank=True, editable=False)
    body_more_html = models.TextField(default="", blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("search_title", weight="A", config="dutch")
        + SearchVector("search_summary", weight="B", config="dutch")
        + SearchVector("search_body", weight="C", config="dutch"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "language"], name="article_unique_slug_language"),
            models.CheckConstraint(condition=Q(status__in=ArticleStatus.values), name="article_status_valid"),
            # A hard-to-read Dutch article only goes live when a professional wrote down why. The Flesch–Douma
            # formula is for Dutch: translations are not scored.
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED)
                | ~Q(language=ORIGINAL_LANGUAGE)
                | Q(readability__gte=PASS_MARK)
                | ~Q(readability_override_reason=""),
                name="article_published_readable_or_overridden",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="article_search_vector"),
            GinIndex(OpClass("search_title", name="gin_trgm_ops"), name="article_title_trgm"),
            models.Index(fields=["status", "language", "topic"], name="article_status_lang_topic"),
            models.Index(fields=["review_due"], name="article_review_due"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledgebase:article", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED

    @property
    def is_translation(self) -> bool:
        return self.language != ORIGINAL_LANGUAGE

    @property
    def readability_applies(self) -> bool:
        """The reading-level score and its bar are for Dutch text only."""
        return not self.is_translation

    @property
    def is_readable(self) -> bool:
        return not self.readability_applies or self.readability >= PASS_MARK or bool(self.readability_override_reason)

    @property
    def is_review_overdue(self) -> bool:
        return self.review_due is not None and self.review_due < timezone.localdate()


class ArticleRevision(models.Model):
    """Every saved version of an article, with who saved it and when."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("versie"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("opgeslagen op"), default=timezone.now)
    note = models.CharField(_("wat is er veranderd"), max_length=200, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    summary = models.CharField(_("samenvatting"), max_length=400)
    body = models.TextField(_("uitleg in gewone taal"))
    body_more = models.TextField(_("meer weten"), blank=True)

    class Meta:
        verbose_name = _("versie")
        verbose_name_plural = _("versies")
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_unique_number")]

    def __str__(self) -> str:
        return f"{self.article} v{self.number}"


class RegionalSupplement(models.Model):
    """'Zo werkt het in jouw regio': a support point's local addition to an article (shown in every language)."""

    article_slug = models.SlugField(_("artikel"), max_length=100)
    support_point = models.ForeignKey(
        "regions.SupportPoint", on_delete=models.CASCADE, related_name="supplements", verbose_name=_("steunpunt")
    )
    body = models.TextField(_("tekst"))
    body_html = models.TextField(default="", blank=True, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("regionale aanvulling")
        verbose_name_plural = _("regionale aanvullingen")
        ordering = ["article_slug"]
        constraints = [
            models.UniqueConstraint(fields=["article_slug", "support_point"], name="supplement_unique_point"),
        ]

    def __str__(self) -> str:
        return f"{self.article_slug} – {self.support_point}"


class ArticleVote(models.Model):
    """'Was dit nuttig?': one answer per browser session per article. The session is stored only as a hash."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    helpful = models.BooleanField(_("nuttig"))
    comment = models.CharField(_("opmerking"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), default=timezone.now)

    class Meta:
        verbose_name = _("beoordeling")
        verbose_name_plural = _("beoordelingen")
        constraints = [models.UniqueConstraint(fields=["article", "voter"], name="vote_one_per_session")]

    def __str__(self) -> str:
        return f"{self.article} {'+' if self.helpful else '-'}"


class SynonymGroup(models.Model):
    """Words that mean the same to a parent (OPP, ontwikkelingsperspectief); a search for one finds all."""

    terms = ArrayField(models.CharField(max_length=60), verbose_name=_("woorden"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")
        ordering = ["terms"]
        indexes = [GinIndex(fields=["terms"], name="synonym_terms")]

    def __str__(self) -> str:
        return ", ".join(self.terms)


class SearchWord(models.Model):
    """A word that occurs in published articles: the vocabulary for 'did you mean' (kept by a service)."""

    word = models.CharField(max_length=60, primary_key=True)
    article_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [GinIndex(OpClass("word", name="gin_trgm_ops"), name="searchword_trgm")]

    def __str__(self) -> str:
        return self.word


class ZeroResultSearch(models.Model):
    """A search that found nothing. Only the words typed are kept, no session or person."""

    query = models.CharField(_("zoekvraag"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("aantal keer"), default=1)
    first_seen = models.DateTimeField(_("eerst gezien"), default=timezone.now)
    last_seen = models.DateTimeField(_("laatst gezien"), default=timezone.now)

    class Meta:
        verbose_name = _("zoekvraag zonder resultaat")
        verbose_name_plural = _("zoekvragen zonder resultaat")
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return self.query
