"""Pages for parents: ask a question, follow it (signed in or through the guest link), reply, rate the help."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from backoffice.access import get_own_question
from backoffice.choices import MessageKind
from backoffice.forms import AskForm, ReplyForm, SurveyForm
from backoffice.models import Question
from backoffice.ratelimit import RETRY_AFTER_SECONDS, ask_allowed
from backoffice.services import parent_reply, question_ask, survey_answer
from backoffice.suggestions import suggest_articles
from backoffice.tasks import GUEST_LINK_MAX_AGE, GUEST_SALT, SURVEY_LINK_MAX_AGE, SURVEY_SALT
from regions.models import SupportPoint
from regions.session import chosen_region

PAGE_SIZE = 25


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    region = chosen_region(request)
    if region is None:
        return redirect(f"{reverse('regions:choose')}?{urlencode({'next': request.path})}")
    point = SupportPoint.objects.filter(pk__in=region["support_point_ids"]).order_by("pk").first()
    guest = not request.user.is_authenticated
    form = AskForm(request.POST or None, guest=guest)
    if point is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not ask_allowed(request, email=data.get("guest_email") or request.user.email):
            return _too_many(request, point)
        question = question_ask(
            support_point=point,
            asker=None if guest else request.user,
            guest_email=data.get("guest_email", ""),
            **{k: data[k] for k in ("subject", "body", "tier", "needs", "school_type", "child_at_home")},
            consent_buddy=data["consent_buddy"],
            consent_backoffice=data["consent_backoffice"],
        )
        messages.success(request, _("Je vraag is verstuurd naar %(point)s.") % {"point": point.name})
        return redirect("backoffice:asked" if guest else question.get_absolute_url())
    status = 400 if form.errors else 200
    return render(request, "backoffice/ask.html", {"form": form, "point": point, "region": region}, status=status)


def _too_many(request: HttpRequest, point: SupportPoint) -> HttpResponse:
    response = render(request, "backoffice/too_many.html", {"point": point}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@require_GET
def asked(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/asked.html")


@require_GET
def suggestions(request: HttpRequest) -> HttpResponse:
    """An HTML fragment with matching articles, fetched by static/js/backoffice/suggestions.js while typing."""
    text = request.GET.get("q", "")[:500]
    return render(request, "backoffice/_suggestions.html", {"suggestions": suggest_articles(text)})


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    questions = Question.objects.asked_by(request.user).select_related("support_point")
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "backoffice/mine.html", {"page": page})


def _public_messages(question: Question) -> list:
    return list(question.messages.filter(kind=MessageKind.REPLY).select_related("author"))


def _follow(request: HttpRequest, question: Question, *, template_context: dict) -> HttpResponse:
    """The question as the parent sees it, with the reply form (shared by the signed-in and the guest page)."""
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        author = user if user.is_authenticated and user.pk == question.asker_id else None
        parent_reply(question=question, author=author, body=form.cleaned_data["body"])
        messages.success(request, _("Je reactie is verstuurd."))
        return redirect(request.path)
    context = {"question": question, "replies": _public_messages(question), "form": form, **template_context}
    return render(request, "backoffice/follow.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def mine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_own_question(request, pk)
    return _follow(request, question, template_context={"guest": False})


def _unsigned(token: str, *, salt: str, max_age: int) -> tuple[int | None, str]:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    pk = value.get("q") if isinstance(value, dict) else None
    return (pk, "") if isinstance(pk, int) else (None, "invalid")


def _bad_link(request: HttpRequest, problem: str) -> HttpResponse:
    return render(
        request, "backoffice/bad_link.html", {"problem": problem}, status=410 if problem == "expired" else 400
    )


@require_http_methods(["GET", "POST"])
def guest(request: HttpRequest, token: str) -> HttpResponse:
    pk, problem = _unsigned(token, salt=GUEST_SALT, max_age=GUEST_LINK_MAX_AGE)
    question = (
        Question.objects.select_related("support_point", "regional_handler", "escalation__assignee")
        .filter(pk=pk)
        .first()
    )
    if question is None or question.anonymised_at:
        return _bad_link(request, problem or "gone")
    return _follow(request, question, template_context={"guest": True})


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    pk, problem = _unsigned(token, salt=SURVEY_SALT, max_age=SURVEY_LINK_MAX_AGE)
    question = Question.objects.filter(pk=pk, anonymised_at__isnull=True).first()
    if question is None:
        return _bad_link(request, problem or "gone")
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey_answer(question=question, score=form.cleaned_data["score"])
        return render(request, "backoffice/survey_thanks.html")
    return render(request, "backoffice/survey.html", {"form": form}, status=400 if form.errors else 200)
