"""Finding a school: the need-first search, a school's page, the comparison and the personal shortlist."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import caches
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ouderplatform.pagecache import cache_public_page
from regions.access import get_school, get_school_with_profile
from regions.cards import card_labels, school_cards
from regions.filters import DEFAULT_RADIUS_KM, SchoolFilter
from regions.lookup import support_points_for_partnership
from regions.models import Experience, Need, School
from regions.shortlist import MAX_COMPARE, shortlist, shortlist_toggle
from regions.views.region import _next_url

PAGE_SIZE = 20
FRAGMENT_HEADER = "X-Fragment"
REFERENCE_CACHE_SECONDS = 60
SEARCH_CHECKBOXES = ("behoefte", "soort", "schoolniveau", "voorziening")


def _shortlist_and_fragment(request: HttpRequest) -> str:
    """What besides path, language and region changes these pages for an anonymous visitor (for the page cache)."""
    return ",".join(shortlist(request)) + "|" + request.headers.get(FRAGMENT_HEADER, "")


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("pagina", None)
    return query.urlencode()


@require_GET
@cache_public_page(vary_on=_shortlist_and_fragment)
def school_search(request: HttpRequest) -> HttpResponse:
    data = None
    if request.GET:
        data = request.GET.copy()
        data.setdefault("afstand", str(DEFAULT_RADIUS_KM))
    search = SchoolFilter(data, queryset=School.objects.open().card_rows())
    page = None
    if search.is_bound and search.is_valid():
        page = Paginator(search.qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "search": search,
        "page": page,
        "cards": school_cards(page.object_list) if page else [],
        "labels": card_labels(),
        "checkboxes": {name: search.checkboxes(name) for name in SEARCH_CHECKBOXES},
        "query": _query_without_page(request),
        "shortlist": shortlist(request),
    }
    template = "regions/school_search.html"
    if request.headers.get(FRAGMENT_HEADER) == "results":
        template += "#results"  # the JavaScript swaps only the results; the URL stays shareable
    response = render(request, template, context)
    patch_vary_headers(response, [FRAGMENT_HEADER])
    return response


@require_GET
@cache_public_page(vary_on=_shortlist_and_fragment)
def school_detail(request: HttpRequest, code: str) -> HttpResponse:
    school = get_school_with_profile(code)
    profile = getattr(school, "profile", None)
    experiences = Experience.objects.published().filter(school=school).prefetch_related("needs")[:20]
    context = {
        "school": school,
        "profile": profile,
        "experiences": experiences,
        "support_points": caches["pages"].get_or_set(
            f"regions:points-of:{school.partnership_id}",
            lambda: support_points_for_partnership(school.partnership_id),
            REFERENCE_CACHE_SECONDS,
        ),
        "on_shortlist": school.code in shortlist(request),
        "can_edit": _may_edit_profile(request, school),
        "topics": _knowledge_topics(),
    }
    return render(request, "regions/school_detail.html", context)


def _knowledge_topics() -> list[object]:
    """Knowledge-base topics on choosing a school and on support at school (tiers 1 and 3), when there are any."""
    from knowledgebase.models import Tier, Topic

    def topics() -> list[object]:
        return list(Topic.objects.filter(tier__in=[Tier.SCHOOL_CHOICE, Tier.SUPPORT_AT_SCHOOL]).order_by("tier")[:6])

    # The same on every school page and rarely edited: a minute per process saves a query on each page.
    return caches["pages"].get_or_set("regions:school-topics", topics, REFERENCE_CACHE_SECONDS)


def _may_edit_profile(request: HttpRequest, school: School) -> bool:
    user = request.user
    if not user.is_authenticated or not (user.is_superuser or user.is_coordinator):  # type: ignore[union-attr]
        return False
    return School.objects.coordinated_by(user).filter(pk=school.pk).exists()


@require_GET
@cache_public_page(vary_on=_shortlist_and_fragment)
def school_compare(request: HttpRequest) -> HttpResponse:
    codes = [code.upper() for code in request.GET.getlist("school") if code][:MAX_COMPARE]
    if not codes:
        codes = shortlist(request)[:MAX_COMPARE]
    found = {s.code: s for s in School.objects.filter(code__in=codes).with_profile()}
    schools = [found[code] for code in codes if code in found]
    rows = []
    if schools:
        levels = [{pn.need_id: pn for pn in s.profile.needs.all()} if hasattr(s, "profile") else {} for s in schools]
        needs = caches["pages"].get_or_set("regions:needs", lambda: list(Need.objects.all()), REFERENCE_CACHE_SECONDS)
        rows = [(need, [lvl.get(need.pk) for lvl in levels]) for need in needs]
    context = {"schools": schools, "need_rows": rows, "too_many": len(request.GET.getlist("school")) > MAX_COMPARE}
    return render(request, "regions/school_compare.html", context)


@require_GET
def school_shortlist(request: HttpRequest) -> HttpResponse:
    codes = shortlist(request)
    found = {row["code"]: row for row in School.objects.filter(code__in=codes).card_rows()}
    cards = school_cards(found[code] for code in codes if code in found)
    context = {"schools": cards, "cards": cards, "labels": card_labels(), "max_compare": MAX_COMPARE}
    return render(request, "regions/school_shortlist.html", context)


@require_POST
def school_shortlist_toggle(request: HttpRequest, code: str) -> HttpResponse:
    school = get_school(code)
    if shortlist_toggle(request, school.code):
        messages.success(request, _("%(name)s staat op je lijstje.") % {"name": school.name})
    else:
        messages.info(request, _("%(name)s staat niet meer op je lijstje.") % {"name": school.name})
    return redirect(_next_url(request) or school.get_absolute_url())
