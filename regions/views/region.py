from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ouderplatform.pagecache import cache_public_page
from regions.forms import RegionPickForm, RegionQueryForm
from regions.models import Partnership, PostcodeArea, SupportPoint
from regions.session import chosen_region, forget_region, region_for, remember_region


def _next_url(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return None


def _chosen(request: HttpRequest, area: PostcodeArea) -> HttpResponse:
    region = region_for(area)
    messages.success(request, _("Je regio is nu %(label)s.") % {"label": region["label"]})
    response = redirect(_next_url(request) or "regions:my_region")
    remember_region(response, region)
    return response


@require_http_methods(["GET", "POST"])
def choose_region(request: HttpRequest) -> HttpResponse:
    form = RegionQueryForm(request.POST or None)
    candidates: list[PostcodeArea] = []
    if request.method == "POST" and "pc4" in request.POST:
        pick = RegionPickForm(request.POST)
        if pick.is_valid():
            return _chosen(request, pick.cleaned_data["pc4"])
        form = RegionQueryForm()
        messages.error(request, _("Kies een van de gebieden in de lijst."))
    elif request.method == "POST" and form.is_valid() and form.result is not None:
        if form.result.area is not None:
            return _chosen(request, form.result.area)
        candidates = form.result.candidates
    status = 400 if request.method == "POST" and form.errors else 200
    context = {"form": form, "candidates": candidates, "next": _next_url(request) or ""}
    return render(request, "regions/choose_region.html", context, status=status)


@require_POST
def clear_region(request: HttpRequest) -> HttpResponse:
    messages.info(request, _("Je regio is gewist."))
    response = redirect(_next_url(request) or "home")
    forget_region(response)
    return response


@require_GET
@cache_public_page
def my_region(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request)
    if region is None:
        return redirect("regions:choose")
    partnerships = Partnership.objects.filter(pk__in=region["partnership_ids"]).order_by("sector")
    support_points = SupportPoint.objects.filter(pk__in=region["support_point_ids"]).prefetch_related("partnerships")
    context = {"region": region, "partnerships": partnerships, "support_points": support_points}
    return render(request, "regions/my_region.html", context)


@require_GET
@cache_public_page
def support_point_list(request: HttpRequest) -> HttpResponse:
    points = SupportPoint.objects.prefetch_related("partnerships").order_by("name")
    page = Paginator(points, 25).get_page(request.GET.get("pagina"))
    return render(request, "regions/support_point_list.html", {"page": page})


@require_GET
@cache_public_page
def support_point_detail(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_object_or_404(SupportPoint.objects.prefetch_related("partnerships"), slug=slug)
    region = chosen_region(request)
    is_own_region = bool(region and point.pk in region["support_point_ids"])
    return render(request, "regions/support_point_detail.html", {"point": point, "is_own_region": is_own_region})
