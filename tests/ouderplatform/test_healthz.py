from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client


@pytest.mark.django_db
def test_it_answers_ok_when_the_database_is_reachable(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_down(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    # Point the connection at a database that does not exist: the check must fail cleanly, not with a 500.
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "NAME", "no_such_database_here")
    response = client.get("/healthz")
    connection.close()
    assert response.status_code == 503


def test_it_refuses_other_methods(client: Client) -> None:
    assert client.post("/healthz").status_code == 405
