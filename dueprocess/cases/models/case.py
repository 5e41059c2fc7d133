"""The case row, its stages and the moves between them, and the evidence it rests on."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.people.models import Employee


class Stage(models.TextChoices):
    DRAFT = "draft", _("draft")
    GATHERING_EVIDENCE = "gathering_evidence", _("gathering evidence")
    HEARING = "hearing", _("hearing")
    DECISION_PENDING = "decision_pending", _("decision pending")
    APPROVED = "approved", _("approved")
    NOTICE_SERVED = "notice_served", _("notice served")
    EMPLOYMENT_ENDED = "employment_ended", _("employment ended")
    OFFBOARDING = "offboarding", _("offboarding")
    CLOSED = "closed", _("closed")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Each stage and the stages a case may move to from it. A case moves forward one step at a time;
# the only ways back are a hearing to re-run (decision pending -> hearing, e.g. after new evidence)
# and a rejected approval (approved is never reached, the case stays pending). Withdrawal is
# possible until notice is served: after that, the employment ends by the notice or by agreement.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Stage.DRAFT: (Stage.GATHERING_EVIDENCE, Stage.WITHDRAWN),
    Stage.GATHERING_EVIDENCE: (Stage.HEARING, Stage.DECISION_PENDING, Stage.WITHDRAWN),
    Stage.HEARING: (Stage.DECISION_PENDING, Stage.WITHDRAWN),
    Stage.DECISION_PENDING: (Stage.APPROVED, Stage.HEARING, Stage.WITHDRAWN),
    Stage.APPROVED: (Stage.NOTICE_SERVED, Stage.WITHDRAWN),
    Stage.NOTICE_SERVED: (Stage.EMPLOYMENT_ENDED,),
    Stage.EMPLOYMENT_ENDED: (Stage.OFFBOARDING,),
    Stage.OFFBOARDING: (Stage.CLOSED,),
    Stage.CLOSED: (),
    Stage.WITHDRAWN: (),
}
OPEN_STAGES = [s for s in Stage if s not in (Stage.CLOSED, Stage.WITHDRAWN)]
# Until the decision is taken the case is still being built: evidence may be linked, facts changed.
BEFORE_DECISION = [Stage.DRAFT, Stage.GATHERING_EVIDENCE, Stage.HEARING, Stage.DECISION_PENDING]


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user) -> CaseQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.cases_visible_to(user).values("pk"))

    def open(self) -> CaseQuerySet:
        return self.filter(stage__in=OPEN_STAGES)


class SeparationCase(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="separation_cases", verbose_name=_("employee")
    )
    layoff = models.ForeignKey(
        "cases.Layoff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("layoff"),
    )
    # Copied from the employee's place of work when the case opens: the law of that day and place
    # governs the case even if the employee is later moved.
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8)
    locality = models.CharField(_("locality"), max_length=40, blank=True)
    ground = models.CharField(_("ground"), max_length=60)
    stage = models.CharField(_("stage"), max_length=30, choices=Stage.choices, default=Stage.DRAFT)
    summary = models.TextField(_("summary"), help_text=_("Why the case was opened, in a few sentences."))
    opened_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(_("opened at"), default=timezone.now, editable=False)
    opened_on = models.DateField(_("opened on"))
    # The termination as planned, then as served: notice day, last day, pay in lieu (PRC IR 20).
    notice_given_on = models.DateField(_("notice given on"), null=True, blank=True)
    last_day = models.DateField(_("last day of employment"), null=True, blank=True)
    pay_in_lieu = models.BooleanField(_("pay in lieu of notice"), default=False)
    # PRC LCL 46(5): a fixed-term contract ends with severance unless renewal on the same or better
    # terms was offered and refused.
    renewal_offered = models.BooleanField(
        _("renewal offered on the same or better terms"), null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    notice_served_on = models.DateField(_("notice served on"), null=True, blank=True)
    ended_on = models.DateField(_("employment ended on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("separation case")
        verbose_name_plural = _("separation cases")
        constraints = [
            models.UniqueConstraint(
                fields=["employee"],
                condition=~Q(stage__in=["closed", "withdrawn"]),
                name="one_open_case_per_employee",
            ),
            models.CheckConstraint(
                condition=Q(last_day__isnull=True)
                | Q(notice_given_on__isnull=True)
                | Q(last_day__gte=models.F("notice_given_on")),
                name="case_last_day_not_before_notice",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} · {self.get_stage_display()}"

    @property
    def chain_key(self) -> str:
        return f"case:{self.public_id}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def is_before_decision(self) -> bool:
        return self.stage in BEFORE_DECISION

    def can_move_to(self, stage: str) -> bool:
        return stage in TRANSITIONS[self.stage]

    def move_to(self, stage: str) -> None:
        if not self.can_move_to(stage):
            raise ValidationError(
                _("A case at the stage “%(now)s” cannot move to “%(next)s”.")
                % {"now": self.get_stage_display(), "next": Stage(stage).label}
            )
        self.stage = stage

    def ground_label(self, lang: str = "en") -> str:
        from dueprocess.law import jurisdiction_for

        name, article = jurisdiction_for(self.jurisdiction).grounds[self.ground]
        return f"{name(lang)} ({article})"

    @property
    def ground_article(self) -> str:
        from dueprocess.law import jurisdiction_for

        return jurisdiction_for(self.jurisdiction).grounds[self.ground][1]

    @property
    def latest_assessment(self):
        return self.assessments.order_by("-number").first()


class CaseEvidence(models.Model):
    """A review, incident, investigation, warning or plan the case rests on. Exactly one is set, so
    the timeline can join each kind directly."""

    case = models.ForeignKey(SeparationCase, on_delete=models.PROTECT, related_name="evidence")
    review = models.ForeignKey("reviews.Review", on_delete=models.PROTECT, null=True, blank=True)
    incident = models.ForeignKey("reviews.Incident", on_delete=models.PROTECT, null=True, blank=True)
    investigation = models.ForeignKey(
        "reviews.Investigation", on_delete=models.PROTECT, null=True, blank=True
    )
    warning = models.ForeignKey("reviews.Warning", on_delete=models.PROTECT, null=True, blank=True)
    plan = models.ForeignKey("plans.ImprovementPlan", on_delete=models.PROTECT, null=True, blank=True)
    note = models.TextField(_("why it matters"), blank=True)
    linked_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now, editable=False)

    KINDS = ("review", "incident", "investigation", "warning", "plan")

    class Meta:
        ordering = ["linked_at", "pk"]
        verbose_name = _("case evidence")
        verbose_name_plural = _("case evidence")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(review__isnull=False, incident=None, investigation=None, warning=None, plan=None)
                    | Q(review=None, incident__isnull=False, investigation=None, warning=None, plan=None)
                    | Q(review=None, incident=None, investigation__isnull=False, warning=None, plan=None)
                    | Q(review=None, incident=None, investigation=None, warning__isnull=False, plan=None)
                    | Q(review=None, incident=None, investigation=None, warning=None, plan__isnull=False)
                ),
                name="case_evidence_links_exactly_one",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.target}"

    @property
    def kind(self) -> str:
        return next(k for k in self.KINDS if getattr(self, f"{k}_id"))

    @property
    def kind_label(self) -> str:
        return str(self._meta.get_field(self.kind).related_model._meta.verbose_name)

    @property
    def target(self) -> models.Model:
        return getattr(self, self.kind)
