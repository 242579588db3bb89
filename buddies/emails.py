"""Plain-text Dutch e-mails about buddy matching; rendered here, sent by the send_plain_email task."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.models import Role, User
from buddies.tasks import send_plain_email
from regions.models import SupportPoint


def absolute(name: str, *args: Any) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)


def notify(to: Iterable[str], template: str, context: dict[str, Any]) -> None:
    """Render templates/buddies/email/<template>.txt (first line: subject) in Dutch and queue it."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    with translation.override("nl"):
        text = render_to_string(f"buddies/email/{template}.txt", context)
    subject, _, body = text.strip().partition("\n")
    send_plain_email.enqueue(
        to=recipients, subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject.strip(), body=body.strip() + "\n"
    )


def coordinator_addresses(support_point: SupportPoint) -> list[str]:
    """The coordinators of a support point, or the support point's own address when it has none."""
    emails = list(
        User.objects.filter(
            memberships__support_point=support_point, memberships__role=Role.COORDINATOR, is_active=True
        ).values_list("email", flat=True)
    )
    return emails or [support_point.email]
