"""'Je zei, wij deden': parents' feedback on the regional offer, with the coordinators' published responses."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from regions.forms import FeedbackForm
from regions.models import SupportPoint
from regions.services import feedback_submit


@require_http_methods(["GET", "POST"])
def feedback_page(request: HttpRequest, slug: str) -> HttpResponse:
    point = get_object_or_404(SupportPoint, slug=slug)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback_submit(support_point=point, message=form.cleaned_data["message"], author=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Dank je wel. We lezen je opmerking en laten hier weten wat we ermee doen."))
        return redirect("regions:feedback", slug=point.slug)
    answered = point.feedback.exclude(response="").order_by("-responded_at")
    page = Paginator(answered, 20).get_page(request.GET.get("pagina"))
    status = 400 if form.errors else 200
    return render(request, "regions/feedback.html", {"point": point, "form": form, "page": page}, status=status)
