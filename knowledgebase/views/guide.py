"""The support-route guide: a multi-step form over GET (no JavaScript, nothing stored) and a printable result."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from knowledgebase import route
from knowledgebase.forms import route_question_form
from knowledgebase.views.public import published_titles
from regions.models import Partnership, SupportPoint
from regions.session import chosen_region


@require_GET
def route_guide(request: HttpRequest) -> HttpResponse:
    answers = route.parse(request.GET)
    asked = request.GET.get("stap", "")
    key = route.next_question(answers)
    if key is None:
        return redirect(f"{reverse('knowledgebase:route_result')}?{route.encode(answers)}")
    form = route_question_form(key)
    if asked == key:
        # The parent pressed 'Volgende' without choosing: show the same question with its error.
        form = route_question_form(key, request.GET)
        form.is_valid()
    questions = route.needed(answers)
    previous = {k: v for k, v in answers.items() if k != key}
    answered = [k for k in questions if k in previous]
    back = {k: v for k, v in previous.items() if answered and k != answered[-1]}
    context = {
        "form": form,
        "key": key,
        "hidden": [(k, value) for k, values in previous.items() for value in values],
        "number": questions.index(key) + 1,
        "total": len(questions),
        "back_query": route.encode(back) if answered else None,
        "started": bool(answers),
    }
    return render(request, "knowledgebase/guide_step.html", context, status=400 if form.errors else 200)


@require_GET
def route_result(request: HttpRequest) -> HttpResponse:
    answers = route.parse(request.GET)
    if route.next_question(answers) is not None:
        return redirect(f"{reverse('knowledgebase:route_guide')}?{route.encode(answers)}")
    result = route.build(answers)
    region = chosen_region(request)
    points = SupportPoint.objects.filter(pk__in=region["support_point_ids"]) if region else SupportPoint.objects.none()
    partnerships = (
        Partnership.objects.filter(pk__in=region["partnership_ids"]).order_by("sector")
        if region
        else Partnership.objects.none()
    )
    summary = [
        (route.QUESTIONS[key][0], [label for code, label in route.QUESTIONS[key][1] if code in answers[key]])
        for key in route.needed(answers)
    ]
    context = {
        "result": result,
        "summary": summary,
        "articles": published_titles(result.article_slugs),
        "region": region,
        "support_points": list(points),
        "partnerships": list(partnerships),
        "query": route.encode(answers),
        "share_url": request.build_absolute_uri(),
    }
    return render(request, "knowledgebase/guide_result.html", context)
