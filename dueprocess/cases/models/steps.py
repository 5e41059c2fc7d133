"""The steps of a case that carry facts of their own: the hearing and the employee's answer, the
appeal, the union notice, the assessments acted on, the overrides of a blocker, and the approvals."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.cases.models.case import SeparationCase
from dueprocess.records.models import StoredFile


class HearingKind(models.TextChoices):
    HEARING = "hearing", _("hearing")
    APPEAL = "appeal", _("appeal hearing")


class HearingStatus(models.TextChoices):
    INVITED = "invited", _("invited")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class Hearing(models.Model):
    """A meeting at which the employee hears the case against them and answers it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="hearings")
    kind = models.CharField(
        _("kind"), max_length=20, choices=HearingKind.choices, default=HearingKind.HEARING
    )
    status = models.CharField(
        _("status"), max_length=20, choices=HearingStatus.choices, default=HearingStatus.INVITED
    )
    scheduled_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=200)
    attendees = models.TextField(_("who attends"))
    # GB: the statutory right to be accompanied (Employment Relations Act 1999 s.10); elsewhere
    # the employer may offer it.
    companion_allowed = models.BooleanField(_("the employee may bring a companion"), default=False)
    agenda = models.TextField(_("what will be discussed"), blank=True)
    invited_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(_("invited at"), default=timezone.now, editable=False)
    invited_on = models.DateField(_("invited on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    employee_attended = models.BooleanField(_("the employee attended"), null=True, blank=True)
    companion = models.CharField(_("companion"), max_length=200, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    response_due_on = models.DateField(_("written response due by"), null=True, blank=True)
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)

    class Meta:
        ordering = ["scheduled_at", "pk"]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.scheduled_at:%Y-%m-%d %H:%M}"

    @property
    def is_held(self) -> bool:
        return self.status == HearingStatus.HELD

    def window_open(self, on) -> bool:
        return self.is_held and self.response_due_on is not None and on <= self.response_due_on


class EmployeeStatement(models.Model):
    """The employee's written answer to the case, with their evidence. Written by the employee in
    the portal, or entered by HR from a paper original (``on_behalf``)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="statements")
    hearing = models.ForeignKey(
        Hearing, on_delete=models.PROTECT, null=True, blank=True, related_name="statements"
    )
    text = models.TextField(_("statement"))
    submitted_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
    on_behalf = models.BooleanField(_("entered on the employee's behalf"), default=False)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("employee's statement")
        verbose_name_plural = _("employee's statements")

    def __str__(self) -> str:
        return f"{self.case.employee} · {self.submitted_at:%Y-%m-%d}"


class StatementEvidence(StoredFile):
    statement = models.ForeignKey(EmployeeStatement, on_delete=models.PROTECT, related_name="evidence")

    class Meta:
        verbose_name = _("statement evidence")
        verbose_name_plural = _("statement evidence")


class AppealOutcome(models.TextChoices):
    PENDING = "pending", _("pending")
    UPHELD = "upheld", _("decision upheld")
    OVERTURNED = "overturned", _("decision overturned")


class Appeal(models.Model):
    """The employee's appeal against the decision (GB: the ACAS Code expects one to be offered)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="appeals")
    lodged_on = models.DateField(_("lodged on"))
    grounds = models.TextField(_("grounds of appeal"))
    hearing = models.OneToOneField(
        Hearing, on_delete=models.PROTECT, null=True, blank=True, related_name="appeal"
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=AppealOutcome.choices, default=AppealOutcome.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision = models.TextField(_("reasons for the outcome"), blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["lodged_on", "pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("lodged_on")),
                name="appeal_decided_after_lodged",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.employee} · {self.get_outcome_display()}"


class UnionNotice(models.Model):
    """PRC LCL 43: the union is told the reasons before a unilateral termination, may object, and
    the employer must consider the objection and answer it in writing. LCL 41 layoffs: the plan is
    explained to the union or all staff. One row per notice, for a case or for a layoff."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(
        SeparationCase, on_delete=models.PROTECT, null=True, blank=True, related_name="union_notices"
    )
    layoff = models.ForeignKey(
        "cases.Layoff", on_delete=models.PROTECT, null=True, blank=True, related_name="union_notices"
    )
    union = models.CharField(_("union"), max_length=200)
    notified_on = models.DateField(_("notified on"))
    content = models.TextField(_("what the union was told"))
    reply = models.TextField(_("the union's reply"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    union_objects = models.BooleanField(_("the union objects"), null=True, blank=True)
    answer = models.TextField(_("the employer's answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["notified_on", "pk"]
        verbose_name = _("union notice")
        verbose_name_plural = _("union notices")
        constraints = [
            models.CheckConstraint(
                condition=Q(case__isnull=False, layoff=None) | Q(case=None, layoff__isnull=False),
                name="union_notice_for_case_or_layoff",
            ),
            models.CheckConstraint(
                condition=Q(replied_on__isnull=True) | Q(replied_on__gte=F("notified_on")),
                name="union_reply_after_notice",
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=F("replied_on")),
                name="union_answer_after_reply",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.union} · {self.notified_on}"

    @property
    def awaits_answer(self) -> bool:
        """An objection the employer has not yet answered (LCL 43: it must study it and reply)."""
        return bool(self.union_objects) and not self.answered_on


class CaseAssessment(models.Model):
    """An assessment the case acted on: the facts as built from the database and the engine's
    answer in both languages, kept so that a later change of rules or data never rewrites what a
    decision was based on."""

    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="assessments")
    number = models.PositiveIntegerField(_("number"))
    purpose = models.CharField(_("asked for"), max_length=40)
    facts = models.JSONField(_("facts"))
    result = models.JSONField(_("assessment"))
    result_zh = models.JSONField(_("assessment (Chinese)"))
    # Law findings and the case's own procedural findings, after overrides.
    lawful = models.BooleanField(_("lawful"))
    assessed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("case assessment")
        verbose_name_plural = _("case assessments")
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="assessment_number_per_case")]

    def __str__(self) -> str:
        return f"#{self.number} {self.purpose}"

    def in_language(self, lang: str) -> dict:
        return self.result_zh if lang.lower().startswith("zh") else self.result


class Override(models.Model):
    """Legal counsel's decision to proceed despite one finding, with the written reason."""

    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="overrides")
    code = models.CharField(_("finding"), max_length=60)
    article = models.CharField(_("article"), max_length=60)
    justification = models.TextField(_("justification"))
    assessment = models.ForeignKey(CaseAssessment, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("override")
        verbose_name_plural = _("overrides")
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="one_override_per_finding")]

    def __str__(self) -> str:
        return f"{self.article} · {self.by}"


class ApprovalCapacity(models.TextChoices):
    HR = "hr", _("HR")
    LEGAL = "legal", _("legal")


class ApprovalDecision(models.TextChoices):
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class Approval(models.Model):
    """One approver's decision, with the assessment it was based on."""

    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="approvals")
    capacity = models.CharField(_("approves as"), max_length=20, choices=ApprovalCapacity.choices)
    decision = models.CharField(_("decision"), max_length=20, choices=ApprovalDecision.choices)
    note = models.TextField(_("note"), blank=True)
    assessment = models.ForeignKey(CaseAssessment, on_delete=models.PROTECT, related_name="+")
    approver = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), default=timezone.now, editable=False)
    # A rejection sends the case back; the approvals given before it no longer count.
    round = models.PositiveIntegerField(_("round"), default=1)

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            models.UniqueConstraint(fields=["case", "round", "capacity"], name="one_approval_per_capacity")
        ]

    def __str__(self) -> str:
        return f"{self.get_capacity_display()} · {self.get_decision_display()}"
