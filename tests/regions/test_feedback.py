from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from regions.models import Feedback, SupportPoint

pytestmark = pytest.mark.django_db


def test_a_parent_leaves_feedback_that_is_shown_once_answered(
    client_for: Callable[[str], Client], support_point: SupportPoint, coordinator: object
) -> None:
    parent = client_for("parent")
    response = parent.post("/steunpunten/utrecht/je-zei-wij-deden/", {"message": "Meer avonden in Overvecht."})
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert "Meer avonden in Overvecht." not in parent.get("/steunpunten/utrecht/je-zei-wij-deden/").content.decode()
    feedback.respond(by=coordinator, response="Vanaf maart een avond per maand in Overvecht.")
    feedback.save()
    content = parent.get("/steunpunten/utrecht/je-zei-wij-deden/").content.decode()
    assert "Meer avonden in Overvecht." in content
    assert "Vanaf maart een avond per maand in Overvecht." in content


def test_empty_feedback_is_refused(client_for: Callable[[str], Client], support_point: SupportPoint) -> None:
    response = client_for("parent").post("/steunpunten/utrecht/je-zei-wij-deden/", {"message": ""})
    assert response.status_code == 400
    assert "Schrijf je opmerking." in response.content.decode()


def test_a_coordinator_responds_in_the_admin_and_is_recorded(
    client_for: Callable[[str], Client], support_point: SupportPoint, coordinator: object
) -> None:
    feedback = Feedback.objects.create(support_point=support_point, message="Graag online avonden.")
    response = client_for("coordinator").post(
        f"/beheer/regions/feedback/{feedback.pk}/change/",
        {"support_point": support_point.pk, "message": "Graag online avonden.", "response": "Die komen er."},
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.response, feedback.responded_by) == ("Die komen er.", coordinator)
    assert feedback.responded_at is not None


def test_a_coordinator_takes_a_name_out_of_the_message_before_publishing(
    client_for: Callable[[str], Client], support_point: SupportPoint, coordinator: object
) -> None:
    feedback = Feedback.objects.create(support_point=support_point, message="Juf Anja van groep 5 luistert niet.")
    client_for("coordinator").post(
        f"/beheer/regions/feedback/{feedback.pk}/change/",
        {
            "support_point": support_point.pk,
            "message": "Een leerkracht luistert niet.",
            "response": "We praten erover.",
        },
    )
    content = client_for("anonymous").get("/steunpunten/utrecht/je-zei-wij-deden/").content.decode()
    assert "Een leerkracht luistert niet." in content
    assert "Anja" not in content


def test_the_admin_lists_the_feedback_that_still_needs_a_response(
    client_for: Callable[[str], Client], support_point: SupportPoint, coordinator: object
) -> None:
    Feedback.objects.create(support_point=support_point, message="Open vraag")
    answered = Feedback.objects.create(support_point=support_point, message="Beantwoord")
    answered.respond(by=coordinator, response="Gedaan.")
    answered.save()
    response = client_for("coordinator").get("/beheer/regions/feedback/", {"responded_at__isempty": "1"})
    assert [f.message for f in response.context["cl"].result_list] == ["Open vraag"]


def test_an_anonymous_visitor_reads_the_page_and_is_asked_to_log_in_to_write(
    client_for: Callable[[str], Client], support_point: SupportPoint
) -> None:
    anonymous = client_for("anonymous")
    assert (
        "Log in om je opmerking te sturen." in anonymous.get("/steunpunten/utrecht/je-zei-wij-deden/").content.decode()
    )
    response = anonymous.post("/steunpunten/utrecht/je-zei-wij-deden/", {"message": "Hallo"})
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert not Feedback.objects.exists()


def test_the_page_has_an_empty_state(client_for: Callable[[str], Client], support_point: SupportPoint) -> None:
    content = client_for("parent").get("/steunpunten/utrecht/je-zei-wij-deden/").content.decode()
    assert "Er staan nog geen reacties." in content


def test_a_coordinator_of_another_region_cannot_open_it_in_the_admin(
    client_for: Callable[[str], Client], support_point: SupportPoint, coordinator_b: object
) -> None:
    feedback = Feedback.objects.create(support_point=support_point, message="x")
    response = client_for("coordinator_b").get(f"/beheer/regions/feedback/{feedback.pk}/change/")
    assert response.status_code == 302  # the admin sends unknown objects back to its index
