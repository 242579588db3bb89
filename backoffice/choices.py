"""Fixed vocabularies of the back office.

`Tier` and `NEEDS` belong to the knowledge base and the support-profile taxonomy (DOMAIN.md). Those apps are built in
other branches; until they are merged these constants are the single source here. After the merge they should be
imported from there (see the report of issue 6).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Tier(models.IntegerChoices):
    SCHOOL_CHOICE = 1, _("Schoolkeuze")
    SCHOOL_ORGANISATION = 2, _("Schoolorganisatie")
    SUPPORT_AT_SCHOOL = 3, _("Ondersteuning op school")
    SCHOOL_FAILS = 4, _("Als school niet lukt")
    POLICY = 5, _("Onderwijs-, zorg- en jeugdbeleid")


# What the child needs, never a diagnosis (DOMAIN.md, "Needs").
NEEDS: list[tuple[str, str]] = [
    ("behaviour", _("Gedrag en sociaal-emotioneel")),
    ("autism", _("Autisme")),
    ("attention", _("Aandacht (ADHD)")),
    ("reading", _("Lezen (dyslexie)")),
    ("arithmetic", _("Rekenen (dyscalculie)")),
    ("language", _("Taal en spraak (TOS)")),
    ("giftedness", _("Hoogbegaafdheid")),
    ("executive", _("Plannen en organiseren")),
    ("motor", _("Motoriek")),
    ("medical", _("Medische zorg")),
    ("hearing", _("Horen")),
    ("vision", _("Zien")),
    ("intellectual", _("Leren (verstandelijk)")),
]
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
