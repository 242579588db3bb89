from __future__ import annotations

import pytest
from django.http import HttpRequest
from django.test import Client

from regions.models import PostcodeArea, SupportPoint
from regions.session import ChosenRegion, chosen_region

pytestmark = pytest.mark.django_db


def region_of(client: Client) -> ChosenRegion | None:
    """The region the client's cookie holds, read the way the site reads it."""
    request = HttpRequest()
    cookie = client.cookies.get("regio")
    if cookie is not None and cookie.value:
        request.COOKIES["regio"] = cookie.value
    return chosen_region(request)


def choose(client: Client, q: str, **extra: str) -> object:
    return client.post("/regio/kiezen/", {"q": q, **extra})


def test_a_postcode_chooses_the_region_and_remembers_it(client: Client, support_point: SupportPoint) -> None:
    response = choose(client, "3511 AB")
    assert response.status_code == 302
    assert response["Location"] == "/regio/"
    region = region_of(client)
    assert region["pc4"] == "3511"
    assert region["support_point_slug"] == "utrecht"

    page = client.get("/regio/")
    content = page.content.decode()
    assert "Jouw regio: 3511 Utrecht" in content
    assert "Samenwerkingsverband PO 26-01" in content
    assert "Samenwerkingsverband VO 26-01" in content
    assert "Steunpunt Utrecht (test)" in content


@pytest.mark.parametrize("q", ["3511", "3511AB", " 3511 ab "])
def test_postcode_formats_are_accepted(client: Client, support_point: SupportPoint, q: str) -> None:
    assert choose(client, q).status_code == 302
    assert region_of(client)["pc4"] == "3511"


def test_the_chosen_region_shows_in_the_header_of_every_page(client: Client, support_point: SupportPoint) -> None:
    choose(client, "3511")
    content = client.get("/privacy").content.decode()
    assert "3511 Utrecht" in content
    assert "Wijzig regio" in content


def test_a_place_name_chooses_the_region(client: Client, support_point: SupportPoint) -> None:
    assert choose(client, "utrecht").status_code == 302
    assert region_of(client)["label"].endswith("Utrecht")


def test_a_municipality_name_chooses_the_region(client: Client, other_support_point: SupportPoint) -> None:
    assert choose(client, "Sluis").status_code == 302
    assert region_of(client)["pc4"] == "4501"


def test_a_place_split_over_partnerships_lets_the_parent_pick(
    client: Client, support_point: SupportPoint, other_support_point: SupportPoint
) -> None:
    # Make "Utrecht" straddle two partnerships by moving one postcode.
    area = PostcodeArea.objects.get(pc4="3512")
    area.po_partnership = other_support_point.partnerships.get(sector="PO")
    area.vo_partnership = other_support_point.partnerships.get(sector="VO")
    area.save()
    response = choose(client, "Utrecht")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Welk gebied bedoel je?" in content
    assert 'value="3511"' in content and 'value="3512"' in content
    assert region_of(client) is None

    picked = client.post("/regio/kiezen/", {"pc4": "3512"})
    assert picked.status_code == 302
    assert region_of(client)["support_point_slug"] == "zvl"


def test_picking_an_unknown_area_is_refused(client: Client, support_point: SupportPoint) -> None:
    response = client.post("/regio/kiezen/", {"pc4": "9999"})
    assert response.status_code == 200
    assert "Kies een van de gebieden in de lijst." in response.content.decode()
    assert region_of(client) is None


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("12", "Dit is geen geldige postcode. Een postcode ziet eruit als 3511 AB."),
        ("3511 ABC", "Dit is geen geldige postcode."),
        ("0123 AB", "Dit is geen geldige postcode."),
        ("", "Vul je postcode of woonplaats in."),
        ("9999", "We kennen postcode 9999 niet."),
        ("3197", "We kennen postcode 3197 niet."),
        ("Atlantis", "We vinden geen plaats met de naam ‘Atlantis’."),
    ],
)
def test_bad_input_gets_a_clear_dutch_message_and_no_error_page(
    client: Client, support_point: SupportPoint, q: str, message: str
) -> None:
    response = choose(client, q)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'aria-invalid="true"' in content
    assert region_of(client) is None


def test_next_returns_the_parent_where_they_were(client: Client, support_point: SupportPoint) -> None:
    response = choose(client, "3511", next="/steunpunten/")
    assert response["Location"] == "/steunpunten/"


def test_a_parent_sent_here_from_another_page_is_told_why(client: Client) -> None:
    sent = client.get("/vragen/stellen/", follow=True)
    assert "Kies eerst je regio. Daarna ga je verder waar je was." in sent.content.decode()
    assert "Kies eerst je regio" not in client.get("/regio/kiezen/").content.decode()


def test_next_never_leaves_the_site(client: Client, support_point: SupportPoint) -> None:
    response = choose(client, "3511", next="https://evil.example/")
    assert response["Location"] == "/regio/"


def test_the_choice_can_be_changed(
    client: Client, support_point: SupportPoint, other_support_point: SupportPoint
) -> None:
    choose(client, "3511")
    choose(client, "4531")
    assert region_of(client)["support_point_slug"] == "zvl"


def test_the_choice_can_be_cleared(client: Client, support_point: SupportPoint) -> None:
    choose(client, "3511")
    response = client.post("/regio/wissen/")
    assert response.status_code == 302
    assert region_of(client) is None


def test_clearing_needs_post(client: Client) -> None:
    assert client.get("/regio/wissen/").status_code == 405


def test_my_region_without_a_choice_sends_the_parent_to_choose(client: Client) -> None:
    response = client.get("/regio/")
    assert response.status_code == 302
    assert response["Location"] == "/regio/kiezen/"


def test_a_region_without_support_point_says_where_else_to_go(client: Client, postcode_areas: object) -> None:
    choose(client, "3511")
    content = client.get("/regio/").content.decode()
    assert "0800 5010" in content


def test_the_choose_page_refuses_other_methods(client: Client) -> None:
    assert client.put("/regio/kiezen/").status_code == 405
    assert client.post("/regio/").status_code == 405


def test_a_tampered_region_cookie_is_ignored(client: Client, support_point: SupportPoint) -> None:
    client.cookies["regio"] = "nonsense"
    assert client.get("/").status_code == 200
    assert client.get("/regio/").status_code == 302


def test_choosing_a_region_creates_no_server_side_session(client: Client, support_point: SupportPoint) -> None:
    choose(client, "3511")
    assert "sessionid" not in client.cookies


def test_a_forged_region_cookie_is_ignored(client: Client, support_point: SupportPoint) -> None:
    client.cookies["regio"] = (
        '{"pc4":"3511","label":"Nep","partnership_ids":[],"support_point_ids":[],'
        '"support_point_slug":"","support_point_name":""}'
    )
    assert region_of(client) is None
    assert "Nep" not in client.get("/").content.decode()
