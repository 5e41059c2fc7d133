"""Learning from a case once it is over: the retrospective, the improvement actions it produces, and
the periodic evaluation of each action (was it done, did it work, on what evidence).

A retrospective covers the four areas the process names. While it is open its findings may be
rewritten (each change is an event in the record); once completed it is locked. Actions live on:
their status moves, and evaluations are added, never changed.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    PERFORMANCE = "performance", _("performance management")
    BEHAVIOUR = "behaviour", _("behaviour norms")
    COMMUNICATION = "communication", _("communication")
    LEGAL = "legal", _("legal procedure")


class RetrospectiveStatus(models.TextChoices):
    OPEN = "open", _("open")
    COMPLETED = "completed", _("completed")


class RetrospectiveQuerySet(models.QuerySet):
    def visible_to(self, user) -> RetrospectiveQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.retrospectives_visible_to(user).values("pk"))


class Retrospective(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(
        "cases.SeparationCase", on_delete=models.PROTECT, related_name="retrospective", verbose_name=_("case")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=RetrospectiveStatus.choices, default=RetrospectiveStatus.OPEN
    )
    opened_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now, editable=False)
    opened_on = models.DateField(_("opened on"))
    summary = models.TextField(_("summary"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    completed_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = RetrospectiveQuerySet.as_manager()

    class Meta:
        ordering = ["-due_on", "pk"]
        verbose_name = _("retrospective")
        verbose_name_plural = _("retrospectives")

    def __str__(self) -> str:
        return f"{self.case.employee} · {self.get_status_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == RetrospectiveStatus.OPEN

    def ensure_open(self) -> None:
        if not self.is_open:
            raise ValidationError(_("This retrospective has been completed and is locked."))

    def areas_missing(self) -> list[str]:
        done = set(self.findings.values_list("area", flat=True))
        return [area for area in Area if area not in done]


class Finding(models.Model):
    """What went well, what went wrong and why (the root cause), in one area of the process."""

    retrospective = models.ForeignKey(Retrospective, on_delete=models.PROTECT, related_name="findings")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    went_well = models.TextField(_("what went well"))
    went_wrong = models.TextField(_("what went wrong"))
    root_cause = models.TextField(_("root cause"))
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["retrospective", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [models.UniqueConstraint(fields=["retrospective", "area"], name="one_finding_per_area")]

    def __str__(self) -> str:
        return self.get_area_display()


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


OPEN_ACTION_STATUSES = [ActionStatus.OPEN, ActionStatus.IN_PROGRESS]


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user) -> ActionQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.improvement_actions_visible_to(user).values("pk"))

    def unfinished(self) -> ActionQuerySet:
        return self.filter(status__in=OPEN_ACTION_STATUSES)


class ImprovementAction(models.Model):
    """A change to a policy or a process, with an owner and a date, that a retrospective decided on."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    retrospective = models.ForeignKey(Retrospective, on_delete=models.PROTECT, related_name="actions")
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    title = models.CharField(_("action"), max_length=200)
    changes = models.CharField(
        _("policy or process it changes"), max_length=200, help_text=_("e.g. the improvement-plan template")
    )
    description = models.TextField(_("details"), blank=True)
    owner = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="improvement_actions", verbose_name=_("owner")
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    status_note = models.TextField(_("note on the status"), blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    evaluate_every_days = models.PositiveSmallIntegerField(_("evaluate every (days)"))
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        constraints = [
            models.CheckConstraint(condition=models.Q(evaluate_every_days__gt=0), name="evaluation_interval")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status not in OPEN_ACTION_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        return not self.is_finished and self.due_on < today

    def next_evaluation_on(self) -> dt.date | None:
        """Evaluated an interval after its due date, then an interval after each evaluation, until an
        evaluation finds it done and working, or the action is dropped."""
        if self.status == ActionStatus.DROPPED:
            return None
        evaluations = list(self.evaluations.all())
        if any(e.was_done and e.effect == Effect.WORKED for e in evaluations):
            return None
        last = max((e.evaluated_on for e in evaluations), default=None)
        return (last or self.due_on) + dt.timedelta(days=self.evaluate_every_days)


class Effect(models.TextChoices):
    WORKED = "worked", _("it worked")
    PARTLY = "partly", _("it partly worked")
    DID_NOT_WORK = "did_not_work", _("it did not work")
    TOO_EARLY = "too_early", _("too early to tell")


class Evaluation(models.Model):
    """One look back at an action: was it done, did it work, and the evidence for saying so."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    action = models.ForeignKey(ImprovementAction, on_delete=models.PROTECT, related_name="evaluations")
    evaluated_on = models.DateField(_("evaluated on"))
    was_done = models.BooleanField(_("the action was done"))
    effect = models.CharField(_("did it work"), max_length=20, choices=Effect.choices)
    evidence = models.TextField(_("evidence"))
    evaluated_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["action", "evaluated_on", "pk"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self) -> str:
        return f"{self.evaluated_on} · {self.get_effect_display()}"
