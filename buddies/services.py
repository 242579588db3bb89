"""Writes across buddy models: requests, proposals, answers, contacts, closing, invitations and daily jobs.

Lock order, everywhere: the help request, then the buddy profile, then the match. Capacity is counted in
BuddyProfile.active_matches, changed only here under a row lock on the profile, and guarded by a check constraint.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, Role, User
from buddies import emails
from buddies.matching import candidates, score
from buddies.models import (
    CONSENT_VERSION,
    LIVE_MATCH_STATUSES,
    SCREENING_WARNING_DAYS,
    BuddyInvitation,
    BuddyProfile,
    BuddyStatus,
    CaseEvent,
    ContactLog,
    ExitSurvey,
    HelpRequest,
    Match,
    MatchingSettings,
    MatchStatus,
    Outcome,
    RequestStatus,
    Respondent,
    ScreeningWarning,
)
from regions.models import PostcodeArea, SupportPoint

INVITATION_SALT = "buddies.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 14


class MatchError(Exception):
    """A matching step that cannot happen now; the message is Dutch and safe to show."""


def record_event(
    *,
    request: HelpRequest,
    actor: User | None,
    action: str,
    before: str = "",
    after: str = "",
    match: Match | None = None,
) -> CaseEvent:
    """Write one audit row for a change to case data."""
    return CaseEvent.objects.create(
        request=request, match=match, actor=actor, action=action, before=before, after=after
    )


def help_request_create(
    *,
    parent: User,
    support_point: SupportPoint,
    area: PostcodeArea | None,
    needs: list[str],
    sector: str,
    school_type: str,
    help_kinds: list[str],
    procedures: list[str],
    language: str,
    channel: str,
    phone: str,
    is_urgent: bool,
) -> HelpRequest:
    """Store a parent's request with the consent given now (the current consent text version)."""
    with transaction.atomic():
        request = HelpRequest.objects.create(
            parent=parent,
            support_point=support_point,
            area=area,
            needs=needs,
            sector=sector,
            school_type=school_type,
            help_kinds=help_kinds,
            procedures=procedures,
            language=language,
            channel=channel,
            phone=phone,
            is_urgent=is_urgent,
            consent_given_at=timezone.now(),
            consent_version=CONSENT_VERSION,
        )
        record_event(request=request, actor=parent, action="created", after=request.status)
    emails.notify(
        emails.coordinator_addresses(support_point),
        "new_request",
        {"request": request, "url": emails.absolute("buddies:request_detail", request.pk)},
    )
    return request


def match_propose(*, request_id: int, buddy_id: int, proposed_by: User) -> Match:
    """Ask a buddy to take on a request. The buddy must pass every hard constraint at this moment."""
    with transaction.atomic():
        request = HelpRequest.objects.select_for_update(of=("self",)).select_related("area").get(pk=request_id)
        if request.status != RequestStatus.OPEN:
            raise MatchError(_("Voor deze hulpvraag loopt al een voorstel of een koppeling."))
        buddy = (
            candidates(request)
            .select_for_update(of=("self",))
            .select_related("user", "home_area")
            .filter(pk=buddy_id)
            .first()
        )
        if buddy is None:
            raise MatchError(_("Deze buddy kan nu niet worden gevraagd. Kies een andere buddy."))
        weights = MatchingSettings.for_support_point(request.support_point_id)
        match = Match.objects.create(
            request=request,
            buddy=buddy,
            proposed_by=proposed_by,
            score=score(request, buddy, weights).score,
            respond_by=timezone.now() + datetime.timedelta(days=weights.proposal_days),
        )
        record_event(request=request, match=match, actor=proposed_by, action="proposed", before=request.status)
        request.status = RequestStatus.PROPOSED
        request.save(update_fields=["status"])
    emails.notify(
        [buddy.user.email],
        "proposal_to_buddy",
        {"match": match, "buddy": buddy, "url": emails.absolute("buddies:proposal", match.pk)},
    )
    return match


def _lock(match_id: int) -> tuple[HelpRequest, BuddyProfile, Match]:
    ids = Match.objects.values("request_id", "buddy_id").get(pk=match_id)
    request = (
        HelpRequest.objects.select_for_update(of=("self",)).select_related("support_point").get(pk=ids["request_id"])
    )
    buddy = BuddyProfile.objects.select_for_update(of=("self",)).select_related("user").get(pk=ids["buddy_id"])
    match = Match.objects.select_for_update().get(pk=match_id)
    return request, buddy, match


def match_accept(*, match_id: int, by: User) -> Match:
    """The buddy says yes. Refused when the proposal is no longer open or the buddy has no place left."""
    now = timezone.now()
    with transaction.atomic():
        request, buddy, match = _lock(match_id)
        if match.status != MatchStatus.PROPOSED or match.respond_by < now:
            raise MatchError(_("Dit voorstel staat niet meer open."))
        if buddy.status != BuddyStatus.ACTIVE or not buddy.screening_valid_on(timezone.localdate()):
            raise MatchError(_("Je kunt nu geen nieuwe ouder aannemen. Neem contact op met je coördinator."))
        if buddy.active_matches >= buddy.capacity:
            raise MatchError(_("Je hebt geen plek meer voor een nieuwe ouder. Wijs dit voorstel af of sluit eerst af."))
        buddy.active_matches += 1
        buddy.save(update_fields=["active_matches"])
        today = timezone.localdate()
        weights = MatchingSettings.for_support_point(request.support_point_id)
        match.status = MatchStatus.ACTIVE
        match.responded_at = now
        match.started_on = today
        match.next_check_in_on = today + weights.check_in_interval(started_on=today, day=today)
        match.save(update_fields=["status", "responded_at", "started_on", "next_check_in_on"])
        record_event(request=request, match=match, actor=by, action="accepted", before=request.status, after="matched")
        request.status = RequestStatus.MATCHED
        request.save(update_fields=["status"])
    context = {"match": match, "request": request, "buddy": buddy}
    emails.notify(
        emails.coordinator_addresses(request.support_point),
        "proposal_accepted",
        context | {"url": emails.absolute("buddies:request_detail", request.pk)},
    )
    if request.parent_id:
        parent_email = User.objects.values_list("email", flat=True).get(pk=request.parent_id)
        emails.notify(
            [parent_email], "match_to_parent", context | {"url": emails.absolute("buddies:my_request", request.pk)}
        )
    return match


def _reopen(request: HelpRequest, match: Match, *, actor: User | None, action: str) -> None:
    record_event(request=request, match=match, actor=actor, action=action, before=request.status, after="open")
    request.status = RequestStatus.OPEN
    request.save(update_fields=["status"])


def _tell_coordinators_reopened(request: HelpRequest, match: Match, template: str) -> None:
    emails.notify(
        emails.coordinator_addresses(request.support_point),
        template,
        {"match": match, "request": request, "url": emails.absolute("buddies:request_detail", request.pk)},
    )


def match_decline(*, match_id: int, by: User, reason: str, note: str = "") -> Match:
    """The buddy says no, with a reason; the request is open again and the coordinator sees the next suggestions."""
    with transaction.atomic():
        request, _buddy, match = _lock(match_id)
        if match.status != MatchStatus.PROPOSED:
            raise MatchError(_("Dit voorstel staat niet meer open."))
        match.status = MatchStatus.DECLINED
        match.responded_at = timezone.now()
        match.decline_reason = reason
        match.decline_note = note
        match.save(update_fields=["status", "responded_at", "decline_reason", "decline_note"])
        _reopen(request, match, actor=by, action="declined")
    _tell_coordinators_reopened(request, match, "proposal_declined")
    return match


def proposals_expire(*, now: datetime.datetime | None = None) -> int:
    """Expire proposals past their deadline (daily job); returns how many. Running it twice changes nothing."""
    now = now or timezone.now()
    expired = 0
    for match_id in Match.objects.filter(status=MatchStatus.PROPOSED, respond_by__lt=now).values_list("pk", flat=True):
        with transaction.atomic():
            request, _buddy, match = _lock(match_id)
            if match.status != MatchStatus.PROPOSED or match.respond_by >= now:
                continue  # answered in the meantime
            match.status = MatchStatus.EXPIRED
            match.save(update_fields=["status"])
            _reopen(request, match, actor=None, action="expired")
        _tell_coordinators_reopened(request, match, "proposal_expired")
        expired += 1
    return expired


def buddy_profile_save(*, profile: BuddyProfile, fields: Collection[str]) -> BuddyProfile:
    """Save the edited `fields` of a buddy profile under a row lock. Only those fields are written: the place counter
    (active_matches) belongs to the matching services, and a form holding an old count must not write it back."""
    with transaction.atomic():
        locked = BuddyProfile.objects.select_for_update().get(pk=profile.pk)
        if "capacity" in fields and profile.capacity < locked.active_matches:
            raise MatchError(
                _("Deze buddy helpt nu %(count)d ouders. Kies minstens dat aantal.") % {"count": locked.active_matches}
            )
        profile.active_matches = locked.active_matches
        profile.save(update_fields=[*fields, "updated_at"])
    return profile


def help_request_withdraw(*, request_id: int, by: User) -> HelpRequest:
    """The parent withdraws their request. A pending proposal is withdrawn and an active match closed (its place
    freed); the buddy of either and the coordinators are told. Withdrawing twice is refused."""
    with transaction.atomic():
        request = HelpRequest.objects.select_for_update(of=("self",)).select_related("support_point").get(pk=request_id)
        if request.status == RequestStatus.CLOSED:
            raise MatchError(_("Deze aanvraag is al afgesloten."))
        live_id = request.matches.filter(status__in=LIVE_MATCH_STATUSES).values_list("pk", flat=True).first()
        live: Match | None = None
        if live_id is not None:
            # The request row is locked already; _lock locks it again (a no-op), then the buddy, then the match.
            _request, buddy, live = _lock(live_id)
            if live.status == MatchStatus.ACTIVE:
                _end_active(buddy, live, by=by, outcome=Outcome.PARENT_STOPPED)
            else:
                live.status = MatchStatus.WITHDRAWN
                live.responded_at = timezone.now()
                live.save(update_fields=["status", "responded_at"])
        record_event(request=request, match=live, actor=by, action="withdrawn", before=request.status, after="closed")
        was_active = live is not None and live.status == MatchStatus.CLOSED
        request.status = RequestStatus.CLOSED
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at"])
    context: dict[str, Any] = {"request": request, "match": live, "was_active": was_active}
    emails.notify(
        emails.coordinator_addresses(request.support_point),
        "request_withdrawn",
        context | {"url": emails.absolute("buddies:request_detail", request.pk)},
    )
    if live is not None:
        url = emails.absolute("buddies:caseload")
        emails.notify([live.buddy.user.email], "withdrawn_to_buddy", context | {"url": url})
    return request


CADENCE_FIELDS = frozenset({"early_weeks", "early_interval_days", "later_interval_days"})


def matching_settings_save(*, matching_settings: MatchingSettings, changed_fields: Collection[str]) -> int:
    """Save a support point's matching settings. When the check-in cadence changed, the next check-in of every active
    match there is counted again from its last contact (or its start) with the new intervals, in the same
    transaction, so every caseload shows the new dates at once. Returns how many next check-ins moved."""
    with transaction.atomic():
        if matching_settings._state.adding:
            # Two coordinators may both save the defaults (an unsaved row) at once: lock the support point so the
            # second one finds the first one's row and updates it instead of failing on the one-row rule.
            SupportPoint.objects.select_for_update().filter(pk=matching_settings.support_point_id).first()
            existing = MatchingSettings.objects.filter(support_point_id=matching_settings.support_point_id).first()
            if existing is not None:
                matching_settings.pk = existing.pk
                matching_settings._state.adding = False
        matching_settings.save()
        if not CADENCE_FIELDS & set(changed_fields):
            return 0
        # Lock first, then read the contact dates in a new statement: a contact logged meanwhile is then seen.
        ids = list(
            Match.objects.active()
            .filter(request__support_point_id=matching_settings.support_point_id)
            .select_for_update(of=("self",))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        matches = Match.objects.filter(pk__in=ids).annotate(last_contact=Max("contacts__happened_on"))
        moved = []
        for match in matches:
            since: datetime.date = match.last_contact or match.started_on
            next_on = since + matching_settings.check_in_interval(started_on=match.started_on, day=since)
            if next_on != match.next_check_in_on:
                match.next_check_in_on = next_on
                moved.append(match)
        Match.objects.bulk_update(moved, ["next_check_in_on"], batch_size=500)
    return len(moved)


def contact_add(*, match: Match, by: User, happened_on: datetime.date, channel: str, note: str) -> ContactLog:
    """Log a contact and move the next check-in forward according to the support point's cadence."""
    with transaction.atomic():
        locked = Match.objects.select_for_update(of=("self",)).select_related("request").get(pk=match.pk)
        if locked.status != MatchStatus.ACTIVE:
            raise MatchError(_("Deze koppeling is afgesloten."))
        contact = ContactLog.objects.create(
            match=locked, happened_on=happened_on, channel=channel, note=note, created_by=by
        )
        latest: datetime.date = locked.contacts.aggregate(latest=Max("happened_on"))["latest"]
        weights = MatchingSettings.for_support_point(locked.request.support_point_id)
        started_on = locked.started_on or latest
        locked.next_check_in_on = latest + weights.check_in_interval(started_on=started_on, day=latest)
        locked.save(update_fields=["next_check_in_on"])
        record_event(request=locked.request, match=locked, actor=by, action="contact_logged")
    return contact


def _end_active(buddy: BuddyProfile, match: Match, *, by: User, outcome: str) -> None:
    """Close an active match with an outcome and free the buddy's place; the caller holds both rows' locks."""
    buddy.active_matches -= 1
    buddy.save(update_fields=["active_matches"])
    match.status = MatchStatus.CLOSED
    match.closed_at = timezone.now()
    match.closed_by = by
    match.outcome = outcome
    match.save(update_fields=["status", "closed_at", "closed_by", "outcome"])


def match_close(*, match_id: int, by: User, outcome: str) -> Match:
    """Close an active match with an outcome; a hand-over reopens the request for another buddy."""
    with transaction.atomic():
        request, buddy, match = _lock(match_id)
        if match.status != MatchStatus.ACTIVE:
            raise MatchError(_("Deze koppeling is al afgesloten."))
        _end_active(buddy, match, by=by, outcome=outcome)
        if outcome == Outcome.HANDED_OVER:
            _reopen(request, match, actor=by, action="handed_over")
        else:
            record_event(request=request, match=match, actor=by, action="closed", before=request.status, after="closed")
            request.status = RequestStatus.CLOSED
            request.closed_at = match.closed_at
            request.save(update_fields=["status", "closed_at"])
    if outcome != Outcome.HANDED_OVER and request.parent_id:
        parent_email = User.objects.values_list("email", flat=True).get(pk=request.parent_id)
        emails.notify([parent_email], "closed_to_parent", {"url": emails.absolute("buddies:parent_survey", request.pk)})
    return match


def handover_request(*, match: Match, by: User, note: str) -> Match:
    """The buddy asks the coordinator to hand this parent over to another buddy."""
    with transaction.atomic():
        locked = Match.objects.select_for_update(of=("self",)).select_related("request__support_point").get(pk=match.pk)
        if locked.status != MatchStatus.ACTIVE:
            raise MatchError(_("Deze koppeling is afgesloten."))
        locked.handover_requested_at = timezone.now()
        locked.handover_note = note
        locked.save(update_fields=["handover_requested_at", "handover_note"])
        record_event(request=locked.request, match=locked, actor=by, action="handover_requested")
    _tell_coordinators_reopened(locked.request, locked, "handover_requested")
    return locked


def survey_submit(
    *, match: Match, respondent: Respondent, helpful: str, would_recommend: str, improve: str
) -> ExitSurvey:
    """Store one side's exit survey; a second answer from the same side replaces nothing and is refused."""
    survey, created = ExitSurvey.objects.get_or_create(
        match=match,
        respondent=respondent,
        defaults={"helpful": helpful, "would_recommend": would_recommend, "improve": improve},
    )
    if not created:
        raise MatchError(_("Je hebt deze vragen al beantwoord. Dank je wel!"))
    return survey


def invitation_create(*, support_point: SupportPoint, email: str, invited_by: User) -> BuddyInvitation:
    """Invite someone to become a buddy at `support_point`; the e-mail carries a signed link valid for 14 days."""
    invitation = BuddyInvitation.objects.create(support_point=support_point, email=email.lower(), invited_by=invited_by)
    token = signing.dumps(invitation.pk, salt=INVITATION_SALT)
    emails.notify(
        [invitation.email],
        "invitation",
        {"support_point": support_point, "url": emails.absolute("buddies:invitation", token)},
    )
    return invitation


def invitation_from_token(token: str) -> BuddyInvitation | None:
    try:
        pk = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.BadSignature:
        return None
    return BuddyInvitation.objects.select_related("support_point").filter(pk=pk, accepted_at__isnull=True).first()


def invitation_accept(*, invitation_id: int, user: User) -> BuddyProfile:
    """Make `user` a buddy at the invitation's support point: membership plus an (empty) profile."""
    with transaction.atomic():
        invitation = BuddyInvitation.objects.select_for_update().get(pk=invitation_id)
        if invitation.accepted_at is not None:
            raise MatchError(_("Deze uitnodiging is al gebruikt."))
        Membership.objects.get_or_create(user=user, support_point_id=invitation.support_point_id, role=Role.BUDDY)
        profile, _created = BuddyProfile.objects.get_or_create(user=user, defaults={"languages": ["nl"]})
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return profile


def checkin_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail each buddy once a day about their overdue check-ins (daily job); returns the number of buddies."""
    today = today or timezone.localdate()
    overdue = (
        Match.objects.active()
        .filter(next_check_in_on__lt=today)
        .exclude(overdue_reminded_on=today)
        .select_related("buddy__user")
    )
    per_buddy: dict[int, list[Match]] = defaultdict(list)
    for match in overdue:
        per_buddy[match.buddy_id].append(match)
    for matches in per_buddy.values():
        buddy = matches[0].buddy
        emails.notify(
            [buddy.user.email],
            "checkins_overdue",
            {"buddy": buddy, "count": len(matches), "url": emails.absolute("buddies:caseload")},
        )
    Match.objects.filter(pk__in=[m.pk for ms in per_buddy.values() for m in ms]).update(overdue_reminded_on=today)
    return len(per_buddy)


def screening_warnings_send(*, today: datetime.date | None = None) -> int:
    """Warn buddy and coordinators 60, 30 and 7 days before a screening runs out (daily job), each warning once."""
    today = today or timezone.localdate()
    horizon = max(SCREENING_WARNING_DAYS)
    sent = 0
    profiles = BuddyProfile.objects.exclude(status=BuddyStatus.STOPPED).filter(vog_issued_on__isnull=False)
    profiles = profiles.select_related("user").prefetch_related("user__memberships__support_point")
    for profile in profiles:
        days_left = profile.days_until_screening_expires(today)
        if days_left is None or days_left < 0 or days_left > horizon:
            continue
        level = min(d for d in SCREENING_WARNING_DAYS if days_left <= d)
        _warning, created = ScreeningWarning.objects.get_or_create(
            profile=profile, vog_issued_on=profile.vog_issued_on, days_before=level
        )
        if not created:
            continue
        points = [m.support_point for m in profile.user.memberships.all() if m.role == Role.BUDDY]
        to = [profile.user.email] + [address for point in points for address in emails.coordinator_addresses(point)]
        context: dict[str, Any] = {"profile": profile, "days_left": days_left, "until": profile.screening_valid_until}
        emails.notify(to, "screening_expiry", context)
        sent += 1
    return sent


def cases_anonymise(*, now: datetime.datetime | None = None) -> int:
    """Strip personal data from requests closed longer than RETENTION_DAYS ago (daily job); returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.RETENTION_DAYS)
    with transaction.atomic():
        due = HelpRequest.objects.select_for_update(skip_locked=True).filter(
            status=RequestStatus.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
        )
        rows = list(due.values_list("pk", "parent_id"))
        if not rows:
            return 0
        ids = [pk for pk, _parent in rows]
        # The audit trail keeps what happened, but no longer who the parent was.
        for pk, parent_id in rows:
            if parent_id is not None:
                CaseEvent.objects.filter(request_id=pk, actor_id=parent_id).update(actor=None)
        HelpRequest.objects.filter(pk__in=ids).update(parent=None, phone="", area=None, anonymised_at=now)
        Match.objects.filter(request_id__in=ids).update(decline_note="", handover_note="")
        ContactLog.objects.filter(match__request_id__in=ids).update(note="")
        ExitSurvey.objects.filter(match__request_id__in=ids).update(improve="")
    return len(ids)
