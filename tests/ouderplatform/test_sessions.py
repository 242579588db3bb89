"""The session store reads its row with plain SQL (ouderplatform/sessions.py); Django's rules still hold."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts.models import User
from ouderplatform.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_saved_session_reads_back() -> None:
    store = SessionStore()
    store["regio"] = "3511"
    store.save()
    assert SessionStore(session_key=store.session_key)["regio"] == "3511"


def test_an_expired_session_reads_as_empty_and_gets_a_new_key() -> None:
    store = SessionStore()
    store["regio"] = "3511"
    store.save()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - datetime.timedelta(1))
    expired = SessionStore(session_key=store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None


def test_an_unknown_session_key_reads_as_empty() -> None:
    assert SessionStore(session_key="x" * 32).load() == {}


def test_signing_in_and_out_goes_through_this_store(client: Client, parent: User) -> None:
    client.force_login(parent)
    assert isinstance(client.session, SessionStore)
    assert client.get("/account/email/").status_code == 200
    client.logout()
    assert not Session.objects.exists()
    assert client.get("/account/email/").status_code == 302
