"""Conduct: incident reports, investigations with interviews, warnings, and the employee's own
written explanation, which is part of every investigation and every warning (the right to be heard
before a finding or a sanction is made)."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.people.models import Employee
from dueprocess.records.models import StoredFile


class ConductQuerySet(models.QuerySet):
    def visible_to(self, user) -> ConductQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.conduct_visible_to(user, self.model).values("pk"))


class Incident(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("employee concerned")
    )
    occurred_on = models.DateField(_("date of the incident"))
    reported_on = models.DateField(_("date reported"))
    summary = models.CharField(_("summary"), max_length=200)
    description = models.TextField(_("what happened"))
    reported_by = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="incidents_reported",
        verbose_name=_("reported by"),
    )  # fmt: skip
    reporter_other = models.CharField(
        _("reported by (someone outside the organisation)"), max_length=200, blank=True,
        help_text=_("e.g. a customer"),
    )  # fmt: skip
    witnesses = models.ManyToManyField(
        Employee, blank=True, related_name="incidents_witnessed", verbose_name=_("witnesses")
    )
    witnesses_other = models.TextField(_("other witnesses"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    objects = ConductQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(
                condition=Q(reported_on__gte=F("occurred_on")), name="incident_reported_after_it_happened"
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.summary}"

    def clean(self) -> None:
        if self.occurred_on and self.reported_on and self.reported_on < self.occurred_on:
            raise ValidationError({"reported_on": _("An incident cannot be reported before it happened.")})
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError({"occurred_on": _("The date of the incident cannot be in the future.")})


class IncidentEvidence(StoredFile):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="evidence")
    added_at = models.DateTimeField(_("added at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["incident", "added_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")


class InvestigationStatus(models.TextChoices):
    OPEN = "open", _("open")
    CONCLUDED = "concluded", _("concluded")


class Conclusion(models.TextChoices):
    SUBSTANTIATED = "substantiated", _("substantiated")
    NOT_SUBSTANTIATED = "not_substantiated", _("not substantiated")


class Investigation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    incident = models.OneToOneField(
        Incident, on_delete=models.PROTECT, related_name="investigation", verbose_name=_("incident")
    )
    investigator = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("investigator")
    )
    opened_on = models.DateField(_("opened on"))
    status = models.CharField(
        _("status"), max_length=20, choices=InvestigationStatus.choices, default=InvestigationStatus.OPEN
    )
    findings = models.TextField(_("findings"), blank=True)
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion.choices, blank=True)
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)

    objects = ConductQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on"]
        verbose_name = _("investigation")
        verbose_name_plural = _("investigations")

    def __str__(self) -> str:
        return f"{self.incident} · {self.get_status_display()}"

    @property
    def employee(self) -> Employee:
        return self.incident.employee

    def ensure_open(self) -> None:
        if self.status != InvestigationStatus.OPEN:
            raise ValidationError(_("This investigation has been concluded and is locked."))

    def conclude(self, *, conclusion: str, findings: str, on) -> None:
        self.ensure_open()
        self.status, self.conclusion, self.findings, self.concluded_on = (
            InvestigationStatus.CONCLUDED, conclusion, findings, on,
        )  # fmt: skip


class Interview(models.Model):
    investigation = models.ForeignKey(
        Investigation, on_delete=models.PROTECT, related_name="interviews", verbose_name=_("investigation")
    )
    held_on = models.DateField(_("held on"))
    interviewee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("interviewee"),
    )  # fmt: skip
    interviewee_other = models.CharField(_("interviewee (someone outside)"), max_length=200, blank=True)
    interviewers = models.CharField(_("interviewed by"), max_length=200)
    notes = models.TextField(_("notes"))

    class Meta:
        ordering = ["investigation", "held_on", "pk"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self) -> str:
        return f"{self.held_on} {self.interviewee or self.interviewee_other}"


class WarningLevel(models.TextChoices):
    VERBAL = "verbal", _("verbal warning")
    WRITTEN = "written", _("written warning")
    FINAL = "final", _("final written warning")


class Warning(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="warnings", verbose_name=_("employee")
    )
    level = models.CharField(_("level"), max_length=20, choices=WarningLevel.choices)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))
    reason = models.TextField(_("reason"))
    expectations = models.TextField(_("what is expected from now on"), blank=True)
    investigation = models.ForeignKey(
        Investigation, on_delete=models.PROTECT, null=True, blank=True, related_name="warnings",
        verbose_name=_("investigation"),
    )  # fmt: skip
    issued_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    objects = ConductQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("warning")
        verbose_name_plural = _("warnings")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("issued_on")), name="warning_expires_after_issue"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} {self.issued_on}"

    def is_live(self, on) -> bool:
        return self.issued_on <= on < self.expires_on


class Explanation(models.Model):
    """The employee's own written account, in an investigation or in answer to a warning."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    investigation = models.ForeignKey(
        Investigation, on_delete=models.PROTECT, null=True, blank=True, related_name="explanations"
    )
    warning = models.ForeignKey(
        Warning, on_delete=models.PROTECT, null=True, blank=True, related_name="explanations"
    )
    text = models.TextField(_("explanation"), blank=True)
    declined = models.BooleanField(
        _("the employee declined to give one"), default=False,
        help_text=_("The employee was asked for an explanation and chose not to give one."),
    )  # fmt: skip
    written_on = models.DateField(_("written on"))
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["recorded_at", "pk"]
        verbose_name = _("employee's explanation")
        verbose_name_plural = _("employee's explanations")
        constraints = [
            models.CheckConstraint(
                condition=Q(investigation__isnull=True, warning__isnull=False)
                | Q(investigation__isnull=False, warning__isnull=True),
                name="explanation_for_one_thing",
            )
        ]

    def __str__(self) -> str:
        return f"{self.written_on} {self.text[:40]}"
