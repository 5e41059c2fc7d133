"""A claim the employee brings after the dismissal: where, when, whether in time, its hearings and
how it ended. It belongs to the case, whose record and evidence bundle answer it."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.offboarding.limitation import Forum


class DisputeOutcome(models.TextChoices):
    WON = "won", _("won: the claim was dismissed")
    LOST = "lost", _("lost: the claim was upheld")
    SETTLED = "settled", _("settled")
    WITHDRAWN = "withdrawn", _("withdrawn by the claimant")


class Dispute(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.SeparationCase", on_delete=models.PROTECT, related_name="disputes")
    forum = models.CharField(_("forum"), max_length=20, choices=Forum.choices)
    filed_on = models.DateField(_("filed on"))
    reference = models.CharField(_("forum's reference"), max_length=100, blank=True)
    claims = models.TextField(_("what is claimed"))
    # The limitation as computed when the claim was recorded: the data, its source, and the result.
    counted_from = models.DateField(_("limitation counted from"))
    acas_day_a = models.DateField(_("ACAS early conciliation: Day A"), null=True, blank=True)
    acas_day_b = models.DateField(_("ACAS early conciliation: Day B (certificate)"), null=True, blank=True)
    limitation_ends_on = models.DateField(_("limitation ends on"), null=True, blank=True)
    limitation_article = models.CharField(_("limitation article"), max_length=100)
    limitation_source = models.TextField(_("limitation source"))
    limitation_note = models.TextField(_("how the limitation is counted"))
    filed_after_limitation = models.BooleanField(_("filed after the limitation ended"), default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=DisputeOutcome.choices, blank=True)
    outcome_on = models.DateField(_("decided on"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount awarded or agreed"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    outcome_note = models.TextField(_("about the outcome"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["case", "filed_on", "pk"]
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")

    def __str__(self) -> str:
        return f"{self.get_forum_display()} · {self.filed_on}"

    @property
    def is_decided(self) -> bool:
        return bool(self.outcome)


class DisputeHearing(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dispute = models.ForeignKey(Dispute, on_delete=models.PROTECT, related_name="hearings")
    on = models.DateField(_("day"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    note = models.TextField(_("what happened or is planned"), blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["dispute", "on", "pk"]
        verbose_name = _("dispute hearing")
        verbose_name_plural = _("dispute hearings")

    def __str__(self) -> str:
        return f"{self.dispute} · {self.on}"
