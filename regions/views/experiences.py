"""Parents share experiences of a school; coordinators of the region moderate them; anyone may report one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from accounts.access import role_required
from accounts.models import Role
from regions.access import get_experience_for_moderator, get_own_experience, get_published_experience, get_school
from regions.forms import ExperienceForm, ModerationForm, ReportForm
from regions.models import Experience, ExperienceStatus
from regions.privacy_check import personal_details
from regions.services import ModerationAction, experience_moderate, experience_report, experience_submit


@require_http_methods(["GET", "POST"])
@login_required
def experience_create(request: HttpRequest, code: str) -> HttpResponse:
    school = get_school(code)
    if not school.is_open:
        raise Http404
    form = ExperienceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        experience_submit(school=school, author=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Dank je wel. Het steunpunt leest je ervaring en zet die daarna op de site."))
        return redirect("regions:experience_mine")
    status = 400 if form.errors else 200
    return render(request, "regions/experience_form.html", {"school": school, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def experience_edit(request: HttpRequest, pk: int) -> HttpResponse:
    experience = get_own_experience(request.user, pk)
    initial = {
        "needs": list(experience.needs.all()),
        "school_year": experience.school_year,
        "went_well": experience.went_well,
        "could_be_better": experience.could_be_better,
    }
    form = ExperienceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        experience_submit(
            school=experience.school,
            author=request.user,  # type: ignore[arg-type]
            experience=experience,
            **form.cleaned_data,
        )
        messages.success(request, _("Je wijziging is opgeslagen. Het steunpunt leest je ervaring opnieuw."))
        return redirect("regions:experience_mine")
    status = 400 if form.errors else 200
    context = {"school": experience.school, "form": form, "experience": experience}
    return render(request, "regions/experience_form.html", context, status=status)


@require_GET
@login_required
def experience_mine(request: HttpRequest) -> HttpResponse:
    experiences = Experience.objects.filter(author=request.user).select_related("school").order_by("-created_at")
    page = Paginator(experiences, 20).get_page(request.GET.get("pagina"))
    return render(request, "regions/experience_mine.html", {"page": page})


@require_http_methods(["GET", "POST"])
def experience_report_view(request: HttpRequest, pk: int) -> HttpResponse:
    experience = get_published_experience(pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reporter = request.user if request.user.is_authenticated else None
        experience_report(experience=experience, reason=form.cleaned_data["reason"], reporter=reporter)  # type: ignore[arg-type]
        messages.success(request, _("Dank je. Het steunpunt bekijkt deze ervaring opnieuw."))
        return redirect(experience.school.get_absolute_url() + "#ervaringen")
    status = 400 if form.errors else 200
    return render(request, "regions/experience_report.html", {"experience": experience, "form": form}, status=status)


@require_GET
@role_required(Role.COORDINATOR)
def moderation_queue(request: HttpRequest) -> HttpResponse:
    open_reports = Count("reports", filter=Q(reports__resolved_at__isnull=True))
    experiences = (
        Experience.objects.moderated_by(request.user)
        .annotate(open_reports=open_reports)
        .filter(Q(status=ExperienceStatus.PENDING) | Q(open_reports__gt=0))
        .select_related("school")
        .order_by("created_at")
    )
    page = Paginator(experiences, 25).get_page(request.GET.get("pagina"))
    return render(request, "regions/moderation_queue.html", {"page": page})


@require_http_methods(["GET", "POST"])
@role_required(Role.COORDINATOR)
def experience_moderate_view(request: HttpRequest, pk: int) -> HttpResponse:
    experience = get_experience_for_moderator(request.user, pk)
    initial = {"went_well": experience.went_well, "could_be_better": experience.could_be_better}
    form = ModerationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        experience_moderate(
            experience=experience,
            by=request.user,  # type: ignore[arg-type]
            action=ModerationAction(data["action"]),
            went_well=data["went_well"],
            could_be_better=data["could_be_better"],
            reason=data["reason"],
        )
        messages.success(request, _("Je besluit is opgeslagen."))
        return redirect("regions:moderation_queue")
    reports = experience.reports.filter(resolved_at__isnull=True)
    status = 400 if form.errors else 200
    flags = personal_details(f"{experience.went_well}\n{experience.could_be_better}")
    context = {"experience": experience, "form": form, "reports": reports, "flags": flags}
    return render(request, "regions/experience_moderate.html", context, status=status)
