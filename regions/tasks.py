"""Background work of the regions app: e-mails about meeting sign-ups."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone


@task
def send_registration_mail(registration_id: int, reason: str) -> None:
    """Confirm a sign-up (a place or the waiting list) or tell someone a place came free. Plain text, in Dutch."""
    from regions.models import Registration

    registration = Registration.objects.select_related("meeting__support_point").filter(pk=registration_id).first()
    if registration is None:
        return
    meeting = registration.meeting
    site = settings.SITE_URL.rstrip("/")
    context = {
        "registration": registration,
        "meeting": meeting,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at),
        "reason": reason,
        "cancel_url": site + reverse("regions:registration_cancel", kwargs={"token": registration.token}),
        "calendar_url": site + reverse("regions:meeting_ics", kwargs={"pk": meeting.pk}),
        "meeting_url": site + meeting.get_absolute_url(),
    }
    subject = render_to_string("regions/email/registration_subject.txt", context).strip()
    body = render_to_string("regions/email/registration_body.txt", context)
    send_mail(subject, body, None, [registration.email])
