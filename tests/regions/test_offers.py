from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regions.models import Need, OfferKind, SupportOffer, SupportPoint

pytestmark = pytest.mark.django_db


def titles(response: object) -> list[str]:
    return [o.title for o in response.context["page"].object_list]  # type: ignore[attr-defined]


def test_a_region_shows_its_own_offers_and_the_national_ones(
    client: Client, offer: SupportOffer, national_offer: SupportOffer, other_support_point: SupportPoint
) -> None:
    assert titles(client.get("/aanbod/", {"steunpunt": "utrecht"})) == ["Rebound Utrecht", "Onderwijsconsulenten"]
    assert titles(client.get("/aanbod/", {"steunpunt": "zvl"})) == ["Onderwijsconsulenten"]


def test_without_a_region_only_national_offers_are_shown(
    client: Client, offer: SupportOffer, national_offer: SupportOffer
) -> None:
    response = client.get("/aanbod/")
    assert titles(response) == ["Onderwijsconsulenten"]
    assert "Kies je regio" in response.content.decode()


def test_the_chosen_region_selects_the_offers(
    client: Client, offer: SupportOffer, national_offer: SupportOffer
) -> None:
    client.post("/regio/kiezen/", {"q": "3511"})
    assert titles(client.get("/aanbod/")) == ["Rebound Utrecht", "Onderwijsconsulenten"]


def test_offers_are_searchable_and_filterable(
    client: Client, offer: SupportOffer, national_offer: SupportOffer
) -> None:
    national_offer.needs.set([Need.objects.get(slug="autisme")])
    assert titles(client.get("/aanbod/", {"steunpunt": "utrecht", "behoefte": "autisme"})) == ["Onderwijsconsulenten"]
    assert titles(client.get("/aanbod/", {"steunpunt": "utrecht", "soort": "rebound"})) == ["Rebound Utrecht"]
    assert titles(client.get("/aanbod/", {"steunpunt": "utrecht", "q": "gratis"})) == ["Onderwijsconsulenten"]


def test_an_offer_page_says_who_it_is_for_and_how_to_get_in(client: Client, offer: SupportOffer) -> None:
    content = client.get(f"/aanbod/{offer.pk}/").content.decode()
    assert "Voor wie?" in content and "Leerlingen vo" in content
    assert "Hoe kom je erin?" in content and "Via school" in content


def test_a_coordinator_cannot_add_a_national_offer_in_the_admin(
    client_for: object, support_point: SupportPoint
) -> None:
    client = client_for("coordinator")  # type: ignore[operator]
    response = client.post(
        "/beheer/regions/supportoffer/add/",
        {"title": "Landelijk?", "kind": "extern", "summary": "x", "audience": "x", "access": "x"},
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not SupportOffer.objects.filter(title="Landelijk?").exists()


@pytest.mark.parametrize("count", [3, 300])
def test_the_offer_list_uses_a_constant_number_of_queries(
    count: int,
    client_for: Callable[[str], Client],
    support_point: SupportPoint,
    national_offer: SupportOffer,
    django_assert_max_num_queries: Callable[..., object],
) -> None:
    needs = list(Need.objects.all()[:3])
    offers = SupportOffer.objects.bulk_create(
        SupportOffer(support_point=support_point, title=f"Aanbod {i}", kind=OfferKind.ARRANGEMENT, summary="x")
        for i in range(count)
    )
    through = SupportOffer.needs.through
    through.objects.bulk_create(through(supportoffer_id=o.pk, need_id=n.pk) for o in offers for n in needs)
    client = client_for("parent")
    # Session, user, memberships, support point, chosen need, count, page, the page's needs, the need choices.
    with django_assert_max_num_queries(9):  # type: ignore[operator]
        response = client.get("/aanbod/", {"steunpunt": "utrecht", "behoefte": needs[0].slug})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == count
