"""Background work of the knowledge base, through Django's tasks framework (ImmediateBackend in tests)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


@task()
def send_review_reminder(user_id: int, article_ids: list[int], today: str) -> int:
    """E-mail one professional the articles whose review is due on `today` (ISO date; plain text, Dutch)."""
    from accounts.models import User
    from knowledgebase.models import Article

    person = User.objects.filter(pk=user_id, is_active=True).first()
    articles = list(Article.objects.filter(pk__in=article_ids).order_by("review_due", "title"))
    if person is None or not articles:
        return 0
    site = settings.SITE_URL.rstrip("/")
    for article in articles:
        article.editor_url = site + reverse("knowledgebase:editor_article", kwargs={"pk": article.pk})
    context = {
        "articles": articles,
        "today": datetime.date.fromisoformat(today),
        "dashboard_url": site + reverse("knowledgebase:dashboard"),
    }
    with translation.override("nl"):
        subject, _, body = render_to_string("knowledgebase/email/review_due.txt", context).strip().partition("\n")
    return send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject.strip(), body.strip() + "\n", None, [person.email])


@task()
def remind_review_due() -> int:
    """Scheduled daily: remind professionals of articles to check (see `services.review_reminders_send`)."""
    from knowledgebase.services import review_reminders_send

    return review_reminders_send()
