"""Users and the roles they act in. What a role may do is decided in policy.py, nowhere else."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HR_ADMIN = "hr_admin", _("HR administrator")
    HR_PARTNER = "hr_partner", _("HR business partner")
    MANAGER = "manager", _("line manager")
    LEGAL = "legal", _("legal counsel")
    EMPLOYEE = "employee", _("employee")
    AUDITOR = "auditor", _("auditor")


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    employee = models.OneToOneField(
        "people.Employee",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        verbose_name=_("employee record"),
        help_text=_("The person this account belongs to; a manager's reporting line starts here."),
    )
    departments = models.ManyToManyField(
        "people.Department",
        blank=True,
        related_name="hr_partners",
        verbose_name=_("departments looked after"),
        help_text=_("For HR business partners: the departments (and those below them) in their scope."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=[("zh-hans", "简体中文"), ("en", "English")], default="zh-hans"
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class LoginFailure(models.Model):
    """One failed login or two-factor code, kept only as long as throttling needs it.

    In the database rather than a process's memory, so that every application server sees the same
    count (DESIGN §7). The key names what is throttled: ``username:<name>``, ``address:<ip>`` or
    ``code:<user id>``. Not part of the record: rows are pruned once they are a day old.
    """

    key = models.CharField(max_length=200)
    failed_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "failed_at"], name="accounts_failure_key_at")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.failed_at:%Y-%m-%d %H:%M:%S}"


class TwoFactorDevice(models.Model):
    """A user's TOTP authenticator (RFC 6238): the shared secret and the last time step used.

    ``last_step`` refuses a code that was already accepted, so a code seen over a shoulder cannot be
    replayed within its 30 seconds. ``enrolled_by_demo`` marks the demo's published secrets: only
    those may be shown by ``show_totp``.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.CharField(_("secret"), max_length=64)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_step = models.BigIntegerField(null=True, blank=True)
    enrolled_by_demo = models.BooleanField(_("enrolled by the demo"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None
