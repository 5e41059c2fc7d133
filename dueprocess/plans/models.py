"""Improvement plans: a real chance to improve, on the record.

The plan is one row whose identity lasts from draft to outcome; what the employee is asked to do
(reason, dates, goals) lives in numbered versions. A published version is locked: a change is a new
version, which the employee acknowledges again. Support actions and check-ins belong to the plan.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.people.models import Employee
from dueprocess.records.models import StoredFile


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACTIVE = "active", _("active")
    PASSED = "passed", _("passed")
    FAILED = "failed", _("failed")


class Outcome(models.TextChoices):
    PASSED = "passed", _("passed")
    EXTENDED = "extended", _("extended")
    FAILED = "failed", _("failed")


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.plans_visible_to(user).values("pk"))

    def active(self) -> PlanQuerySet:
        return self.filter(status=PlanStatus.ACTIVE)


class ImprovementPlan(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="improvement_plans", verbose_name=_("employee")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("improvement plan")
        verbose_name_plural = _("improvement plans")

    def __str__(self) -> str:
        return f"{self.employee} · {self.get_status_display()}"

    @property
    def current(self) -> PlanVersion:
        """The version in force: the latest one (a draft until the plan is published)."""
        return self.versions.order_by("-number").first()  # type: ignore[return-value]

    @property
    def is_closed(self) -> bool:
        return self.status in (PlanStatus.PASSED, PlanStatus.FAILED)

    def ensure_active(self) -> None:
        if self.status != PlanStatus.ACTIVE:
            raise ValidationError(
                _("This plan is not active: it is %(status)s.") % {"status": self.get_status_display()}
            )

    def publish(self) -> None:
        if self.status != PlanStatus.DRAFT:
            raise ValidationError(_("Only a draft plan can be published."))
        self.status = PlanStatus.ACTIVE

    def close(self, outcome: str, on) -> None:
        self.ensure_active()
        if outcome not in (Outcome.PASSED, Outcome.FAILED):
            raise ValidationError({"outcome": _("A plan closes as passed or failed.")})
        self.status, self.closed_on = outcome, on

    def training_or_job_adjustment_done(self) -> bool:
        """PRC LCL art. 40(2): before dismissal for incompetence the employer must have trained the
        employee or adjusted their job, and they must still be incompetent. This is that fact."""
        return self.support_actions.filter(
            kind__in=[SupportKind.TRAINING, SupportKind.JOB_ADJUSTMENT], status=SupportStatus.HAPPENED
        ).exists()


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    SUPERSEDED = "superseded", _("superseded")


class PlanVersion(models.Model):
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    reason = models.TextField(_("reason for the plan"))
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    change_reason = models.TextField(_("what changed and why"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged by the employee at"), null=True, blank=True)
    employee_response = models.TextField(_("the employee's response"), blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_per_number"),
            models.CheckConstraint(condition=Q(ends_on__gt=F("starts_on")), name="plan_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} · v{self.number}"

    @property
    def is_locked(self) -> bool:
        return self.status != VersionStatus.DRAFT

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    def covers(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on


class PlanGoal(models.Model):
    """A measurable goal: what is measured, from where, to where, by when, and how."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="goals")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("goal"), max_length=200)
    metric = models.CharField(_("metric"), max_length=200)
    baseline = models.CharField(_("baseline"), max_length=100)
    target = models.CharField(_("target"), max_length=100)
    due_on = models.DateField(_("due on"))
    measured_by = models.TextField(_("how it is measured"))

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")

    def __str__(self) -> str:
        return self.title


class SupportKind(models.TextChoices):
    TRAINING = "training", _("training")
    COACHING = "coaching", _("coaching")
    MENTORING = "mentoring", _("mentoring")
    JOB_ADJUSTMENT = "job_adjustment", _("job adjustment")


class SupportStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    OFFERED = "offered", _("offered, awaiting the employee")
    HAPPENED = "happened", _("happened")
    DID_NOT_HAPPEN = "did_not_happen", _("did not happen")


class SupportAction(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="support_actions")
    kind = models.CharField(_("kind"), max_length=20, choices=SupportKind.choices)
    description = models.TextField(_("description"))
    provider = models.CharField(_("given by"), max_length=200, blank=True)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    status = models.CharField(
        _("status"), max_length=20, choices=SupportStatus.choices, default=SupportStatus.PLANNED
    )
    outcome_note = models.TextField(_("what happened"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["plan", "starts_on", "pk"]
        verbose_name = _("support action")
        verbose_name_plural = _("support actions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="support_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_on}"

    @property
    def is_settled(self) -> bool:
        return self.status in (SupportStatus.HAPPENED, SupportStatus.DID_NOT_HAPPEN)


class CheckIn(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="check_ins")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="check_ins")
    held_on = models.DateField(_("held on"))
    attendees = models.ManyToManyField(Employee, related_name="+", verbose_name=_("attendees"))
    notes = models.TextField(_("notes"))
    employee_comments = models.TextField(_("the employee's comments"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["plan", "held_on", "pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")

    def __str__(self) -> str:
        return f"{self.plan} · {self.held_on}"


class ScheduleStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")


# What the invitation says will be discussed; it travels in the calendar invitation's description.
AGENDA_MAX_LENGTH = 4000


class ScheduledCheckInQuerySet(models.QuerySet):
    def upcoming(self, on=None) -> ScheduledCheckInQuerySet:
        """Still arranged, on ``on`` (today) or later: the ones whose calendars still hold them."""
        from dueprocess.reviews.actions._common import today

        start = timezone.make_aware(dt.datetime.combine(on or today(), dt.time.min))
        return self.filter(status=ScheduleStatus.SCHEDULED, scheduled_at__gte=start)


class ScheduledCheckIn(models.Model):
    """A check-in arranged ahead, so that everyone gets a calendar invitation and a reminder. What was
    said is recorded afterwards as a ``CheckIn``; the schedule says when, where and, in its agenda,
    what is to be discussed, so that the employee can prepare."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="scheduled_check_ins")
    scheduled_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=60)
    place = models.CharField(_("place"), max_length=200)
    agenda = models.TextField(_("agenda"), blank=True, max_length=AGENDA_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=20, choices=ScheduleStatus.choices, default=ScheduleStatus.SCHEDULED
    )
    cancelled_reason = models.TextField(_("reason for cancelling"), blank=True)
    scheduled_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("arranged at"), default=timezone.now, editable=False)

    objects = ScheduledCheckInQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "scheduled_at", "pk"]
        verbose_name = _("scheduled check-in")
        verbose_name_plural = _("scheduled check-ins")
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gt=0), name="scheduled_check_in_has_length")
        ]

    def __str__(self) -> str:
        return f"{self.plan} · {timezone.localtime(self.scheduled_at):%Y-%m-%d %H:%M}"

    @property
    def day(self):
        return timezone.localdate(self.scheduled_at)

    @property
    def is_cancelled(self) -> bool:
        return self.status == ScheduleStatus.CANCELLED

    def is_recorded(self) -> bool:
        """A check-in of the plan was recorded as held on the day or later: this one took place (perhaps
        moved by a day or two without rescheduling, which is common and harmless)."""
        return self.plan.check_ins.filter(held_on__gte=self.day).exists()


class Progress(models.TextChoices):
    ON_TRACK = "on_track", _("on track")
    BEHIND = "behind", _("behind")
    MET = "met", _("met")
    NOT_MET = "not_met", _("not met")


class GoalProgress(models.Model):
    check_in = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="progress")
    goal = models.ForeignKey(PlanGoal, on_delete=models.PROTECT, related_name="progress")
    status = models.CharField(_("progress"), max_length=20, choices=Progress.choices)
    measured = models.CharField(_("measured value"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["check_in", "goal__position"]
        verbose_name = _("progress on a goal")
        verbose_name_plural = _("progress on goals")
        constraints = [models.UniqueConstraint(fields=["check_in", "goal"], name="one_progress_per_goal")]

    def __str__(self) -> str:
        return f"{self.goal} · {self.get_status_display()}"


class PlanOutcome(models.Model):
    """A decision on the plan at its end: passed, extended (a new version follows) or failed."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="outcomes")
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    decided_on = models.DateField(_("decided on"))
    summary = models.TextField(_("evidence and reasons"))
    decided_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    check_ins = models.ManyToManyField(
        CheckIn, blank=True, related_name="+", verbose_name=_("check-ins relied on")
    )

    class Meta:
        ordering = ["plan", "decided_on", "pk"]
        verbose_name = _("plan outcome")
        verbose_name_plural = _("plan outcomes")

    def __str__(self) -> str:
        return f"{self.plan} · {self.get_outcome_display()}"


class OutcomeEvidence(StoredFile):
    outcome = models.ForeignKey(PlanOutcome, on_delete=models.PROTECT, related_name="evidence")

    class Meta:
        verbose_name = _("outcome evidence")
        verbose_name_plural = _("outcome evidence")
