from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import OuterRef
from django.db.models.functions import JSONObject, Lower, Upper
from django.urls import reverse
from django.utils import timezone
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


class SchoolKind(models.TextChoices):
    BO = "BO", _("Basisschool")
    SBO = "SBO", _("Speciaal basisonderwijs (sbo)")
    SO = "SO", _("Speciaal onderwijs (so)")
    VSO = "VSO", _("Voortgezet speciaal onderwijs (vso)")
    SO_VSO = "SO_VSO", _("Speciaal en voortgezet speciaal onderwijs (so en vso)")
    VO = "VO", _("Middelbare school (vo)")


# Which partnership a location belongs to: primary-sector kinds to the PO partnership, the rest to the VO one.
# (V)SO institutions serve both ages; their partnership of record (TLV, funding) is the PO one.
PO_KINDS = frozenset({SchoolKind.BO, SchoolKind.SBO, SchoolKind.SO, SchoolKind.SO_VSO})


class SchoolLevel(models.TextChoices):
    PRO = "pro", _("praktijkonderwijs")
    VMBO = "vmbo", _("vmbo")
    HAVO = "havo", _("havo")
    VWO = "vwo", _("vwo")


def short_kind(kind: str, levels: list[str]) -> str:
    """A secondary school by its levels ("havo, vwo"), any other school by its kind; for cards and comparisons."""
    if kind == SchoolKind.VO and levels:
        return ", ".join(str(SchoolLevel(level).label) for level in levels)
    return str(SchoolKind(kind).label) if kind in SchoolKind.values else kind


CARD_FIELDS = ("code", "name", "kind", "levels", "place", "municipality", "denomination", "latitude", "longitude")


class SchoolQuerySet(models.QuerySet["School"]):
    def open(self) -> SchoolQuerySet:
        return self.filter(closed_on__isnull=True)

    def coordinated_by(self, user: Any) -> SchoolQuerySet:
        """Schools in the partnerships of the support points this user coordinates."""
        if user.is_superuser:
            return self
        partnership_ids = Partnership.objects.filter(support_points__in=user.support_point_ids("coordinator")).values(
            "pk"
        )
        return self.filter(partnership__in=partnership_ids)

    def with_profile(self) -> SchoolQuerySet:
        """The school with its whole support profile: one query for school and profile, one per profile list."""
        return self.select_related("partnership", "profile__verified_by").prefetch_related(
            models.Prefetch("profile__needs", queryset=ProfileNeed.objects.select_related("need")),
            models.Prefetch("profile__expertise", queryset=ProfileExpertise.objects.select_related("staff_role")),
            "profile__facilities",
        )

    def card_rows(self) -> SchoolQuerySet:
        """What a result card shows, as plain rows (no model instances): a list page renders twenty of them.

        The profile's needs come along as one JSON array per school, so the page costs one query, not three.
        """
        tags = (
            ProfileNeed.objects.filter(profile__school=OuterRef("pk"))
            .order_by("need__position", "need__name")
            .values(tag=JSONObject(name="need__name", level="level"))
        )
        return self.annotate(
            card_tags=ArraySubquery(tags), profile_pk=models.F("profile__pk"), profile_demo=models.F("profile__is_demo")
        ).values(*CARD_FIELDS, "card_tags", "profile_pk", "profile_demo")


class School(models.Model):
    """A school location (DUO vestiging), imported from DUO open data; never deleted, closed when it disappears."""

    code = models.CharField(
        _("vestigingscode"), max_length=6, unique=True, help_text=_("DUO: BRIN en vestigingsnummer.")
    )
    institution_code = models.CharField(_("instellingscode (BRIN)"), max_length=4)
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort school"), max_length=6, choices=SchoolKind.choices)
    levels = ArrayField(
        models.CharField(max_length=4, choices=SchoolLevel.choices), default=list, blank=True, verbose_name=_("niveaus")
    )
    structure = models.CharField(
        _("onderwijsstructuur"), max_length=40, blank=True, help_text=_("Zoals DUO het noemt.")
    )
    denomination = models.CharField(_("richting"), max_length=60, blank=True)
    street = models.CharField(_("straat"), max_length=120, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, blank=True, db_index=True)
    place = models.CharField(_("plaats"), max_length=100, blank=True)
    municipality = models.CharField(_("gemeente"), max_length=100, blank=True)
    province = models.CharField(_("provincie"), max_length=40, blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    latitude = models.FloatField(_("breedtegraad"), null=True, blank=True)
    longitude = models.FloatField(_("lengtegraad"), null=True, blank=True)
    pupils = models.PositiveIntegerField(_("aantal leerlingen"), null=True, blank=True)
    pupils_year = models.PositiveSmallIntegerField(_("leerlingen geteld in"), null=True, blank=True)
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name=_("samenwerkingsverband"),
    )
    closed_on = models.DateField(
        _("gesloten sinds"), null=True, blank=True, help_text=_("Niet meer in het nieuwste bestand van DUO.")
    )

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("scholen")
        ordering = ["name", "code"]
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="school_lat_lon"),
            models.Index(fields=["kind"], name="school_kind"),
            GinIndex(OpClass(Upper("name"), name="gin_trgm_ops"), name="school_name_trgm"),
            GinIndex(OpClass(Upper("place"), name="gin_trgm_ops"), name="school_place_trgm"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=SchoolKind.values), name="school_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="school_latitude_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.place})" if self.place else self.name

    def get_absolute_url(self) -> str:
        return reverse("regions:school", kwargs={"code": self.code})

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def address(self) -> str:
        street = f"{self.street} {self.house_number}".strip()
        return ", ".join(part for part in (street, f"{self.postcode} {self.place}".strip()) if part)

    @property
    def website_url(self) -> str:
        """DUO stores 'www.school.nl'; a link needs a scheme."""
        if not self.website:
            return ""
        return self.website if self.website.startswith(("http://", "https://")) else f"https://{self.website}"

    @property
    def phone_uri(self) -> str:
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:{digits}" if digits else ""

    @property
    def kind_short(self) -> str:
        return short_kind(self.kind, self.levels)


class Taxonomy(models.Model):
    """A term of the support-profile taxonomy (DOMAIN.md): kept as data so that it can grow without a release."""

    slug = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Need(Taxonomy):
    """What a child needs (not the label): 'autism', 'reading (dyslexia)', …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("ondersteuningsbehoefte")
        verbose_name_plural = _("ondersteuningsbehoeften")


class Facility(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("voorziening")
        verbose_name_plural = _("voorzieningen")


class StaffRole(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("deskundige")
        verbose_name_plural = _("deskundigen")


class SupportLevel(models.IntegerChoices):
    """Ordered: a school that offers a specialised arrangement for a need also covers the lower levels."""

    BASIC = 1, _("Basisondersteuning")
    EXTRA = 2, _("Extra ondersteuning")
    SPECIALISED = 3, _("Specialistisch arrangement")


class Availability(models.IntegerChoices):
    ON_REQUEST = 1, _("Op afroep")
    WEEKLY = 2, _("Elke week")
    DAILY = 3, _("Elke dag")


class SupportProfileQuerySet(models.QuerySet["SupportProfile"]):
    def coordinated_by(self, user: Any) -> SupportProfileQuerySet:
        return self.filter(school__in=School.objects.coordinated_by(user).values("pk"))


class SupportProfile(models.Model):
    """The searchable schoolondersteuningsprofiel of one school location."""

    STALE_AFTER_DAYS = 365

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="profile", verbose_name=_("school"))
    facilities = models.ManyToManyField(Facility, blank=True, related_name="profiles", verbose_name=_("voorzieningen"))
    arrangements = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        verbose_name=_("arrangementen"),
        help_text=_("Bijvoorbeeld: een klas voor leerlingen met autisme, een plusklas."),
    )
    class_size = models.PositiveSmallIntegerField(
        _("gemiddelde groepsgrootte"), null=True, blank=True, help_text=_("Aantal leerlingen in een gewone groep.")
    )
    explanation = models.TextField(_("toelichting"), blank=True)
    verified_on = models.DateField(_("gecontroleerd op"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )
    is_demo = models.BooleanField(_("demo"), default=False, help_text=_("Voorbeeldgegevens, niet echt."))
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = SupportProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("ondersteuningsprofiel")
        verbose_name_plural = _("ondersteuningsprofielen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(class_size__isnull=True) | models.Q(class_size__range=(1, 60)),
                name="profile_class_size_sensible",
            ),
        ]

    def __str__(self) -> str:
        return str(self.school)

    @property
    def is_stale(self) -> bool:
        """Not verified for more than a year (or never): parents must see that plainly."""
        if self.verified_on is None:
            return True
        return (timezone.localdate() - self.verified_on).days > self.STALE_AFTER_DAYS

    def verify(self, *, by: Any) -> None:
        self.verified_on = timezone.localdate()
        self.verified_by = by


class ProfileNeed(models.Model):
    profile = models.ForeignKey(SupportProfile, on_delete=models.CASCADE, related_name="needs")
    need = models.ForeignKey(Need, on_delete=models.PROTECT, related_name="+", verbose_name=_("behoefte"))
    level = models.PositiveSmallIntegerField(_("niveau"), choices=SupportLevel.choices)

    class Meta:
        verbose_name = _("ondersteuning bij een behoefte")
        verbose_name_plural = _("ondersteuning per behoefte")
        ordering = ["need__position"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "need"], name="profile_need_unique"),
            models.CheckConstraint(condition=models.Q(level__in=SupportLevel.values), name="profile_need_level_valid"),
        ]
        indexes = [models.Index(fields=["need", "level"], name="profile_need_level")]

    def __str__(self) -> str:
        return f"{self.need}: {self.get_level_display()}"


class ProfileExpertise(models.Model):
    profile = models.ForeignKey(SupportProfile, on_delete=models.CASCADE, related_name="expertise")
    staff_role = models.ForeignKey(StaffRole, on_delete=models.PROTECT, related_name="+", verbose_name=_("deskundige"))
    availability = models.PositiveSmallIntegerField(_("beschikbaar"), choices=Availability.choices)

    class Meta:
        verbose_name = _("deskundigheid")
        verbose_name_plural = _("deskundigheid")
        ordering = ["staff_role__position"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "staff_role"], name="profile_expertise_unique"),
            models.CheckConstraint(
                condition=models.Q(availability__in=Availability.values), name="profile_expertise_availability_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.staff_role}: {self.get_availability_display()}"


class ExperienceStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op controle")
    PUBLISHED = "published", _("Gepubliceerd")
    REJECTED = "rejected", _("Niet geplaatst")


class ExperienceQuerySet(models.QuerySet["Experience"]):
    def published(self) -> ExperienceQuerySet:
        return self.filter(status=ExperienceStatus.PUBLISHED)

    def moderated_by(self, user: Any) -> ExperienceQuerySet:
        """Experiences of schools in the region(s) this coordinator moderates."""
        return self.filter(school__in=School.objects.coordinated_by(user).values("pk"))


class Experience(models.Model):
    """A parent's experience with a school. Shown without the author's name, after a coordinator approved it."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="experiences", verbose_name=_("school"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="school_experiences",
        verbose_name=_("geschreven door"),
    )
    needs = models.ManyToManyField(Need, blank=True, related_name="+", verbose_name=_("waar ging het over"))
    went_well = models.TextField(_("wat ging goed"), max_length=2000, blank=True)
    could_be_better = models.TextField(_("wat kan beter"), max_length=2000, blank=True)
    school_year = models.CharField(_("schooljaar"), max_length=9)
    status = models.CharField(
        _("status"), max_length=10, choices=ExperienceStatus.choices, default=ExperienceStatus.PENDING
    )
    flags = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        verbose_name=_("mogelijke persoonsgegevens"),
        help_text=_("Gevonden door de automatische controle; de moderator beslist."),
    )
    rejection_reason = models.TextField(_("reden van afwijzen"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gecontroleerd door"),
    )
    moderated_at = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("geschreven op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = ExperienceQuerySet.as_manager()

    class Meta:
        verbose_name = _("ervaring")
        verbose_name_plural = _("ervaringen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["school", "status"], name="experience_school_status")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(went_well="", could_be_better=""), name="experience_has_content"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected", rejection_reason=""), name="experience_rejection_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school} – {self.school_year}"

    def approve(self, *, by: Any) -> None:
        self.status, self.rejection_reason = ExperienceStatus.PUBLISHED, ""
        self.moderated_by, self.moderated_at = by, timezone.now()

    def reject(self, *, by: Any, reason: str) -> None:
        self.status, self.rejection_reason = ExperienceStatus.REJECTED, reason
        self.moderated_by, self.moderated_at = by, timezone.now()

    def resubmit(self) -> None:
        """An author's edit goes back to the moderator before it is shown again."""
        self.status, self.moderated_by, self.moderated_at = ExperienceStatus.PENDING, None, None


class ExperienceReport(models.Model):
    """Anyone may report a published experience; the region's coordinator looks at it again."""

    experience = models.ForeignKey(Experience, on_delete=models.CASCADE, related_name="reports")
    reason = models.TextField(_("wat is er mis"), max_length=1000)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.experience} – {self.created_at:%Y-%m-%d}"


class OfferKind(models.TextChoices):
    ARRANGEMENT = "arrangement", _("Arrangement")
    REBOUND = "rebound", _("Rebound (tijdelijk ergens anders leren)")
    EDUCATION_CARE = "onderwijs-zorg", _("Onderwijs-zorgplek")
    EXTERNAL = "extern", _("Hulp buiten school")


class SupportOfferQuerySet(models.QuerySet["SupportOffer"]):
    def for_region(self, support_point_ids: list[int]) -> SupportOfferQuerySet:
        """The region's own offers plus the national ones (no support point), which every region shows."""
        return self.filter(models.Q(support_point__in=support_point_ids) | models.Q(support_point__isnull=True))


class SupportOffer(models.Model):
    """What a region offers beyond the schools, or national help (support_point empty) shown in every region."""

    support_point = models.ForeignKey(
        SupportPoint,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("steunpunt"),
        help_text=_("Leeg: landelijk aanbod, zichtbaar in elke regio."),
    )
    title = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=OfferKind.choices)
    summary = models.TextField(_("wat is het"), max_length=2000)
    audience = models.TextField(_("voor wie"), max_length=1000)
    access = models.TextField(_("hoe kom je erin"), max_length=1000)
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    needs = models.ManyToManyField(Need, blank=True, related_name="+", verbose_name=_("helpt bij"))
    is_demo = models.BooleanField(_("demo"), default=False, help_text=_("Voorbeeldgegevens, niet echt."))
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    objects = SupportOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=OfferKind.values), name="offer_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_national(self) -> bool:
        return self.support_point_id is None


class MeetingKind(models.TextChoices):
    PEER = "peer", _("Ouders ontmoeten ouders")
    THEME = "theme", _("Themabijeenkomst")


class Meeting(models.Model):
    """A peer meeting or theme evening of a support point, with a limited number of places."""

    support_point = models.ForeignKey(
        SupportPoint, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("steunpunt")
    )
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=10, choices=MeetingKind.choices)
    description = models.TextField(_("beschrijving"), max_length=4000)
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    location = models.CharField(
        _("plaats"), max_length=300, help_text=_("Adres, of 'Online' met uitleg hoe je meedoet.")
    )
    is_online = models.BooleanField(_("online"), default=False)
    capacity = models.PositiveSmallIntegerField(_("aantal plaatsen"))
    is_demo = models.BooleanField(_("demo"), default=False, help_text=_("Voorbeeldgegevens, niet echt."))

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after"),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="meeting_capacity_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("regions:meeting", kwargs={"pk": self.pk})

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Aangemeld")
    WAITING = "waiting", _("Op de wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


class Registration(models.Model):
    """A sign-up for a meeting. No account needed: the e-mail holds a link with the token to cancel."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"))
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                models.F("meeting"),
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="registration_one_per_email",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.meeting}"


class Feedback(models.Model):
    """'Je zei, wij deden': a parent's feedback on the regional offer and the coordinator's published response."""

    support_point = models.ForeignKey(
        SupportPoint, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("steunpunt")
    )
    message = models.TextField(_("jouw opmerking"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    response = models.TextField(_("wat wij deden"), max_length=2000, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(_("gereageerd op"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("ingestuurd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("je zei, wij deden")
        verbose_name_plural = _("je zei, wij deden")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:60]

    @property
    def is_published(self) -> bool:
        return bool(self.response)

    def respond(self, *, by: Any, response: str) -> None:
        self.response, self.responded_by, self.responded_at = response, by, timezone.now()
