"""Background work of the regions app: e-mails about meeting sign-ups and about moderated experiences."""

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


@task
def send_experience_decision_mail(experience_id: int, edited: bool) -> None:
    """Tell the author that their experience is on the site, or why it is not (with a link to change it)."""
    from regions.lookup import support_points_for_partnership
    from regions.models import Experience, ExperienceStatus

    experience = Experience.objects.select_related("school", "author").filter(pk=experience_id).first()
    if experience is None or experience.author is None or experience.status == ExperienceStatus.PENDING:
        return
    site = settings.SITE_URL.rstrip("/")
    points = support_points_for_partnership(experience.school.partnership_id)
    context = {
        "experience": experience,
        "school": experience.school,
        "published": experience.status == ExperienceStatus.PUBLISHED,
        "edited": edited,
        "support_point": points[0] if points else None,
        "school_url": site + experience.school.get_absolute_url() + "#ervaringen",
        "edit_url": site + reverse("regions:experience_edit", kwargs={"pk": experience.pk}),
    }
    subject = render_to_string("regions/email/experience_decision_subject.txt", context).strip()
    body = render_to_string("regions/email/experience_decision_body.txt", context)
    send_mail(subject, body, None, [experience.author.email])
