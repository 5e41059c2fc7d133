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
