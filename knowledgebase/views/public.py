"""Pages for parents: the tiers, topics, articles with their regional supplement, search, glossary and votes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from knowledgebase.access import ArticleView, get_published_article
from knowledgebase.forms import SearchForm, VoteForm
from knowledgebase.models import (
    TIER_INTRODUCTIONS,
    Article,
    ArticleStatus,
    ArticleVote,
    GlossaryTerm,
    RegionalSupplement,
    Tier,
    Topic,
)
from knowledgebase.search import CANDIDATES, highlight, page_articles, plan, ranked_ids, suggestions
from knowledgebase.services import vote_cast, voter_key, zero_result_log
from ouderplatform.pagecache import cache_public_page
from regions.models import SupportPoint
from regions.session import chosen_region

PAGE_SIZE = 20
SEARCH_PAGE_SIZE = 10


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    published = Q(articles__status=ArticleStatus.PUBLISHED, articles__language="nl")
    topics = Topic.objects.annotate(article_count=Count("articles", filter=published))
    tiers = [
        {"tier": tier, "introduction": TIER_INTRODUCTIONS[tier], "topics": [t for t in topics if t.tier == tier]}
        for tier in Tier
    ]
    return render(request, "knowledgebase/index.html", {"tiers": tiers, "form": SearchForm()})


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    articles = topic.articles.published().in_language("nl").only("slug", "title", "summary", "topic_id")
    page = Paginator(articles.order_by("title"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {"topic": topic, "tier_label": Tier(topic.tier).label, "page": page}
    return render(request, "knowledgebase/topic.html", context)


def _article_context(request: HttpRequest, view: ArticleView, vote_form: VoteForm | None = None) -> dict[str, Any]:
    article = view.article
    terms = list(article.terms.all())
    region = chosen_region(request)
    supplement = None
    if region and region["support_point_ids"]:
        supplement = (
            RegionalSupplement.objects.filter(
                article_slug=article.slug, support_point_id__in=region["support_point_ids"]
            )
            .select_related("support_point")
            .order_by("support_point__name")
            .first()
        )
    session_key = request.session.session_key
    voted = bool(session_key) and ArticleVote.objects.filter(article=article, voter=voter_key(session_key)).exists()
    return {
        "article": article,
        "view": view,
        "body_html": article.body_html,
        "more_html": article.body_more_html,
        "terms": terms,
        "related": article.related.published().only("slug", "title", "summary").order_by("title"),
        "supplement": supplement,
        "supplement_html": supplement.body_html if supplement else "",
        "region": region,
        "voted": voted,
        "vote_form": vote_form or VoteForm(),
        "tier_label": Tier(article.topic.tier).label,
        "editor_points": _editor_points(request),
    }


def _editor_points(request: HttpRequest) -> list[SupportPoint]:
    """Support points whose supplement this visitor may write (coordinators only; no query for parents)."""
    user: Any = request.user
    if not user.is_authenticated or not (user.is_superuser or user.is_coordinator):
        return []
    return list(SupportPoint.objects.coordinated_by(user).only("slug", "name"))


def _unless_session(request: HttpRequest) -> str | None:
    """Visitors with a session may have voted (the page says so): they get their own render, not the shared one."""
    return None if request.session.session_key else ""


@require_GET
@cache_public_page(vary_on=_unless_session)
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    view = get_published_article(request, slug)
    return render(request, "knowledgebase/article.html", _article_context(request, view))


@require_POST
def article_vote(request: HttpRequest, slug: str) -> HttpResponse:
    view = get_published_article(request, slug)
    form = VoteForm(request.POST)
    if not form.is_valid():
        context = _article_context(request, view, vote_form=form)
        return render(request, "knowledgebase/article.html", context, status=400)
    if not request.session.session_key:
        request.session.save()
    counted = vote_cast(
        article=view.article,
        session_key=request.session.session_key or "",
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    if counted:
        messages.success(request, _("Bedankt voor je antwoord."))
    else:
        messages.info(request, _("Je hebt dit artikel al beoordeeld. Bedankt!"))
    return redirect(f"{view.article.get_absolute_url()}#nuttig")


@require_GET
@cache_public_page
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context: dict[str, Any] = {
        "form": form,
        "query": text,
        "page": None,
        "search_plan": None,
        "max_results": CANDIDATES,
    }
    if text:
        search_plan = plan(text)
        page = Paginator(ranked_ids(search_plan), SEARCH_PAGE_SIZE).get_page(request.GET.get("pagina"))
        articles = page_articles(search_plan, list(page.object_list))
        for article in articles:
            article.snippet_html = highlight(article.snippet or article.summary)
        if page.paginator.count == 0:
            zero_result_log(query=text)
        context.update(page=page, articles=articles, search_plan=search_plan)
    response = render(request, "knowledgebase/search.html", context)
    # Every search that finds nothing must reach the editors' log, so those pages are never shared from the cache.
    response.no_page_cache = bool(text) and context["page"].paginator.count == 0  # type: ignore[attr-defined]
    return response


@require_GET
def search_suggestions(request: HttpRequest) -> JsonResponse:
    text = request.GET.get("q", "")[:200]
    found = suggestions(text) if len(text.strip()) >= 2 else []
    return JsonResponse({"results": [{"title": a.title, "url": a.get_absolute_url()} for a in found]})


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledgebase/glossary.html", {"terms": GlossaryTerm.objects.order_by("term")})


def published_titles(slugs: list[str]) -> list[Article]:
    """Published Dutch articles for `slugs`, in the order given (missing ones are skipped)."""
    found = {
        a.slug: a for a in Article.objects.published().in_language("nl").filter(slug__in=slugs).only("slug", "title")
    }
    return [found[slug] for slug in slugs if slug in found]
