from __future__ import annotations

from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PO = "PO", _("Primair onderwijs")
    VO = "VO", _("Voortgezet onderwijs")


class PartnershipQuerySet(models.QuerySet["Partnership"]):
    def coordinated_by(self, user: Any) -> PartnershipQuerySet:
        if user.is_superuser:
            return self
        return self.filter(support_points__memberships__user=user, support_points__memberships__role="coordinator")


class Partnership(models.Model):
    """A samenwerkingsverband passend onderwijs (SWV), identified by its DUO code such as PO2301."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("DUO-code, bijvoorbeeld PO2301."))
    sector = models.CharField(_("sector"), max_length=2, choices=Sector.choices)
    name = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_("Leeg laten toont 'Samenwerkingsverband PO 23-01'."),
    )
    website = models.CharField(_("website"), max_length=200, blank=True)
    municipalities = ArrayField(models.CharField(max_length=100), default=list, blank=True, verbose_name=_("gemeenten"))

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(sector__in=["PO", "VO"]), name="partnership_sector_valid"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def number(self) -> str:
        """'PO2301' → '23-01', the way SWVs number themselves."""
        digits = self.code[2:]
        return f"{digits[:2]}-{digits[2:]}" if len(digits) == 4 else digits

    @property
    def display_name(self) -> str:
        return self.name or f"Samenwerkingsverband {self.sector} {self.number}"

    def main_municipalities(self, limit: int = 3) -> list[str]:
        return self.municipalities[:limit]


class SupportPointQuerySet(models.QuerySet["SupportPoint"]):
    def coordinated_by(self, user: Any) -> SupportPointQuerySet:
        if user.is_superuser:
            return self
        return self.filter(memberships__user=user, memberships__role="coordinator").distinct()

    def covering(self, partnership_ids: list[int]) -> SupportPointQuerySet:
        return self.filter(partnerships__in=partnership_ids).distinct()


class SupportPoint(models.Model):
    """An ouder- en jeugdsteunpunt: independent regional support for parents, covering one or more SWVs."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de link"), max_length=80, unique=True)
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("bereikbaarheid"), blank=True, help_text=_("Bijvoorbeeld: ma–do 9–17 uur."))
    introduction = models.TextField(_("korte introductie"), blank=True)
    partnerships = models.ManyToManyField(
        Partnership, related_name="support_points", blank=True, verbose_name=_("samenwerkingsverbanden")
    )
    is_demo = models.BooleanField(_("demo"), default=False, help_text=_("Voorbeeldgegevens, niet echt."))

    objects = SupportPointQuerySet.as_manager()

    class Meta:
        verbose_name = _("steunpunt")
        verbose_name_plural = _("steunpunten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:support_point", kwargs={"slug": self.slug})

    @property
    def phone_uri(self) -> str:
        """A tel: link target: digits only ("030 000 0000" → "tel:0300000000"), keeping a leading +."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:{'+' if self.phone.strip().startswith('+') else ''}{digits}" if digits else ""


class PostcodeArea(models.Model):
    """A four-digit postcode (PC4) with its place and the PO and VO partnership it legally belongs to."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, primary_key=True)
    place = models.CharField(_("woonplaats"), max_length=100, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True)
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    po_partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="po_postcodes"
    )
    vo_partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="vo_postcodes"
    )

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["pc4"]
        indexes = [
            models.Index(models.functions.Upper("place"), name="postcodearea_place_upper"),
            models.Index(models.functions.Upper("municipality"), name="postcodearea_muni_upper"),
        ]

    def __str__(self) -> str:
        return f"{self.pc4} {self.place}".strip()

    def partnerships(self) -> list[Partnership]:
        return [p for p in (self.po_partnership, self.vo_partnership) if p is not None]
