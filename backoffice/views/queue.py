"""Work lists: the professionals' queue (with take-next and saved filters) and the regional list of questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import role_required
from accounts.models import Role
from backoffice.choices import Status, Tier, Urgency
from backoffice.forms import QueueFilter, SavedFilterForm
from backoffice.models import SLA_LABELS, SLA_STATE_FIELDS, Escalation, Question, SavedFilter, sla_state_of
from backoffice.services import escalation_take_next

PAGE_SIZE = 25
# Counting 50,000 open escalations on every queue view costs more than the rest of the page; nobody pages that far.
COUNT_CAP = 1000
# A primary key no row has, reversed once per page and replaced per row.
URL_SENTINEL = 987654321


class CappedPaginator(Paginator):
    """A paginator that counts at most COUNT_CAP + 1 rows (a LIMIT in a subquery); `capped` says the list is longer."""

    @cached_property
    def count(self) -> int:
        # Count keys only: the page's own columns (and their joins) cost time in a count.
        return self.object_list.values_list("pk").order_by()[: COUNT_CAP + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_CAP


ROW_FIELDS = (
    "question_id",
    "question__subject",
    "question__tier",
    "question__child_at_home",
    "question__support_point__name",
    "urgency",
    "priority",
    "assignee__first_name",
    "assignee__email",
    *SLA_STATE_FIELDS,
)


def queue_rows(escalations: Iterable[Mapping[str, Any]], *, now: dt.datetime) -> list[dict[str, Any]]:
    """The queue's table rows (from `.values(*ROW_FIELDS)`) as strings, labels and dates formatted once per page.

    The template then only places strings: model instances, display methods, `reverse()` and date filters per cell
    cost more than the rest of the page at 25 rows.
    """
    tiers = {value: str(label) for value, label in Tier.choices}
    urgencies = {value: str(label) for value, label in Urgency.choices}
    sla_labels = {state: str(label) for state, label in SLA_LABELS.items()}
    url_pattern = reverse("backoffice:case", kwargs={"pk": URL_SENTINEL})
    rows = []
    for escalation in escalations:
        state = sla_state_of(escalation, now)
        due = timezone.localtime(escalation["next_due_at"]) if escalation["next_due_at"] else None
        assignee = escalation["assignee__first_name"] or (escalation["assignee__email"] or "").split("@")[0]
        rows.append(
            {
                "url": url_pattern.replace(str(URL_SENTINEL), str(escalation["question_id"])),
                "pk": escalation["question_id"],
                "subject": escalation["question__subject"],
                "tier": tiers[escalation["question__tier"]],
                "at_home": escalation["question__child_at_home"],
                "point": escalation["question__support_point__name"],
                "urgency": urgencies[escalation["urgency"]],
                "priority": escalation["priority"],
                "sla_state": state,
                "sla_label": sla_labels[state],
                "due_iso": due.isoformat(timespec="minutes") if due else "",
                "due": f"{due.day}-{due.month} {due:%H:%M}" if due else "",
                "assignee": assignee,
            }
        )
    return rows


@role_required(Role.PROFESSIONAL)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    query = request.GET.copy()
    query.pop("pagina", None)
    filterset = QueueFilter(query, queryset=Escalation.objects.for_queue(), request=request)
    page = CappedPaginator(filterset.qs.values(*ROW_FIELDS), PAGE_SIZE).get_page(request.GET.get("pagina"))
    context = {
        "filter": filterset,
        "page": page,
        "rows": queue_rows(page.object_list, now=timezone.now()),
        "saved_filters": SavedFilter.objects.filter(owner=request.user),
        "save_form": SavedFilterForm(initial={"query": query.urlencode()}),
        "query": query.urlencode(),
    }
    return render(request, "backoffice/queue.html", context)


@role_required(Role.PROFESSIONAL)
@require_POST
def take_next(request: HttpRequest) -> HttpResponse:
    escalation = escalation_take_next(professional=request.user)
    if escalation is None:
        messages.info(request, _("Er staan geen vragen meer in de wachtrij."))
        return redirect("backoffice:queue")
    messages.success(request, _("Je behandelt nu deze vraag."))
    return redirect(escalation.question.get_case_url())


@role_required(Role.PROFESSIONAL)
@require_POST
def filter_save(request: HttpRequest) -> HttpResponse:
    form = SavedFilterForm(request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                SavedFilter.objects.create(owner=request.user, **form.cleaned_data)
            messages.success(request, _("Het filter is bewaard."))
        except IntegrityError:
            messages.error(request, _("Je hebt al een filter met deze naam."))
    else:
        messages.error(request, _("Geef het filter een naam."))
    query = form.cleaned_data.get("query", "") if form.is_valid() else ""
    return redirect(f"{reverse('backoffice:queue')}?{query}" if query else "backoffice:queue")


@role_required(Role.PROFESSIONAL)
@require_POST
def filter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(SavedFilter, pk=pk, owner=request.user).delete()
    messages.success(request, _("Het filter is verwijderd."))
    return redirect("backoffice:queue")


@role_required(Role.BUDDY, Role.COORDINATOR)
@require_GET
def regional(request: HttpRequest) -> HttpResponse:
    """Coordinators: the questions of their support points. Buddies: the questions given to them."""
    user = request.user
    show_closed = request.GET.get("afgesloten") == "1"
    questions = Question.objects.all()
    if not user.is_superuser:
        questions = questions.filter(
            Q(regional_handler=user) | Q(support_point_id__in=user.support_point_ids(Role.COORDINATOR))
        )
    questions = questions.select_related("support_point", "regional_handler", "escalation__assignee").order_by(
        "-urgency", "-created_at"
    )
    if not show_closed:
        questions = questions.exclude(status=Status.CLOSED)
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "backoffice/regional.html", {"page": page, "show_closed": show_closed})
