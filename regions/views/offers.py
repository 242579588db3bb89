"""The regional support offer: what the region (and the country) offers beyond the schools."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from regions.filters import OfferFilter
from regions.models import SupportOffer, SupportPoint
from regions.session import chosen_region
from regions.views.schools import _query_without_page

REGIONAL_FIRST = F("support_point_id").asc(nulls_last=True)


@require_GET
def offer_list(request: HttpRequest) -> HttpResponse:
    point = None
    if slug := request.GET.get("steunpunt"):
        point = get_object_or_404(SupportPoint, slug=slug)
        point_ids = [point.pk]
    else:
        region = chosen_region(request)
        point_ids = region["support_point_ids"] if region else []
    offers = SupportOffer.objects.for_region(point_ids).select_related("support_point").prefetch_related("needs")
    search = OfferFilter(request.GET or None, queryset=offers.order_by(REGIONAL_FIRST, "title"))
    results = search.qs if search.is_bound else offers.order_by(REGIONAL_FIRST, "title")
    page = Paginator(results, 20).get_page(request.GET.get("pagina"))
    context = {
        "search": search,
        "page": page,
        "point": point,
        "has_region": bool(point_ids),
        "query": _query_without_page(request),
    }
    return render(request, "regions/offer_list.html", context)


@require_GET
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = get_object_or_404(SupportOffer.objects.select_related("support_point").prefetch_related("needs"), pk=pk)
    return render(request, "regions/offer_detail.html", {"offer": offer})
