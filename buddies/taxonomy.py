"""Shared vocabularies for buddy matching: what a child needs, school types, procedures, languages, channels.

The needs list follows the support-profile taxonomy of DOMAIN.md. It lives here until a shared module
(regions/taxonomy.py) exists; other apps may import `Need` from here, and it can move without a data migration
because only the stored values (the slugs) matter.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Need(models.TextChoices):
    """What a child needs, never a diagnosis: the parent picks tags, a buddy marks experience with the same tags."""

    BEHAVIOUR = "behaviour", _("Gedrag en sociaal-emotioneel")
    AUTISM = "autism", _("Autisme")
    ATTENTION = "attention", _("Aandacht en concentratie (ADHD)")
    READING = "reading", _("Lezen en spellen (dyslexie)")
    ARITHMETIC = "arithmetic", _("Rekenen (dyscalculie)")
    LANGUAGE = "language", _("Taal en spraak (TOS)")
    GIFTEDNESS = "giftedness", _("Hoogbegaafdheid")
    EXECUTIVE = "executive", _("Plannen en organiseren")
    MOTOR = "motor", _("Motoriek")
    MEDICAL = "medical", _("Medische zorg")
    HEARING = "hearing", _("Horen")
    VISION = "vision", _("Zien")
    INTELLECTUAL = "intellectual", _("Leren (verstandelijke beperking)")


class SchoolType(models.TextChoices):
    BO = "BO", _("Basisschool")
    SBO = "SBO", _("Speciaal basisonderwijs (SBO)")
    SO = "SO", _("Speciaal onderwijs (SO)")
    VO = "VO", _("Middelbare school (vmbo, havo, vwo)")
    PRO = "PRO", _("Praktijkonderwijs")
    VSO = "VSO", _("Voortgezet speciaal onderwijs (VSO)")
    NONE = "NONE", _("Nu geen school (thuiszitter)")


class Procedure(models.TextChoices):
    OPP = "opp", _("Ontwikkelingsperspectief (OPP)")
    TLV = "tlv", _("Toelaatbaarheidsverklaring (TLV)")
    HOME = "home", _("Thuiszitten")
    GPO = "gpo", _("Geschillencommissie passend onderwijs (GPO)")
    OBJECTION = "objection", _("Bezwaar (LBT)")
    CONSULTANT = "consultant", _("Onderwijsconsulent")
    YOUTH_CARE = "youth_care", _("Jeugdhulp naast school")
    EXEMPTION = "exemption", _("Vrijstelling van de leerplicht")


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    ARABIC = "ar", _("Arabisch")
    TURKISH = "tr", _("Turks")
    POLISH = "pl", _("Pools")
    BERBER = "ber", _("Berbers (Tamazight)")
    PAPIAMENTU = "pap", _("Papiaments")
    UKRAINIAN = "uk", _("Oekraïens")


class Channel(models.TextChoices):
    PHONE = "phone", _("Telefoon")
    VIDEO = "video", _("Beeldbellen")
    IN_PERSON = "in_person", _("Afspreken")


class HelpKind(models.TextChoices):
    LISTEN = "listen", _("Iemand die luistert")
    PREPARE = "prepare", _("Hulp bij het voorbereiden van een gesprek")
    ACCOMPANY = "accompany", _("Iemand die meegaat naar een gesprek")
    INFORMATION = "information", _("Informatie en uitleg")
