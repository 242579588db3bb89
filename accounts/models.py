from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from regions.models import SupportPoint


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class Role(models.TextChoices):
    PARENT = "parent", _("Ouder")
    BUDDY = "buddy", _("Buddy")
    COORDINATOR = "coordinator", _("Coördinator")
    PROFESSIONAL = "professional", _("Professional")
    SUPERUSER = "superuser", _("Beheerder")


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Everyone is a parent; other roles come from memberships and flags."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    first_name = models.CharField(
        _("voornaam"), max_length=80, blank=True, help_text=_("Alleen je voornaam. Die zien anderen van je.")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    # Only superusers carry is_staff; the admin site lets coordinators in through their memberships instead.
    is_staff = models.BooleanField(_("beheerder"), default=False)
    is_professional = models.BooleanField(
        _("professional (backoffice)"),
        default=False,
        help_text=_("Lid van de landelijke professionele backoffice."),
    )
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.get_short_name()

    def preload_memberships(self, pairs: Iterable[tuple[str, int]]) -> dict[str, set[int]]:
        """Keep (role, support point id) pairs on this object, as `accounts.backends` loads them with the user."""
        cache: dict[str, set[int]] = {}
        for member_role, sp_id in pairs:
            cache.setdefault(member_role, set()).add(sp_id)
        self.__dict__["_membership_cache"] = cache
        return cache

    def has_totp(self) -> bool:
        """Whether an authenticator app is set up; asked once per request object (`accounts.backends` preloads it)."""
        if "_has_totp" not in self.__dict__:
            from allauth.mfa.models import Authenticator

            self.__dict__["_has_totp"] = Authenticator.objects.filter(user=self, type=Authenticator.Type.TOTP).exists()
        return self.__dict__["_has_totp"]

    def support_point_ids(self, role: str) -> set[int]:
        """Ids of the support points where this user holds `role`.

        All memberships load in one query and stay on this (request-sized) user object, so the header's role
        checks and the views' scope checks share it.
        """
        cache: dict[str, set[int]] | None = self.__dict__.get("_membership_cache")
        if cache is None:
            cache = self.preload_memberships(self.memberships.values_list("role", "support_point_id"))
        return cache.get(role, set())

    @property
    def is_coordinator(self) -> bool:
        return bool(self.support_point_ids(Role.COORDINATOR))

    @property
    def is_buddy(self) -> bool:
        return bool(self.support_point_ids(Role.BUDDY))

    @property
    def roles(self) -> set[str]:
        roles = {Role.PARENT.value}
        if self.is_buddy:
            roles.add(Role.BUDDY.value)
        if self.is_coordinator:
            roles.add(Role.COORDINATOR.value)
        if self.is_professional:
            roles.add(Role.PROFESSIONAL.value)
        if self.is_superuser:
            roles.add(Role.SUPERUSER.value)
        return roles

    @property
    def has_staff_role(self) -> bool:
        """Coordinators, professionals and superusers work with other people's data and must use MFA."""
        return self.is_superuser or self.is_professional or self.is_coordinator

    def coordinates(self, support_point: SupportPoint | int) -> bool:
        sp_id = support_point if isinstance(support_point, int) else support_point.pk
        return self.is_superuser or sp_id in self.support_point_ids(Role.COORDINATOR)


class Membership(models.Model):
    """A user's role at one support point: a volunteer buddy or a coordinator."""

    class MembershipRole(models.TextChoices):
        BUDDY = Role.BUDDY.value, Role.BUDDY.label
        COORDINATOR = Role.COORDINATOR.value, Role.COORDINATOR.label

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    support_point = models.ForeignKey(
        "regions.SupportPoint",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("steunpunt"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(_("sinds"), auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "support_point", "role"], name="membership_unique_role"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.support_point}"


class AccessLog(models.Model):
    """Who opened which piece of case data, and when. Written by `accounts.access.log_access`."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    action = models.CharField(_("handeling"), max_length=40, default="view")
    object_type = models.CharField(_("soort"), max_length=80)
    object_id = models.CharField(_("id"), max_length=64)
    path = models.CharField(_("pagina"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("toegangslog")
        verbose_name_plural = _("toegangslog")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.object_type}#{self.object_id}"
