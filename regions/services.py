"""Writes in the regions app that touch several rows or must be atomic."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from regions.models import (
    Experience,
    ExperienceReport,
    Facility,
    Feedback,
    Meeting,
    Need,
    ProfileExpertise,
    ProfileNeed,
    Registration,
    RegistrationStatus,
    School,
    StaffRole,
    SupportPoint,
    SupportProfile,
)
from regions.privacy_check import personal_details
from regions.tasks import send_experience_decision_mail, send_registration_mail


@transaction.atomic
def profile_save(
    *,
    school: School,
    by: User,
    needs: Mapping[Need, int],
    expertise: Mapping[StaffRole, int],
    facilities: Iterable[Facility],
    arrangements: list[str],
    class_size: int | None,
    explanation: str,
    verified: bool,
) -> SupportProfile:
    """Replace the support profile of `school` as a whole; `verified` records that `by` checked it today.

    Two coordinators saving at once: the profile row is locked, so the second save waits and then wins entirely
    instead of mixing needs from one form with facilities from the other.
    """
    profile, _ = SupportProfile.objects.get_or_create(school=school)
    profile = SupportProfile.objects.select_for_update().get(pk=profile.pk)
    profile.arrangements = [line for line in arrangements if line]
    profile.class_size = class_size
    profile.explanation = explanation
    if verified:
        profile.verify(by=by)
    profile.save()
    profile.facilities.set(facilities)
    ProfileNeed.objects.filter(profile=profile).delete()
    ProfileNeed.objects.bulk_create(ProfileNeed(profile=profile, need=n, level=lvl) for n, lvl in needs.items())
    ProfileExpertise.objects.filter(profile=profile).delete()
    ProfileExpertise.objects.bulk_create(
        ProfileExpertise(profile=profile, staff_role=role, availability=a) for role, a in expertise.items()
    )
    return profile


@transaction.atomic
def experience_submit(
    *,
    school: School,
    author: User,
    needs: Iterable[Need],
    went_well: str,
    could_be_better: str,
    school_year: str,
    experience: Experience | None = None,
) -> Experience:
    """Save a parent's new or edited experience; it waits for a moderator, with likely personal details flagged."""
    if experience is None:
        experience = Experience(school=school, author=author)
    else:
        experience = Experience.objects.select_for_update().get(pk=experience.pk)
        experience.resubmit()
    experience.went_well, experience.could_be_better, experience.school_year = went_well, could_be_better, school_year
    experience.flags = personal_details(f"{went_well}\n{could_be_better}")
    experience.save()
    experience.needs.set(needs)
    return experience


class ModerationAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"


@transaction.atomic
def experience_moderate(
    *,
    experience: Experience,
    by: User,
    action: ModerationAction,
    went_well: str,
    could_be_better: str,
    reason: str = "",
) -> Experience:
    """Approve (possibly with personal details edited out) or reject with a reason; open reports are resolved.

    Locked, so two coordinators of the region cannot both decide: the second sees the first one's decision.
    The author gets an e-mail when the decision changes what others see (published, or taken off / not placed);
    confirming an already published experience after a report sends nothing.
    """
    experience = Experience.objects.select_for_update().get(pk=experience.pk)
    before = experience.status
    edited = (experience.went_well, experience.could_be_better) != (went_well, could_be_better)
    experience.went_well, experience.could_be_better = went_well, could_be_better
    experience.flags = personal_details(f"{went_well}\n{could_be_better}")
    if action is ModerationAction.APPROVE:
        experience.approve(by=by)
    else:
        experience.reject(by=by, reason=reason)
    experience.save()
    experience.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    if experience.status != before:
        transaction.on_commit(lambda: send_experience_decision_mail.enqueue(experience.pk, edited))
    return experience


def experience_report(*, experience: Experience, reason: str, reporter: User | None) -> ExperienceReport:
    """Anyone may report a published experience; it goes back on the moderators' list."""
    return ExperienceReport.objects.create(experience=experience, reason=reason, reporter=reporter)


@transaction.atomic
def meeting_sign_up(*, meeting: Meeting, name: str, email: str) -> Registration:
    """Sign up for a meeting: a place while there is one, otherwise the waiting list. Sends the confirmation.

    The meeting row is locked, so two people signing up for the last place at once cannot both get it.
    Raises AlreadyRegistered when this e-mail address already has an active sign-up.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.registrations.exclude(status=RegistrationStatus.CANCELLED).filter(email__iexact=email).exists():
        raise AlreadyRegistered
    taken = meeting.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    status = RegistrationStatus.CONFIRMED if taken < meeting.capacity else RegistrationStatus.WAITING
    registration = Registration.objects.create(meeting=meeting, name=name, email=email, status=status)
    transaction.on_commit(lambda: send_registration_mail.enqueue(registration.pk, "signed_up"))
    return registration


class AlreadyRegistered(Exception):
    pass


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel a sign-up; a freed place goes to the first person on the waiting list, who gets an e-mail.

    Returns the promoted registration, if any.
    """
    Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return None
    freed = registration.status == RegistrationStatus.CONFIRMED
    registration.status, registration.cancelled_at = RegistrationStatus.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    if not freed:
        return None
    promoted = waiting_list_promote(meeting_id=registration.meeting_id)
    return promoted[0] if promoted else None


@transaction.atomic
def waiting_list_promote(*, meeting_id: int) -> list[Registration]:
    """Give every free place of an upcoming meeting to the waiting list, first come first served; each gets an e-mail.

    Runs after a cancellation and after a coordinator raised the capacity, so nobody who signed up later takes a
    place that someone on the waiting list was promised. Returns the promoted registrations.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.is_past:
        return []
    taken = meeting.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
    free = max(meeting.capacity - taken, 0)
    waiting = meeting.registrations.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")
    promoted = list(waiting.select_for_update()[:free]) if free else []
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
    Registration.objects.bulk_update(promoted, ["status"])
    for registration in promoted:
        pk = registration.pk
        transaction.on_commit(lambda pk=pk: send_registration_mail.enqueue(pk, "promoted"))
    return promoted


def feedback_submit(*, support_point: SupportPoint, message: str, author: User | None) -> Feedback:
    return Feedback.objects.create(support_point=support_point, message=message, author=author)
