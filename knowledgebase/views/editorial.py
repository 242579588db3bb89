"""The editors' side: dashboard, writing and reviewing articles, versions and diffs, supplements, synonyms.

Professionals review and publish; coordinators propose articles and write their support points' supplements.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import role_required
from accounts.models import Role
from knowledgebase.access import (
    get_article_for_editor,
    get_original_for_translation,
    get_revision_for_editor,
    get_support_point_for_supplement,
)
from knowledgebase.diff import diff_revisions
from knowledgebase.forms import ArticleForm, PublishForm, SupplementForm, SynonymGroupForm
from knowledgebase.models import (
    ORIGINAL_LANGUAGE,
    Article,
    ArticleStatus,
    ArticleVote,
    RegionalSupplement,
    SynonymGroup,
    ZeroResultSearch,
    translation_languages,
)
from knowledgebase.readability import analyse
from knowledgebase.services import (
    article_archive,
    article_create,
    article_mark_checked,
    article_publish,
    article_submit,
    article_translate,
    article_update,
    revision_revert,
    supplement_save,
    synonym_group_delete,
    synonym_group_save,
)
from regions.models import SupportPoint

EDITORS = (Role.PROFESSIONAL, Role.COORDINATOR)
LOW_RATING_MIN_VOTES = 5
LOW_RATING_SHARE = 0.5
LATEST_COMMENTS = 5


def _is_professional(user: Any) -> bool:
    return bool(user.is_professional or user.is_superuser)


@require_GET
@role_required(*EDITORS)
def dashboard(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    context: dict[str, Any] = {"is_professional": _is_professional(user)}
    if context["is_professional"]:
        today = timezone.localdate()
        context["overdue"] = Article.objects.filter(review_due__lt=today, status=ArticleStatus.PUBLISHED).order_by(
            "review_due"
        )[:50]
        context["in_review"] = Article.objects.filter(status=ArticleStatus.REVIEW).order_by("updated_at")[:50]
        context["low_rated"] = (
            Article.objects.annotate(
                votes_total=Count("votes"), votes_helpful=Count("votes", filter=Q(votes__helpful=True))
            )
            .filter(votes_total__gte=LOW_RATING_MIN_VOTES, votes_helpful__lt=F("votes_total") * LOW_RATING_SHARE)
            .order_by("votes_helpful")[:50]
        )
        context["comments"] = (
            ArticleVote.objects.exclude(comment="").select_related("article").order_by("-created_at")[:10]
        )
        context["zero_results"] = ZeroResultSearch.objects.order_by("-count", "-last_seen")[:50]
    else:
        context["proposals"] = Article.objects.editable_by(user).order_by("-updated_at")[:50]
    points = SupportPoint.objects.coordinated_by(user) if user.is_coordinator else SupportPoint.objects.none()
    context["support_points"] = list(points)
    context["supplements"] = (
        RegionalSupplement.objects.filter(support_point__in=context["support_points"])
        .select_related("support_point")
        .order_by("article_slug")[:100]
    )
    return render(request, "knowledgebase/editorial/dashboard.html", context)


@require_GET
@role_required(Role.PROFESSIONAL)
def article_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    articles = Article.objects.select_related("topic").order_by("title")
    if status in ArticleStatus.values:
        articles = articles.filter(status=status)
    page = Paginator(articles, 50).get_page(request.GET.get("pagina"))
    context = {"page": page, "status": status, "statuses": ArticleStatus.choices}
    return render(request, "knowledgebase/editorial/article_list.html", context)


@require_http_methods(["GET", "POST"])
@role_required(*EDITORS)
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if Article.objects.filter(slug=data["slug"], language="nl").exists():
            form.add_error("slug", _("Er is al een artikel met deze korte naam."))
        else:
            article = article_create(
                author=request.user,  # type: ignore[arg-type]
                slug=data["slug"],
                topic=data["topic"],
                content=form.content(),
                needs=data["needs"],
                sectors=data["sectors"],
                note=data["note"],
            )
            messages.success(request, _("Het concept is opgeslagen."))
            return redirect("knowledgebase:editor_article", pk=article.pk)
    status = 400 if form.errors else 200
    return render(request, "knowledgebase/editorial/article_form.html", {"form": form, "article": None}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(*EDITORS)
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_editor(request.user, pk)
    initial = {
        "title": article.title,
        "topic": article.topic_id,
        "summary": article.summary,
        "body": article.body,
        "body_more": article.body_more,
        "needs": article.needs,
        "sectors": article.sectors,
    }
    form = ArticleForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        article_update(
            article=article,
            author=request.user,  # type: ignore[arg-type]
            content=form.content(),
            topic=data["topic"],
            needs=data["needs"],
            sectors=data["sectors"],
            note=data["note"],
        )
        messages.success(request, _("De nieuwe versie is opgeslagen."))
        return redirect("knowledgebase:editor_article", pk=article.pk)
    context = {
        "form": form,
        "article": article,
        "readability": analyse(article.body_plain) if article.readability_applies else None,
        "publish_form": PublishForm(),
        "is_professional": _is_professional(request.user),
        "can_submit": article.status == ArticleStatus.DRAFT,
        **_translations_context(article),
        **_feedback_context(article),
    }
    return render(request, "knowledgebase/editorial/article_form.html", context, status=400 if form.errors else 200)


def _translations_context(article: Article) -> dict[str, Any]:
    """The original of a translation, or the translations of an original (written or still to write)."""
    others = {
        a.language: a
        for a in Article.objects.filter(slug=article.slug)
        .exclude(pk=article.pk)
        .only("pk", "language", "status", "title")
    }
    if article.is_translation:
        return {"original": others.get(ORIGINAL_LANGUAGE), "translations": []}
    return {
        "original": None,
        "translations": [(code, name, others.get(code)) for code, name in translation_languages().items()],
    }


def _feedback_context(article: Article) -> dict[str, Any]:
    """'Was dit nuttig?' for the editors: the counts and the newest comments."""
    totals = article.votes.aggregate(
        yes=Count("pk", filter=Q(helpful=True)),
        no=Count("pk", filter=Q(helpful=False)),
        comments=Count("pk", filter=~Q(comment="")),
    )
    latest = article.votes.exclude(comment="").order_by("-created_at")[:LATEST_COMMENTS]
    return {"votes": totals, "latest_comments": latest}


@require_http_methods(["GET", "POST"])
@role_required(*EDITORS)
def article_translate_view(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    original = get_original_for_translation(request.user, pk, language)
    existing = Article.objects.filter(slug=original.slug, language=language).first()
    if existing is not None:
        return redirect("knowledgebase:editor_article", pk=existing.pk)
    # The Dutch text is the starting point: the editor replaces it paragraph by paragraph.
    initial = {
        "title": original.title,
        "summary": original.summary,
        "body": original.body,
        "body_more": original.body_more,
    }
    form = ArticleForm(request.POST or None, initial=initial, translating=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        translated = article_translate(
            original=original,
            language=language,
            author=request.user,  # type: ignore[arg-type]
            content=form.content(),
            note=data["note"],
        )
        messages.success(request, _("De vertaling is als concept opgeslagen."))
        return redirect("knowledgebase:editor_article", pk=translated.pk)
    context = {"form": form, "original": original, "language_name": translation_languages()[language]}
    status = 400 if form.errors else 200
    return render(request, "knowledgebase/editorial/translation_form.html", context, status=status)


@require_GET
@role_required(*EDITORS)
def article_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_editor(request.user, pk)
    comments = article.votes.exclude(comment="").order_by("-created_at")
    page = Paginator(comments, 50).get_page(request.GET.get("pagina"))
    context = {"article": article, "page": page, **_feedback_context(article)}
    return render(request, "knowledgebase/editorial/feedback.html", context)


@require_POST
@role_required(*EDITORS)
def article_status(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_editor(request.user, pk)
    user: Any = request.user
    action = request.POST.get("action", "")
    professional_only = {"publish", "archive", "checked"}
    if action in professional_only and not _is_professional(user):
        messages.error(request, _("Alleen een professional mag dit doen."))
        return redirect("knowledgebase:editor_article", pk=article.pk)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        if action == "submit":
            article_submit(article=article, by=user)
            messages.success(request, _("Het artikel is ter beoordeling aangeboden."))
        elif action == "publish":
            article_publish(article=article, by=user, override_reason=form.cleaned_data.get("override_reason", ""))
            messages.success(request, _("Het artikel is gepubliceerd."))
        elif action == "archive":
            article_archive(article=article, by=user)
            messages.success(request, _("Het artikel is gearchiveerd."))
        elif action == "checked":
            article_mark_checked(article=article, by=user)
            messages.success(request, _("Gecontroleerd. De volgende controle is over een jaar."))
        else:
            messages.error(request, _("Deze actie bestaat niet."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("knowledgebase:editor_article", pk=article.pk)


@require_GET
@role_required(*EDITORS)
def article_history(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_article_for_editor(request.user, pk)
    revisions = article.revisions.select_related("author").order_by("-number")
    page = Paginator(revisions, 50).get_page(request.GET.get("pagina"))
    return render(request, "knowledgebase/editorial/history.html", {"article": article, "page": page})


@require_GET
@role_required(*EDITORS)
def revision_diff(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    revision = get_revision_for_editor(request.user, pk, number)
    against = request.GET.get("met", "")
    base_number = int(against) if against.isdigit() else number - 1
    base = revision.article.revisions.select_related("author").filter(number=base_number).first()
    context = {
        "article": revision.article,
        "revision": revision,
        "base": base,
        "fields": diff_revisions(base, revision),
    }
    return render(request, "knowledgebase/editorial/diff.html", context)


@require_http_methods(["GET", "POST"])
@role_required(*EDITORS)
def revision_revert_view(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    revision = get_revision_for_editor(request.user, pk, number)
    if request.method == "POST":
        revision_revert(revision=revision, by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Versie %(number)s is weer de huidige versie.") % {"number": number})
        return redirect("knowledgebase:editor_article", pk=pk)
    return render(request, "knowledgebase/editorial/revert_confirm.html", {"revision": revision})


@require_http_methods(["GET", "POST"])
@role_required(Role.COORDINATOR)
def supplement_edit(request: HttpRequest, slug: str, point: str) -> HttpResponse:
    support_point = get_support_point_for_supplement(request.user, point)
    article = get_object_or_404(Article.objects.only("slug", "title"), slug=slug, language="nl")
    existing = RegionalSupplement.objects.filter(article_slug=slug, support_point=support_point).first()
    form = SupplementForm(request.POST or None, initial={"body": existing.body if existing else ""})
    if request.method == "POST" and form.is_valid():
        supplement_save(
            article_slug=slug,
            support_point=support_point,
            body=form.cleaned_data["body"],
            by=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, _("De regionale aanvulling is opgeslagen."))
        return redirect("knowledgebase:dashboard")
    context = {"form": form, "article": article, "support_point": support_point, "existing": existing}
    return render(request, "knowledgebase/editorial/supplement_form.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROFESSIONAL)
def synonym_list(request: HttpRequest) -> HttpResponse:
    form = SynonymGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        synonym_group_save(group=None, terms=form.cleaned_data["terms"], by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("De synoniemen zijn opgeslagen."))
        return redirect("knowledgebase:synonyms")
    page = Paginator(SynonymGroup.objects.order_by("terms"), 50).get_page(request.GET.get("pagina"))
    status = 400 if form.errors else 200
    return render(request, "knowledgebase/editorial/synonyms.html", {"form": form, "page": page}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROFESSIONAL)
def synonym_edit(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(SynonymGroup, pk=pk)
    form = SynonymGroupForm(request.POST or None, initial={"terms": ", ".join(group.terms)})
    if request.method == "POST" and form.is_valid():
        synonym_group_save(group=group, terms=form.cleaned_data["terms"], by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("De synoniemen zijn opgeslagen."))
        return redirect("knowledgebase:synonyms")
    status = 400 if form.errors else 200
    return render(request, "knowledgebase/editorial/synonym_form.html", {"form": form, "group": group}, status=status)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROFESSIONAL)
def synonym_delete(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_object_or_404(SynonymGroup, pk=pk)
    if request.method == "POST":
        synonym_group_delete(group=group, by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("De synoniemen zijn verwijderd."))
        return redirect("knowledgebase:synonyms")
    return render(request, "knowledgebase/editorial/synonym_delete.html", {"group": group})
