"""E-mails of the back office, sent through Django's tasks framework (a database queue in production).

Services enqueue inside their transaction: with the database backend the task row commits (or rolls back) together
with the change that caused it, so no mail goes out for a change that did not happen.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

GUEST_SALT = "backoffice.guest"
SURVEY_SALT = "backoffice.survey"
GUEST_LINK_MAX_AGE = 60 * 60 * 24 * 180  # half a year: longer than any question stays open
SURVEY_LINK_MAX_AGE = 60 * 60 * 24 * 30


def guest_token(question_id: int) -> str:
    return signing.dumps({"q": question_id}, salt=GUEST_SALT, compress=True)


def survey_token(question_id: int) -> str:
    return signing.dumps({"q": question_id}, salt=SURVEY_SALT, compress=True)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@task()
def send_question_mail(template: str, question_id: int, recipients: list[str]) -> int:
    """Render templates/backoffice/mail/<template>.txt (first line: subject) for one question and send it."""
    from backoffice.models import Question

    question = Question.objects.select_related("support_point", "escalation").filter(pk=question_id).first()
    if question is None or not recipients:
        return 0
    context: dict[str, Any] = {
        "question": question,
        "guest_url": absolute(reverse("backoffice:guest", kwargs={"token": guest_token(question.pk)})),
        "survey_url": absolute(reverse("backoffice:survey", kwargs={"token": survey_token(question.pk)})),
        "mine_url": absolute(reverse("backoffice:mine_detail", kwargs={"pk": question.pk})),
        "case_url": absolute(reverse("backoffice:case", kwargs={"pk": question.pk})),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject, _, body = render_to_string(f"backoffice/mail/{template}.txt", context).strip().partition("\n")
    return send_mail(
        settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject.strip(),
        body.strip() + "\n",
        None,
        recipients,
    )


@task()
def check_slas() -> int:
    """Scheduled: keep the business calendar filled ahead, then mark SLA breaches (see `services.sla_check`)."""
    from django.utils import timezone

    from backoffice.services import holidays_seed_ahead, sla_check

    holidays_seed_ahead(today=timezone.localdate())
    return sla_check()


@task()
def anonymise_closed_questions() -> int:
    """Scheduled: anonymise closed questions past the retention period (see `services.questions_anonymise`)."""
    from backoffice.services import questions_anonymise

    return questions_anonymise()
