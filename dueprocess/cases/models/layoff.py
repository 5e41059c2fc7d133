"""A layoff: one decision about many employees on one ground (PRC LCL 41, UK redundancy, WARN /
Cal-WARN). Each employee in it has a separation case of their own; the layoff holds the facts of the
whole cut, which decide the thresholds and the collective steps."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LayoffStage(models.TextChoices):
    DRAFT = "draft", _("draft")
    CONSULTING = "consulting", _("consulting")
    APPROVED = "approved", _("approved")
    NOTICES_SERVED = "notices_served", _("notices served")
    WITHDRAWN = "withdrawn", _("withdrawn")


class LayoffQuerySet(models.QuerySet):
    def visible_to(self, user) -> LayoffQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.layoffs_visible_to(user).values("pk"))


class Layoff(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    reason = models.TextField(_("reason"))
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8)
    locality = models.CharField(_("locality"), max_length=40, blank=True)
    establishment = models.CharField(_("establishment"), max_length=200, blank=True)
    stage = models.CharField(
        _("stage"), max_length=20, choices=LayoffStage.choices, default=LayoffStage.DRAFT
    )
    headcount = models.PositiveIntegerField(
        _("headcount"), help_text=_("CN: all employees of the enterprise; GB, US-CA: at the establishment.")
    )
    employer_headcount = models.PositiveIntegerField(
        _("employer's full-time headcount"), null=True, blank=True, help_text=_("US: federal WARN (100+).")
    )
    others_in_period = models.PositiveIntegerField(_("others dismissed in the counting period"), default=0)
    closing = models.BooleanField(_("plant closing"), default=False)
    last_day = models.DateField(_("planned last day"))
    notice_given_on = models.DateField(_("individual notices given on"), null=True, blank=True)
    pay_in_lieu = models.BooleanField(_("notice paid in lieu"), default=False)
    staff_explained_on = models.DateField(
        _("explained to the union or all staff on"), null=True, blank=True, help_text=_("PRC LCL 41")
    )
    labour_bureau_reported_on = models.DateField(
        _("reported to the labour administration on"), null=True, blank=True, help_text=_("PRC LCL 41")
    )
    consultation_started_on = models.DateField(
        _("collective consultation started on"), null=True, blank=True, help_text=_("UK TULRCA s.188")
    )
    hr1_sent_on = models.DateField(_("HR1 sent on"), null=True, blank=True, help_text=_("UK TULRCA s.193"))
    warn_notice_on = models.DateField(
        _("WARN notice given on"), null=True, blank=True, help_text=_("US WARN / Cal-WARN")
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = LayoffQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("layoff")
        verbose_name_plural = _("layoffs")
        constraints = [
            models.CheckConstraint(
                condition=Q(notice_given_on__isnull=True) | Q(last_day__gte=models.F("notice_given_on")),
                name="layoff_last_day_not_before_notice",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def chain_key(self) -> str:
        return f"case:{self.public_id}"

    @property
    def latest_assessment(self):
        return self.assessments.order_by("-number").first()


class LayoffAssessment(models.Model):
    """The batch assessment a layoff acted on, in both languages."""

    layoff = models.ForeignKey(Layoff, on_delete=models.PROTECT, related_name="assessments")
    number = models.PositiveIntegerField(_("number"))
    facts = models.JSONField(_("facts"))
    result = models.JSONField(_("assessment"))
    result_zh = models.JSONField(_("assessment (Chinese)"))
    lawful = models.BooleanField(_("lawful"))
    assessed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(_("assessed at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["number"]
        verbose_name = _("layoff assessment")
        verbose_name_plural = _("layoff assessments")
        constraints = [
            models.UniqueConstraint(fields=["layoff", "number"], name="assessment_number_per_layoff")
        ]

    def __str__(self) -> str:
        return f"{self.layoff} #{self.number}"

    def in_language(self, lang: str) -> dict:
        return self.result_zh if lang.lower().startswith("zh") else self.result
