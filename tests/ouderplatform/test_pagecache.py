from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import User
from ouderplatform.pagecache import CSRF_PLACEHOLDER
from regions.models import SupportPoint

pytestmark = pytest.mark.django_db


def test_a_cached_page_gives_every_visitor_their_own_working_csrf_token(support_point: SupportPoint) -> None:
    first = Client(enforce_csrf_checks=True)
    second = Client(enforce_csrf_checks=True)
    first_page = first.get("/").content.decode()
    second_page = second.get("/").content.decode()  # served from the cache
    assert CSRF_PLACEHOLDER not in first_page + second_page
    token = second.cookies["csrftoken"].value
    response = second.post("/regio/kiezen/", {"q": "3511", "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_cache_serves_the_page_without_rendering_again(
    client: Client, django_assert_max_num_queries: object
) -> None:
    client.get("/privacy")
    with django_assert_max_num_queries(0):
        assert "Privacyverklaring" in client.get("/privacy").content.decode()


def test_the_chosen_region_and_language_get_their_own_copy(client: Client, support_point: SupportPoint) -> None:
    assert "Kies je regio" in client.get("/").content.decode()
    client.post("/regio/kiezen/", {"q": "3511"})
    client.get("/regio/")  # shows the confirmation message, so the next page is clean
    assert "3511 Utrecht" in client.get("/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en"' in client.get("/").content.decode()


def test_a_pending_message_is_never_cached(client: Client, support_point: SupportPoint) -> None:
    client.post("/regio/kiezen/", {"q": "3511"}, follow=False)
    with_message = client.get("/").content.decode()
    assert "Je regio is nu 3511 Utrecht." in with_message
    assert "Je regio is nu" not in Client().get("/").content.decode()


def test_signed_in_users_never_get_or_fill_the_cache(client: Client, parent: User) -> None:
    Client().get("/")
    client.force_login(parent)
    assert "Uitloggen" in client.get("/").content.decode()
    assert "Uitloggen" not in Client().get("/").content.decode()


def test_an_error_page_from_a_cached_view_gets_a_real_token(client: Client, support_point: SupportPoint) -> None:
    response = client.get("/steunpunten/bestaat-niet/")
    assert response.status_code == 404
    content = response.content.decode()
    assert CSRF_PLACEHOLDER not in content
    assert 'name="csrfmiddlewaretoken"' in content
