"""Fixed vocabularies of the back office. `Tier` and the needs come from the knowledge base (DOMAIN.md)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from knowledgebase.models import Tier
from ouderplatform.needs import Need

__all__ = ["NEEDS", "NEED_LABELS", "Tier"]


# The knowledge base owns the tiers and the needs taxonomy; questions use the same ones so that signals and article
# proposals line up with the articles.
NEEDS: list[tuple[str, str]] = list(Need.choices)
NEED_LABELS: dict[str, str] = dict(NEEDS)


class SchoolType(models.TextChoices):
    UNKNOWN = "", _("Weet ik niet / geen school")
    BO = "BO", _("Basisschool")
    SBO = "SBO", _("Speciaal basisonderwijs (SBO)")
    SO = "SO", _("Speciaal onderwijs (SO)")
    VO = "VO", _("Middelbare school (VO)")
    VSO = "VSO", _("Voortgezet speciaal onderwijs (VSO)")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normaal")
    URGENT = "urgent", _("Dringend")


class Status(models.TextChoices):
    RECEIVED = "received", _("Ontvangen")
    REGIONAL = "regional", _("In behandeling bij het steunpunt")
    BACKOFFICE = "backoffice", _("In behandeling bij de landelijke backoffice")
    ANSWERED = "answered", _("Beantwoord")
    CLOSED = "closed", _("Afgesloten")


class Resolution(models.TextChoices):
    ANSWERED = "answered", _("Vraag beantwoord")
    REFERRED = "referred", _("Doorverwezen")
    NO_RESPONSE = "no_response", _("Geen reactie van ouder")
    WITHDRAWN = "withdrawn", _("Ingetrokken door ouder")
    OUT_OF_SCOPE = "out_of_scope", _("Past niet bij het steunpunt")


class MessageKind(models.TextChoices):
    REPLY = "reply", _("Bericht")
    NOTE = "note", _("Interne notitie")


class HandlerRole(models.TextChoices):
    PARENT = "parent", _("Ouder")
    BUDDY = "buddy", _("Buddy")
    COORDINATOR = "coordinator", _("Coördinator")
    PROFESSIONAL = "professional", _("Professional")


class EventAction(models.TextChoices):
    CREATED = "created", _("Vraag gesteld")
    STATUS = "status", _("Status")
    REGIONAL_HANDLER = "regional_handler", _("Behandelaar steunpunt")
    ESCALATED = "escalated", _("Doorgezet naar backoffice")
    ASSIGNEE = "assignee", _("Professional")
    PRIORITY = "priority", _("Prioriteit")
    SLA = "sla", _("Termijn")
    HOLD = "hold", _("Wachtstand")
    REPLY = "reply", _("Bericht")
    NOTE = "note", _("Interne notitie")
    ARTICLE = "article", _("Kennisbankvoorstel")
    SURVEY = "survey", _("Tevredenheid")
    ANONYMISED = "anonymised", _("Geanonimiseerd")
