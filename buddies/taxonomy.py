"""Shared vocabularies for buddy matching: what a child needs, school types, procedures, languages, channels.

The needs are the project's one vocabulary (`ouderplatform.needs`), so a request, a buddy's experience, a question
and an article speak the same tags; `Need` is re-exported here for the buddies code.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ouderplatform.needs import Need

__all__ = ["Channel", "HelpKind", "Language", "Need", "Procedure", "SchoolType"]


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
