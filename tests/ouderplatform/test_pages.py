from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/", "Hulp bij passend onderwijs voor je kind"),
        ("/toegankelijkheid", "Toegankelijkheidsverklaring"),
        ("/privacy", "Privacyverklaring"),
    ],
)
def test_public_pages_render_in_dutch(client: Client, url: str, text: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert text in content
    assert '<html lang="nl"' in content
    assert content.count("<h1") == 1


@pytest.mark.parametrize("url", ["/", "/toegankelijkheid", "/privacy", "/_baseline", "/healthz"])
def test_public_pages_refuse_post(client: Client, url: str) -> None:
    assert client.post(url).status_code == 405


def test_the_404_page_is_dutch(client: Client) -> None:
    response = client.get("/bestaat/niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_the_500_page_renders_without_the_database_or_context() -> None:
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_the_baseline_view_is_bare(client: Client, django_assert_max_num_queries: object) -> None:
    with django_assert_max_num_queries(0):
        response = client.get("/_baseline")
    assert response.content == b"ok\n"


def test_english_is_available(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en"' in client.get("/").content.decode()


def test_dutch_is_the_default_whatever_the_browser_prefers(client: Client) -> None:
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="nl"' in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_the_language_switch_is_remembered(client: Client) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en"' in client.get("/privacy").content.decode()
    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert '<html lang="nl"' in client.get("/privacy").content.decode()
