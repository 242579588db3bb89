"""What a child needs: the one vocabulary of need tags shared by the knowledge base, the back office and buddies.

DOMAIN.md's support-profile taxonomy: needs, never diagnoses. A parent's question, a buddy request, a buddy's
experience and an article are tagged with the same slugs, so they can be matched with each other. The school support
profiles in `regions` keep these needs as a table with Dutch slugs (they appear in search URLs);
`regions.taxonomy.NEEDS` lists the same thirteen needs in the same order.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Need(models.TextChoices):
    BEHAVIOUR = "behaviour", _("Gedrag en sociaal-emotioneel")
    AUTISM = "autism", _("Autisme")
    ATTENTION = "attention", _("Aandacht (ADHD)")
    READING = "reading", _("Lezen (dyslexie)")
    ARITHMETIC = "arithmetic", _("Rekenen (dyscalculie)")
    LANGUAGE = "language", _("Taal en spraak (TOS)")
    GIFTED = "gifted", _("Hoogbegaafdheid")
    EXECUTIVE = "executive", _("Plannen en organiseren")
    MOTOR = "motor", _("Motoriek")
    MEDICAL = "medical", _("Medische zorg")
    HEARING = "hearing", _("Horen")
    VISION = "vision", _("Zien")
    INTELLECTUAL = "intellectual", _("Leren (verstandelijk)")
