"""Background work for buddy matching, through Django's tasks framework.

Production runs these on the `django-tasks-db` queue served by `manage.py db_worker`; development and the tests use
the ImmediateBackend, which runs a task at once when it is enqueued (see README.md). Arguments are plain JSON: the
e-mail is rendered before it is queued, so a task never reads case data again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task


@task
def send_plain_email(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail; returns the number sent."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)


@task
def expire_proposals_task() -> int:
    from buddies.services import proposals_expire

    return proposals_expire()


@task
def checkin_reminders_task() -> int:
    from buddies.services import checkin_reminders_send

    return checkin_reminders_send()


@task
def screening_warnings_task() -> int:
    from buddies.services import screening_warnings_send

    return screening_warnings_send()


@task
def anonymise_cases_task() -> int:
    from buddies.services import cases_anonymise

    return cases_anonymise()
