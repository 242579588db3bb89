"""Writes of the back office: every change to a question goes through here and leaves an `Event` row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from backoffice.business_time import BusinessCalendar, dutch_national_holidays
from backoffice.choices import EventAction, HandlerRole, MessageKind, Resolution, Status, Urgency
from backoffice.models import MAX_PRIORITY, SLA_HOURS, BusinessHoliday, Escalation, Event, Message, Question
from backoffice.tasks import send_question_mail
from regions.models import SupportPoint

ANONYMISED = "[geanonimiseerd]"


class ActionNotAllowed(Exception):
    """The change is not possible in the question's current state; the message is shown to the user."""


def person(user: User | None) -> str:
    """How a person appears in the event log: first name (or mailbox name)."""
    return user.get_short_name() if user else ""


def event_record(*, question: Question, actor: User | None, action: str, before: Any = "", after: Any = "") -> Event:
    """Write one audit row for a change to `question`."""
    # The log is a record, not a page: it is kept in the site language whatever language the actor browses in.
    with translation.override(settings.LANGUAGE_CODE):
        before, after = str(before)[:200], str(after)[:200]
    return Event.objects.create(question=question, actor=actor, action=action, before=before, after=after)


def _mail(template: str, question: Question, recipients: list[str]) -> None:
    recipients = sorted({r for r in recipients if r})
    if recipients:
        send_question_mail.enqueue(template, question.pk, recipients)


def _locked(question: Question) -> Question:
    """Re-read `question` with a row lock, so that concurrent changes wait for each other."""
    return Question.objects.select_for_update().select_related("support_point").get(pk=question.pk)


def _locked_escalation(question: Question) -> Escalation | None:
    return Escalation.objects.select_for_update().filter(question=question).first()


def _set_status(question: Question, status: str, actor: User | None) -> None:
    if question.status != status:
        event_record(
            question=question,
            actor=actor,
            action=EventAction.STATUS,
            before=question.get_status_display(),
            after=Status(status).label,
        )
        question.status = status


def _regional_recipients(question: Question) -> list[str]:
    if question.regional_handler_id and question.regional_handler:
        return [question.regional_handler.email]
    return [question.support_point.email]


def question_ask(
    *,
    support_point: SupportPoint,
    asker: User | None,
    guest_email: str,
    subject: str,
    body: str,
    tier: int,
    needs: list[str],
    school_type: str,
    child_at_home: bool,
    consent_buddy: bool,
    consent_backoffice: bool,
) -> Question:
    """A parent (signed in, or a guest with an e-mail address) asks their support point a question."""
    with transaction.atomic():
        question = Question.objects.create(
            support_point=support_point,
            asker=asker,
            guest_email="" if asker else guest_email.lower(),
            subject=subject,
            body=body,
            tier=tier,
            needs=sorted(set(needs)),
            school_type=school_type,
            child_at_home=child_at_home,
            # A child out of school is always urgent (DOMAIN.md, "Thuiszitter").
            urgency=Urgency.URGENT if child_at_home else Urgency.NORMAL,
            consent_buddy=consent_buddy,
            consent_backoffice=consent_backoffice,
        )
        event_record(question=question, actor=asker, action=EventAction.CREATED, after=question.get_status_display())
        _mail("received_guest" if asker is None else "received", question, [question.contact_email])
        _mail("new_question", question, [support_point.email])
    return question


def question_assign_regional(*, question: Question, handler: User, by: User) -> Question:
    """A coordinator gives the question to a buddy of the support point (or takes it personally)."""
    with transaction.atomic():
        question = _locked(question)
        point_id = question.support_point_id
        if point_id in handler.support_point_ids(Role.COORDINATOR):
            role = HandlerRole.COORDINATOR
        elif point_id in handler.support_point_ids(Role.BUDDY):
            if not question.consent_buddy:
                raise ActionNotAllowed(_("De ouder heeft geen toestemming gegeven om de vraag aan een buddy te geven."))
            role = HandlerRole.BUDDY
        else:
            raise ActionNotAllowed(_("Deze persoon werkt niet voor dit steunpunt."))
        if question.is_closed:
            raise ActionNotAllowed(_("De vraag is afgesloten."))
        previous = question.regional_handler
        event_record(
            question=question,
            actor=by,
            action=EventAction.REGIONAL_HANDLER,
            before=person(previous),
            after=f"{person(handler)} ({role.label})",
        )
        question.regional_handler, question.regional_handler_role = handler, role
        if question.status == Status.RECEIVED:
            _set_status(question, Status.REGIONAL, by)
        question.save(update_fields=["regional_handler", "regional_handler_role", "status"])
        if handler != by:
            _mail("regional_assigned", question, [handler.email])
    return question


def staff_reply(*, question: Question, author: User, role: str, body: str, internal: bool) -> Message:
    """A staff member writes a public reply (the parent is told) or an internal note (staff only)."""
    with transaction.atomic():
        question = _locked(question)
        kind = MessageKind.NOTE if internal else MessageKind.REPLY
        now = timezone.now()
        message = Message.objects.create(
            question=question, kind=kind, author=author, author_role=role, body=body, created_at=now
        )
        event_record(
            question=question,
            actor=author,
            action=EventAction.NOTE if internal else EventAction.REPLY,
            after=f"{person(author)} ({HandlerRole(role).label})",
        )
        if internal:
            return message
        fields = ["status"]
        escalation = _locked_escalation(question)
        first_of_backoffice = escalation and role == HandlerRole.PROFESSIONAL and escalation.first_response_at is None
        calendar = BusinessCalendar.load() if question.first_response_at is None or first_of_backoffice else None
        if question.first_response_at is None:
            question.first_response_at = now
            question.first_response_working_seconds = calendar.working_seconds_between(question.created_at, now)
            fields += ["first_response_at", "first_response_working_seconds"]
        if first_of_backoffice:
            escalation.first_response_at = now
            escalation.refresh_next_due(calendar)
            escalation.save(update_fields=["first_response_at", "next_due_at", "next_warn_at"])
            event_record(question=question, actor=author, action=EventAction.SLA, after="Eerste reactie gegeven")
        if question.status == Status.RECEIVED and role != HandlerRole.PROFESSIONAL and not question.regional_handler_id:
            question.regional_handler, question.regional_handler_role = author, role
            fields += ["regional_handler", "regional_handler_role"]
        if not question.is_closed:
            _set_status(question, Status.ANSWERED, author)
        question.save(update_fields=fields)
        _mail("reply", question, [question.contact_email])
        if escalation and role == HandlerRole.PROFESSIONAL:
            # The regional person stays on the question and hears that it was answered.
            _mail("answered_regional", question, _regional_recipients(question))
    return message


def _reopen(question: Question, escalation: Escalation | None, actor: User | None) -> None:
    """Open the question again after a parent reply.

    SLA rules on reopening an escalation that was resolved: the first-response timer keeps whatever it had (a parent
    reply never resets it), the resolution timer starts afresh with the full budget of the urgency in working hours
    from now, and an earlier resolution breach no longer counts against the new deadline (it stays in the event log).
    """
    if question.is_closed:
        question.closed_at, question.resolution, question.closed_working_seconds = None, "", None
        if escalation is not None and escalation.resolved_at is not None:
            calendar = BusinessCalendar.load()
            now = timezone.now()
            before = escalation.resolution_due
            escalation.resolved_at, escalation.resolution_breached_at = None, None
            escalation.resolution_due = calendar.add_working_hours(now, SLA_HOURS[escalation.urgency][1])
            escalation.refresh_next_due(calendar)
            escalation.save(
                update_fields=["resolved_at", "resolution_breached_at", "resolution_due", "next_due_at", "next_warn_at"]
            )
            event_record(
                question=question,
                actor=actor,
                action=EventAction.SLA,
                before=f"Afronden uiterlijk {timezone.localtime(before):%d-%m-%Y %H:%M}",
                after=f"Heropend: afronden uiterlijk {timezone.localtime(escalation.resolution_due):%d-%m-%Y %H:%M}",
            )
    if escalation is not None:
        _set_status(question, Status.BACKOFFICE, actor)
    elif question.regional_handler_id:
        _set_status(question, Status.REGIONAL, actor)
    else:
        _set_status(question, Status.RECEIVED, actor)


def parent_reply(*, question: Question, author: User | None, body: str) -> Message:
    """The parent (or guest) replies; the question opens again, even when it was closed.

    The first-response timer is not touched: it stops at the first staff reply and stays stopped.
    """
    with transaction.atomic():
        question = _locked(question)
        escalation = _locked_escalation(question)
        message = Message.objects.create(
            question=question, kind=MessageKind.REPLY, author=author, author_role="parent", body=body
        )
        event_record(question=question, actor=author, action=EventAction.REPLY, after=str(HandlerRole.PARENT.label))
        _reopen(question, escalation, author)
        question.save(update_fields=["status", "closed_at", "resolution", "closed_working_seconds"])
        recipients = _regional_recipients(question)
        if escalation is not None and escalation.assignee_id:
            recipients.append(escalation.assignee.email)
        _mail("parent_reply", question, recipients)
    return message


def _deadlines(start: dt.datetime, urgency: str, calendar: BusinessCalendar) -> tuple[dt.datetime, dt.datetime]:
    first, resolution = SLA_HOURS[urgency]
    return calendar.add_working_hours(start, first), calendar.add_working_hours(start, resolution)


def question_escalate(*, question: Question, by: User, reason: str, urgency: str) -> Escalation:
    """Pass the question to the national back office; its SLA timers start now, in working time."""
    with transaction.atomic():
        question = _locked(question)
        if not question.consent_backoffice:
            raise ActionNotAllowed(_("De ouder heeft geen toestemming gegeven om de vraag door te zetten."))
        if question.is_closed:
            raise ActionNotAllowed(_("De vraag is afgesloten."))
        if Escalation.objects.filter(question=question).exists():
            raise ActionNotAllowed(_("Deze vraag is al doorgezet naar de backoffice."))
        now = timezone.now()
        calendar = BusinessCalendar.load()
        first_due, resolution_due = _deadlines(now, urgency, calendar)
        escalation = Escalation(
            question=question,
            reason=reason,
            urgency=urgency,
            escalated_by=by,
            created_at=now,
            priority=1 if urgency == Urgency.URGENT else 0,
            first_response_due=first_due,
            resolution_due=resolution_due,
        )
        escalation.refresh_next_due(calendar)
        escalation.save()
        event_record(question=question, actor=by, action=EventAction.ESCALATED, after=Urgency(urgency).label)
        if question.regional_handler_id is None:
            question.regional_handler = by
            question.regional_handler_role = (
                HandlerRole.COORDINATOR if by.coordinates(question.support_point_id) else HandlerRole.BUDDY
            )
        _set_status(question, Status.BACKOFFICE, by)
        question.save(update_fields=["status", "regional_handler", "regional_handler_role"])
    return escalation


def _claim(escalation: Escalation, professional: User, *, by: User, now: dt.datetime) -> None:
    event_record(
        question=escalation.question,
        actor=by,
        action=EventAction.ASSIGNEE,
        before=person(escalation.assignee),
        after=person(professional),
    )
    escalation.assignee, escalation.claimed_at = professional, now
    escalation.save(update_fields=["assignee", "claimed_at"])


def escalation_take_next(*, professional: User) -> Escalation | None:
    """Claim the first unassigned escalation in queue order. Rows another professional is claiming right now are
    skipped (SKIP LOCKED), so parallel callers each get a different one and nobody waits."""
    with transaction.atomic():
        escalation = (
            Escalation.objects.open()
            .filter(assignee__isnull=True)
            .order_by("-priority", "next_due_at", "pk")
            # The question comes along for the event row and the redirect; only the escalation row is locked.
            .select_related("question")
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if escalation is None:
            return None
        _claim(escalation, professional, by=professional, now=timezone.now())
    return escalation


def escalation_claim(*, escalation_id: int, professional: User) -> Escalation:
    """Claim one chosen escalation; fails when someone else already holds it (the row lock serialises claims)."""
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update(of=("self",)).select_related("question").get(pk=escalation_id)
        if escalation.resolved_at is not None:
            raise ActionNotAllowed(_("Deze vraag is al afgerond."))
        if escalation.assignee_id == professional.pk:
            return escalation
        if escalation.assignee_id is not None:
            raise ActionNotAllowed(_("Een andere professional heeft deze vraag al opgepakt."))
        _claim(escalation, professional, by=professional, now=timezone.now())
    return escalation


def escalation_reassign(*, escalation: Escalation, to: User, by: User) -> Escalation:
    """Give the escalation to another professional, who is told by e-mail."""
    if not to.is_professional:
        raise ActionNotAllowed(_("Alleen een professional kan deze vraag behandelen."))
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update(of=("self",)).select_related("question").get(pk=escalation.pk)
        if escalation.assignee_id == to.pk:
            return escalation
        _claim(escalation, to, by=by, now=timezone.now())
        if to != by:
            _mail("escalation_assigned", escalation.question, [to.email])
    return escalation


def escalation_hold(*, escalation: Escalation, by: User, reason: str) -> Escalation:
    """Put the escalation on hold (waiting for the parent or a third party); its SLA timers pause."""
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update(of=("self",)).select_related("question").get(pk=escalation.pk)
        if escalation.is_held:
            raise ActionNotAllowed(_("Deze vraag staat al in de wacht."))
        if escalation.resolved_at is not None:
            raise ActionNotAllowed(_("Deze vraag is al afgerond."))
        escalation.held_since, escalation.hold_reason = timezone.now(), reason
        escalation.save(update_fields=["held_since", "hold_reason"])
        event_record(question=escalation.question, actor=by, action=EventAction.HOLD, before="", after=reason)
    return escalation


def escalation_resume(*, escalation: Escalation, by: User) -> Escalation:
    """End the hold: the deadlines move on by the working time spent waiting."""
    with transaction.atomic():
        escalation = Escalation.objects.select_for_update(of=("self",)).select_related("question").get(pk=escalation.pk)
        if not escalation.is_held:
            raise ActionNotAllowed(_("Deze vraag staat niet in de wacht."))
        calendar = BusinessCalendar.load()
        paused = calendar.working_seconds_between(escalation.held_since, timezone.now())
        if escalation.first_response_at is None:
            escalation.first_response_due = calendar.add_working_seconds(escalation.first_response_due, paused)
        escalation.resolution_due = calendar.add_working_seconds(escalation.resolution_due, paused)
        event_record(
            question=escalation.question,
            actor=by,
            action=EventAction.HOLD,
            before=escalation.hold_reason,
            after=f"Hervat na {paused // 60} werkminuten",
        )
        escalation.held_since, escalation.hold_reason = None, ""
        escalation.refresh_next_due(calendar)
        escalation.save(
            update_fields=[
                "held_since",
                "hold_reason",
                "first_response_due",
                "resolution_due",
                "next_due_at",
                "next_warn_at",
            ]
        )
    return escalation


def question_close(*, question: Question, by: User, resolution: str) -> Question:
    """Close the question with a resolution category; the parent gets a one-question satisfaction survey."""
    with transaction.atomic():
        question = _locked(question)
        if question.is_closed:
            raise ActionNotAllowed(_("De vraag is al afgesloten."))
        escalation = _locked_escalation(question)
        now = timezone.now()
        calendar = BusinessCalendar.load()
        question.closed_at, question.resolution = now, resolution
        question.closed_working_seconds = calendar.working_seconds_between(question.created_at, now)
        _set_status(question, Status.CLOSED, by)
        event_record(question=question, actor=by, action=EventAction.STATUS, after=Resolution(resolution).label)
        question.save(update_fields=["status", "closed_at", "resolution", "closed_working_seconds"])
        if escalation is not None:
            escalation.resolved_at, escalation.held_since, escalation.hold_reason = now, None, ""
            escalation.refresh_next_due(calendar)
            escalation.save(update_fields=["resolved_at", "held_since", "hold_reason", "next_due_at", "next_warn_at"])
        _mail("closed", question, [question.contact_email])
    return question


def survey_answer(*, question: Question, score: int) -> Question:
    """Store the parent's satisfaction (1–5); a later answer replaces an earlier one."""
    with transaction.atomic():
        question = _locked(question)
        event_record(
            question=question, actor=None, action=EventAction.SURVEY, before=question.satisfaction or "", after=score
        )
        question.satisfaction = score
        question.save(update_fields=["satisfaction"])
    return question


def backoffice_lead_emails() -> list[str]:
    """Who hears about SLA breaches besides the professional: settings.BACKOFFICE_LEAD_EMAILS, else superusers."""
    configured = getattr(settings, "BACKOFFICE_LEAD_EMAILS", None)
    if configured:
        return list(configured)
    return list(User.objects.filter(is_superuser=True, is_active=True).values_list("email", flat=True))


def holidays_seed_ahead(*, today: dt.date) -> int:
    """Add the Dutch national holidays of this year and the next when that year has no holidays at all yet, so the
    SLA timers never run on a calendar that has silently run out. A year with any holiday is left as the admin keeps
    it (a removed or added day stays so). Returns how many days were added."""
    added = 0
    for year in (today.year, today.year + 1):
        if BusinessHoliday.objects.filter(date__year=year).exists():
            continue
        days = [BusinessHoliday(date=date, name=name) for date, name in dutch_national_holidays(year)]
        added += len(BusinessHoliday.objects.bulk_create(days, ignore_conflicts=True))
    return added


def sla_check(*, now: dt.datetime | None = None) -> int:
    """Mark overdue escalations as breached, raise their priority, tell the professional and the lead.

    Idempotent: a breach is marked once per timer. Held escalations are skipped (their timers are paused).
    Returns the number of breaches marked.
    """
    now = now or timezone.now()
    marked = 0
    lead = backoffice_lead_emails()
    overdue = (
        Escalation.objects.open()
        .filter(held_since__isnull=True)
        .filter(
            Q(first_response_at__isnull=True, first_response_due__lte=now, first_response_breached_at__isnull=True)
            | Q(resolution_due__lte=now, resolution_breached_at__isnull=True)
        )
    )
    for pk in overdue.values_list("pk", flat=True):
        with transaction.atomic():
            escalation = (
                Escalation.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("question", "assignee")
                .filter(pk=pk, resolved_at__isnull=True, held_since__isnull=True)
                .first()
            )
            if escalation is None:
                continue
            breached = []
            if (
                escalation.first_response_at is None
                and escalation.first_response_due <= now
                and not escalation.first_response_breached_at
            ):
                escalation.first_response_breached_at = now
                breached.append("Termijn eerste reactie overschreden")
            if escalation.resolution_due <= now and not escalation.resolution_breached_at:
                escalation.resolution_breached_at = now
                breached.append("Termijn afronding overschreden")
            if not breached:
                continue
            for text in breached:
                event_record(question=escalation.question, actor=None, action=EventAction.SLA, after=text)
            new_priority = min(escalation.priority + 1, MAX_PRIORITY)
            if new_priority != escalation.priority:
                event_record(
                    question=escalation.question,
                    actor=None,
                    action=EventAction.PRIORITY,
                    before=escalation.priority,
                    after=new_priority,
                )
                escalation.priority = new_priority
            escalation.save(update_fields=["first_response_breached_at", "resolution_breached_at", "priority"])
            recipients = list(lead)
            if escalation.assignee:
                recipients.append(escalation.assignee.email)
            _mail("sla_breach", escalation.question, recipients)
            marked += len(breached)
    return marked


def questions_anonymise(*, now: dt.datetime | None = None) -> int:
    """Anonymise closed questions older than settings.RETENTION_DAYS. What the signals need (tier, needs,
    school type, times, satisfaction) stays; text and who asked go. Idempotent; returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.RETENTION_DAYS)
    ids = list(
        Question.objects.filter(status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for start in range(0, len(ids), 500):
        batch = ids[start : start + 500]
        with transaction.atomic():
            Message.objects.filter(question_id__in=batch).update(body=ANONYMISED, author=None)
            Escalation.objects.filter(question_id__in=batch).update(reason=ANONYMISED, hold_reason="")
            Question.objects.filter(pk__in=batch).update(
                subject=ANONYMISED, body=ANONYMISED, asker=None, guest_email="", anonymised_at=now
            )
            Event.objects.bulk_create(
                Event(question_id=pk, action=EventAction.ANONYMISED, after=now.date().isoformat()) for pk in batch
            )
    return len(ids)
