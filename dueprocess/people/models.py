"""The organisation's people: who works where, under which contract, for what pay, and when the law
protects them from dismissal."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Jurisdiction(models.TextChoices):
    CN = "CN", _("China (PRC)")
    GB = "GB", _("United Kingdom")
    US_CA = "US-CA", _("United States – California")


class Location(models.Model):
    """A place of work. Its jurisdiction decides which law applies and its locality which city
    figures (PRC Implementing Regulations art. 14: the place of performance)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8, choices=Jurisdiction.choices)
    locality = models.SlugField(
        _("locality"), max_length=40, blank=True, help_text=_("City whose figures apply, e.g. shanghai.")
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Asia/Shanghai")

    class Meta:
        ordering = ["code"]
        verbose_name = _("work location")
        verbose_name_plural = _("work locations")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A unit of the organisation; departments form a tree."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        node = self.parent
        while node is not None:
            if node.pk == self.pk:
                raise ValidationError({"parent": _("A department cannot sit below itself.")})
            node = node.parent


class EmployeeQuerySet(models.QuerySet):
    def active(self) -> EmployeeQuerySet:
        return self.filter(left_on__isnull=True)


class Sex(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    UNDISCLOSED = "", _("not recorded")


class Employee(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("employee number"), max_length=32, unique=True)
    legal_name = models.CharField(_("legal name"), max_length=120)
    other_name = models.CharField(
        _("name in the other script"), max_length=120, blank=True, help_text=_("e.g. 张伟 / Zhang Wei")
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="employees", verbose_name=_("department")
    )
    position = models.CharField(_("position"), max_length=120, blank=True)
    manager = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("manager"),
    )
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="employees", verbose_name=_("work location")
    )
    hire_date = models.DateField(_("start of continuous employment"))
    left_on = models.DateField(_("last day of employment"), null=True, blank=True)

    objects = EmployeeQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=F("hire_date")),
                name="employee_leaves_after_hire",
            ),
            models.CheckConstraint(condition=~Q(manager=F("id")), name="employee_not_own_manager"),
        ]

    def __str__(self) -> str:
        return f"{self.legal_name} ({self.number})"

    @property
    def display_name(self) -> str:
        return f"{self.legal_name} / {self.other_name}" if self.other_name else self.legal_name

    @property
    def jurisdiction(self) -> str:
        return self.location.jurisdiction

    def clean(self) -> None:
        if self.birth_date and self.hire_date and self.hire_date <= self.birth_date:
            raise ValidationError(
                {"hire_date": _("The start of employment must come after the date of birth.")}
            )
        if self.left_on and self.hire_date and self.left_on < self.hire_date:
            raise ValidationError({"left_on": _("The last day cannot come before the start of employment.")})
        node = self.manager
        seen = set()
        while node is not None and node.pk not in seen:
            if node.pk == self.pk:
                raise ValidationError({"manager": _("This manager would create a reporting cycle.")})
            seen.add(node.pk)
            node = node.manager

    def current_contract(self, on: dt.date | None = None) -> Contract | None:
        contracts = self.contracts.order_by("-starts_on")
        if on is not None:
            contracts = contracts.filter(starts_on__lte=on)
        return contracts.first()

    def reporting_chain(self) -> list[Employee]:
        """Managers above this employee, nearest first (a reporting line of any depth)."""
        chain, seen, node = [], {self.pk}, self.manager
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.manager
        return chain


class ContractType(models.TextChoices):
    OPEN_ENDED = "open_ended", _("open-ended")
    FIXED_TERM = "fixed_term", _("fixed-term")
    PROJECT_BASED = "project_based", _("project-based")
    PART_TIME = "part_time", _("part-time")


class Contract(models.Model):
    """One employment contract; a renewal is a new contract that points at the one it renews."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="contracts", verbose_name=_("employee")
    )
    type = models.CharField(_("contract type"), max_length=20, choices=ContractType.choices)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    probation_ends_on = models.DateField(_("end of probation"), null=True, blank=True)
    renews = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewed_by",
        verbose_name=_("renews"),
    )

    class Meta:
        ordering = ["employee", "starts_on"]
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [
            models.UniqueConstraint(fields=["employee", "starts_on"], name="one_contract_per_start"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="contract_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.number} {self.get_type_display()} {self.starts_on}"

    @property
    def law_type(self) -> str:
        """The contract type in the law engine's vocabulary (LCL 12: three kinds)."""
        return {"project_based": "task_based", "part_time": "open_ended"}.get(self.type, self.type)

    def clean(self) -> None:
        if self.type == ContractType.FIXED_TERM and not self.ends_on:
            raise ValidationError({"ends_on": _("A fixed-term contract needs an end date.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot come before the start.")})
        if self.probation_ends_on and self.starts_on and self.probation_ends_on < self.starts_on:
            raise ValidationError(
                {"probation_ends_on": _("Probation cannot end before the contract starts.")}
            )


class WageRecord(models.Model):
    """One month's gross wage and the parts the law counts (IR 27: 应得工资 — wages, bonuses,
    allowances and subsidies all count towards the 12-month average)."""

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="wages", verbose_name=_("employee")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    base = models.DecimalField(_("base wage"), validators=NON_NEGATIVE, **MONEY)
    bonus = models.DecimalField(_("bonus"), default=Decimal("0"), validators=NON_NEGATIVE, **MONEY)
    allowances = models.DecimalField(_("allowances"), default=Decimal("0"), validators=NON_NEGATIVE, **MONEY)
    other = models.DecimalField(
        _("other cash income"), default=Decimal("0"), validators=NON_NEGATIVE, **MONEY
    )
    gross = models.GeneratedField(
        expression=F("base") + F("bonus") + F("allowances") + F("other"),
        output_field=models.DecimalField(**MONEY),
        db_persist=True,
        verbose_name=_("gross"),
    )

    class Meta:
        ordering = ["employee", "month"]
        verbose_name = _("wage record")
        verbose_name_plural = _("wage records")
        constraints = [
            models.UniqueConstraint(fields=["employee", "month"], name="one_wage_record_per_month"),
            models.CheckConstraint(
                condition=Q(base__gte=0) & Q(bonus__gte=0) & Q(allowances__gte=0) & Q(other__gte=0),
                name="wage_parts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.number} {self.month:%Y-%m}"

    def clean(self) -> None:
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("Use the first day of the month.")})


class ProtectedKind(models.TextChoices):
    """Situations in which PRC LCL art. 42 (and its equivalents elsewhere) bar a no-fault dismissal."""

    PREGNANCY = "pregnancy", _("pregnancy")
    MATERNITY_LEAVE = "maternity_leave", _("maternity leave")
    NURSING = "nursing", _("nursing period")
    MEDICAL_TREATMENT = "medical_treatment", _("medical treatment period")
    WORK_INJURY = "work_injury", _("work injury")
    OCCUPATIONAL_DISEASE = "occupational_disease_assessment", _("occupational-disease assessment")
    OTHER = "other", _("other protected situation")


class ProtectedPeriod(models.Model):
    """A period in which the employee is protected. Sensitive personal information (PIPL art. 28):
    shown only to the roles that need it, and every read is logged."""

    sensitive = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="protected_periods", verbose_name=_("employee")
    )
    kind = models.CharField(_("kind"), max_length=40, choices=ProtectedKind.choices)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"), null=True, blank=True, help_text=_("Leave empty while it lasts."))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["employee", "starts_on"]
        verbose_name = _("protected period")
        verbose_name_plural = _("protected periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="protection_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee.number} {self.get_kind_display()}"

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot come before the start.")})
