"""Permission matrix for the shared pages, the region pages and the admin."""

from __future__ import annotations

from typing import Any

import pytest

from regions.models import Experience, Feedback, Registration, School, SupportOffer, SupportPoint
from tests.permissions import ADMIN_ACCESS, ADMIN_DENIED, Case, matrix_test

# Staff pages of the coordinator's own region (utrecht): coordinator_b is out of scope, other roles too low.
OWN_REGION = {"anonymous": 302, "coordinator": 200, "coordinator_b": 404, "superuser": 200}
COORDINATORS = {"anonymous": 302, "coordinator": 200, "coordinator_b": 200, "superuser": 200}

CASES = [
    Case("home", "/"),
    Case("healthz", "/healthz"),
    Case("baseline", "/_baseline"),
    Case(
        "staff_baseline",
        "/_baseline/staf",
        default=403,
        expected={"anonymous": 302, "buddy": 200, "buddy_b": 200, **COORDINATORS, "professional": 200},
    ),
    Case("accessibility", "/toegankelijkheid"),
    Case("privacy", "/privacy"),
    Case("regions:choose", "/regio/kiezen/"),
    Case("regions:choose", "/regio/kiezen/", method="post", default=302, data={"q": "3511"}),
    Case("regions:clear", "/regio/wissen/", method="post", default=302),
    Case("regions:clear", "/regio/wissen/", default=405),
    Case("regions:my_region", "/regio/", default=302),
    Case("regions:support_points", "/steunpunten/"),
    Case("regions:support_point", "/steunpunten/utrecht/"),
    Case("regions:support_point", "/steunpunten/utrecht/", method="post", default=405),
    Case("regions:support_point", "/steunpunten/onbekend/", default=404),
    Case("admin:index", "/beheer/", default=ADMIN_DENIED, expected=ADMIN_ACCESS),
    Case(
        "admin:regions_supportpoint_changelist",
        "/beheer/regions/supportpoint/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS,
    ),
    # Own support point (utrecht) for coordinator; coordinator_b guesses its URL and is sent away.
    Case(
        "admin:regions_supportpoint_change",
        "/beheer/regions/supportpoint/{utrecht}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_supportpoint_add",
        "/beheer/regions/supportpoint/add/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:regions_postcodearea_changelist",
        "/beheer/regions/postcodearea/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case(
        "admin:accounts_user_changelist",
        "/beheer/accounts/user/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator": 403, "coordinator_b": 403},
    ),
    Case("account_email", "/account/email/", expected={"anonymous": 302}),
    # The school directory (issue 3).
    Case("regions:school_search", "/scholen/"),
    Case("regions:school_search", "/scholen/?postcode=3511&behoefte=autisme"),
    Case("regions:school_search", "/scholen/", method="post", default=405),
    Case("regions:school", "/scholen/{school}/"),
    Case("regions:school", "/scholen/XX0000/", default=404),
    Case("regions:school_compare", "/scholen/vergelijken/?school={school}&school={other_school}"),
    Case("regions:school_shortlist", "/scholen/mijn-lijstje/"),
    Case("regions:school_shortlist_toggle", "/scholen/{school}/lijstje/", method="post", default=302),
    Case("regions:school_shortlist_toggle", "/scholen/{school}/lijstje/", default=405),
    # Coordinators edit only their own region's profiles.
    Case("regions:profile_edit", "/scholen/{school}/profiel/", default=403, expected=OWN_REGION),
    Case(
        "regions:profile_edit",
        "/scholen/{other_school}/profiel/",
        default=403,
        expected={"anonymous": 302, "coordinator": 404, "coordinator_b": 200, "superuser": 200},
    ),
    Case(
        "regions:profile_edit",
        "/scholen/{school}/profiel/",
        method="post",
        data={"class_size": "20"},
        default=403,
        expected={"anonymous": 302, "coordinator": 302, "coordinator_b": 404, "superuser": 302},
    ),
    Case("regions:profile_edit", "/scholen/{school}/profiel/", method="put", default=405),
    # Parents write experiences and edit only their own; anyone reports; coordinators moderate their region's.
    Case("regions:experience_create", "/scholen/{school}/ervaring/", expected={"anonymous": 302}),
    Case("regions:experience_mine", "/ervaringen/", expected={"anonymous": 302}),
    Case(
        "regions:experience_edit",
        "/ervaringen/{published}/bewerken/",
        default=404,
        expected={"anonymous": 302, "parent": 200},
    ),
    Case("regions:experience_report", "/ervaringen/{published}/melden/"),
    Case(
        "regions:experience_report",
        "/ervaringen/{published}/melden/",
        method="post",
        data={"reason": "Er staat een naam in."},
        default=302,
    ),
    Case("regions:experience_report", "/ervaringen/{pending}/melden/", default=404),
    Case("regions:moderation_queue", "/ervaringen/controleren/", default=403, expected=COORDINATORS),
    Case("regions:experience_moderate", "/ervaringen/{pending}/controleren/", default=403, expected=OWN_REGION),
    Case(
        "regions:experience_moderate",
        "/ervaringen/{pending}/controleren/",
        method="post",
        data={"action": "approve", "went_well": "Goed.", "could_be_better": ""},
        default=403,
        expected={"anonymous": 302, "coordinator": 302, "coordinator_b": 404, "superuser": 302},
    ),
    # The regional offer, meetings and feedback.
    Case("regions:offers", "/aanbod/"),
    Case("regions:offers", "/aanbod/?steunpunt=utrecht&behoefte=autisme"),
    Case("regions:offer", "/aanbod/{offer}/"),
    Case("regions:offer", "/aanbod/999999/", default=404),
    Case("regions:meetings", "/steunpunten/utrecht/bijeenkomsten/"),
    Case("regions:meeting", "/bijeenkomsten/{meeting}/"),
    Case("regions:meeting", "/bijeenkomsten/{meeting}/", method="delete", default=405),
    Case("regions:meeting_ics", "/bijeenkomsten/{meeting}/agenda.ics"),
    Case("regions:registration_cancel", "/bijeenkomsten/afmelden/{token}/"),
    Case("regions:feedback", "/steunpunten/utrecht/je-zei-wij-deden/"),
    Case(
        "regions:feedback",
        "/steunpunten/utrecht/je-zei-wij-deden/",
        method="post",
        data={"message": "Meer avonden graag."},
        default=302,
    ),
    # Every view refuses the methods it does not take.
    Case("regions:school_compare", "/scholen/vergelijken/", method="post", default=405),
    Case("regions:school_shortlist", "/scholen/mijn-lijstje/", method="post", default=405),
    Case("regions:experience_mine", "/ervaringen/", method="post", default=405),
    Case("regions:moderation_queue", "/ervaringen/controleren/", method="post", default=405),
    Case("regions:experience_create", "/scholen/{school}/ervaring/", method="put", default=405),
    Case("regions:experience_report", "/ervaringen/{published}/melden/", method="delete", default=405),
    Case("regions:offers", "/aanbod/", method="post", default=405),
    Case("regions:offers", "/aanbod/?steunpunt=onbekend", default=404),
    Case("regions:offer", "/aanbod/{offer}/", method="post", default=405),
    Case("regions:meetings", "/steunpunten/utrecht/bijeenkomsten/", method="post", default=405),
    Case("regions:meetings", "/steunpunten/onbekend/bijeenkomsten/", default=404),
    Case("regions:meeting", "/bijeenkomsten/999999/", default=404),
    Case("regions:meeting_ics", "/bijeenkomsten/{meeting}/agenda.ics", method="post", default=405),
    Case("regions:meeting_ics", "/bijeenkomsten/999999/agenda.ics", default=404),
    Case("regions:registration_cancel", "/bijeenkomsten/afmelden/{token}/", method="put", default=405),
    Case("regions:feedback", "/steunpunten/utrecht/je-zei-wij-deden/", method="put", default=405),
    Case("regions:feedback", "/steunpunten/onbekend/je-zei-wij-deden/", default=404),
    # Coordinators keep their own region's offers, meetings and feedback in the admin; another region's are not
    # there for them (the admin sends an unknown object back to its index).
    Case(
        "admin:regions_supportoffer_change",
        "/beheer/regions/supportoffer/{offer}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_meeting_change",
        "/beheer/regions/meeting/{meeting}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_feedback_change",
        "/beheer/regions/feedback/{feedback}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_supportprofile_change",
        "/beheer/regions/supportprofile/{profile}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_experience_change",
        "/beheer/regions/experience/{published}/change/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS | {"coordinator_b": 302},
    ),
    Case(
        "admin:regions_supportprofile_changelist",
        "/beheer/regions/supportprofile/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS,
    ),
    Case(
        "admin:regions_supportoffer_add",
        "/beheer/regions/supportoffer/add/",
        default=ADMIN_DENIED,
        expected=ADMIN_ACCESS,
    ),
]


@pytest.fixture
def path_values(
    support_point: SupportPoint,
    other_support_point: SupportPoint,
    school: School,
    other_school: School,
    published_experience: Experience,
    pending_experience: Experience,
    registration: Registration,
    offer: SupportOffer,
) -> dict[str, Any]:
    feedback = Feedback.objects.create(support_point=support_point, message="Meer avonden graag.")
    return {
        "utrecht": support_point.pk,
        "zvl": other_support_point.pk,
        "school": school.code,
        "other_school": other_school.code,
        "published": published_experience.pk,
        "pending": pending_experience.pk,
        "meeting": registration.meeting_id,
        "token": registration.token,
        "offer": offer.pk,
        "feedback": feedback.pk,
        "profile": school.profile.pk,
    }


test_permission_matrix = matrix_test(CASES)
