from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, TestCase
from django.utils import timezone

from regions.models import Meeting, MeetingKind, Registration, RegistrationStatus, SupportPoint
from regions.services import meeting_sign_up, waiting_list_promote

pytestmark = pytest.mark.django_db


def post(client: Client, url: str, data: dict[str, str] | None = None) -> Any:
    # E-mails are enqueued when the transaction commits; inside a test it never does, so run them per request.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {})


def sign_up(client: Client, meeting: Meeting, name: str, email: str) -> Any:
    return post(client, f"/bijeenkomsten/{meeting.pk}/", {"name": name, "email": email})


def test_signing_up_confirms_by_email_with_a_cancellation_and_calendar_link(client: Client, meeting: Meeting) -> None:
    response = sign_up(client, meeting, "Anna", "anna@example.org")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert "Je bent aangemeld" in message.subject
    assert f"/bijeenkomsten/afmelden/{registration.token}/" in message.body
    assert f"/bijeenkomsten/{meeting.pk}/agenda.ics" in message.body


def test_when_full_people_go_on_the_waiting_list(client: Client, meeting: Meeting) -> None:
    sign_up(client, meeting, "Anna", "anna@example.org")
    sign_up(client, meeting, "Bram", "bram@example.org")
    sign_up(client, meeting, "Carla", "carla@example.org")
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert "wachtlijst" in mail.outbox[-1].subject
    assert "vol" in client.get(f"/bijeenkomsten/{meeting.pk}/").content.decode()


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(client: Client, meeting: Meeting) -> None:
    for name in ["anna", "bram", "carla", "dirk"]:
        sign_up(client, meeting, name.title(), f"{name}@example.org")
    anna = Registration.objects.get(email="anna@example.org")
    assert client.get(f"/bijeenkomsten/afmelden/{anna.token}/").status_code == 200
    response = post(client, f"/bijeenkomsten/afmelden/{anna.token}/")
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "anna@example.org": "cancelled",
        "bram@example.org": "confirmed",
        "carla@example.org": "confirmed",
        "dirk@example.org": "waiting",
    }
    assert mail.outbox[-1].to == ["carla@example.org"]
    assert "plek voor je vrij" in mail.outbox[-1].subject


def test_cancelling_twice_changes_nothing(client: Client, registration: Registration) -> None:
    client.post(f"/bijeenkomsten/afmelden/{registration.token}/")
    client.post(f"/bijeenkomsten/afmelden/{registration.token}/")
    assert Registration.objects.get().status == "cancelled"
    assert "al afgemeld" in client.get(f"/bijeenkomsten/afmelden/{registration.token}/").content.decode()


def test_the_same_email_cannot_sign_up_twice(client: Client, meeting: Meeting) -> None:
    sign_up(client, meeting, "Anna", "anna@example.org")
    response = sign_up(client, meeting, "Anna", "ANNA@example.org")
    assert response.status_code == 400
    assert "al aangemeld" in response.content.decode()


def test_a_bad_email_is_refused_in_dutch(client: Client, meeting: Meeting) -> None:
    response = sign_up(client, meeting, "Anna", "geen-adres")
    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres." in response.content.decode()


def test_a_past_meeting_takes_no_sign_ups(client: Client, support_point: SupportPoint) -> None:
    start = timezone.now() - timedelta(days=3)
    past = Meeting.objects.create(
        support_point=support_point,
        title="Voorbij",
        kind=MeetingKind.THEME,
        description="x",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        location="Online",
        capacity=5,
    )
    sign_up(client, past, "Anna", "anna@example.org")
    assert not Registration.objects.exists()


def test_the_calendar_file_is_valid_icalendar(client: Client, meeting: Meeting) -> None:
    response = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Ouders ontmoeten ouders\r\n" in body
    assert f"DTSTART:{meeting.starts_at.astimezone(timezone.UTC):%Y%m%dT%H%M%SZ}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_meeting_list_shows_upcoming_meetings(client: Client, meeting: Meeting) -> None:
    assert "Ouders ontmoeten ouders" in client.get("/steunpunten/utrecht/bijeenkomsten/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_people_racing_for_the_last_place_do_not_both_get_it(meeting: Meeting) -> None:
    Registration.objects.create(meeting=meeting, name="Eerste", email="eerste@example.org", status="confirmed")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def race(email: str) -> None:
        try:
            barrier.wait()
            meeting_sign_up(meeting=meeting, name="Racer", email=email)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=race, args=(f"racer{i}@example.org",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    statuses = sorted(Registration.objects.exclude(email="eerste@example.org").values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting"]


def test_more_places_go_to_the_waiting_list_first_when_a_coordinator_raises_the_capacity(
    client: Client, client_for: Any, meeting: Meeting
) -> None:
    for name in ["anna", "bram", "carla", "dirk", "eva"]:
        sign_up(client, meeting, name.title(), f"{name}@example.org")
    mail.outbox.clear()
    data = {
        "support_point": meeting.support_point_id,
        "title": meeting.title,
        "kind": meeting.kind,
        "description": meeting.description,
        "starts_at_0": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y"),
        "starts_at_1": timezone.localtime(meeting.starts_at).strftime("%H:%M:%S"),
        "ends_at_0": timezone.localtime(meeting.ends_at).strftime("%d-%m-%Y"),
        "ends_at_1": timezone.localtime(meeting.ends_at).strftime("%H:%M:%S"),
        "location": meeting.location,
        "capacity": "4",
        "registrations-TOTAL_FORMS": "5",
        "registrations-INITIAL_FORMS": "5",
        "registrations-MIN_NUM_FORMS": "0",
        "registrations-MAX_NUM_FORMS": "1000",
        **{f"registrations-{i}-id": str(r.pk) for i, r in enumerate(meeting.registrations.order_by("pk"))},
        **{f"registrations-{i}-meeting": str(meeting.pk) for i in range(5)},
    }
    response = post(client_for("coordinator"), f"/beheer/regions/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "anna@example.org": "confirmed",
        "bram@example.org": "confirmed",
        "carla@example.org": "confirmed",
        "dirk@example.org": "confirmed",
        "eva@example.org": "waiting",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["carla@example.org", "dirk@example.org"]


def test_a_past_meeting_promotes_nobody(meeting: Meeting) -> None:
    Registration.objects.create(meeting=meeting, name="W", email="w@example.org", status="waiting")
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=1), capacity=10
    )
    assert waiting_list_promote(meeting_id=meeting.pk) == []


def test_an_unknown_cancellation_token_is_404(client: Client, meeting: Meeting) -> None:
    response = client.get("/bijeenkomsten/afmelden/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404


def test_the_meeting_list_has_an_empty_state(client: Client, support_point: SupportPoint) -> None:
    assert (
        "Er zijn nu geen bijeenkomsten gepland." in client.get("/steunpunten/utrecht/bijeenkomsten/").content.decode()
    )


def test_an_online_meeting_says_so_in_the_calendar_file(client: Client, meeting: Meeting) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(is_online=True, location="Online, de link staat in de e-mail")
    body = client.get(f"/bijeenkomsten/{meeting.pk}/agenda.ics").content.decode()
    assert "LOCATION:Online" in body
