"""What the employee is paid on leaving, line by line, and the support they are offered.

The settlement starts from the assessment the case acted on (severance, pay in lieu, redundancy pay,
a waiting-time penalty), with lines added by hand for what the law engine does not know (unused
leave, a bonus, the final wages). Each line is approved by someone other than who entered it, then
marked paid with the day; a wrong line is withdrawn with its reason, never edited or deleted."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CURRENCIES = {"CN": "CNY", "GB": "GBP", "US-CA": "USD"}


class LineKind(models.TextChoices):
    SEVERANCE = "severance", _("severance")
    PAY_IN_LIEU = "pay_in_lieu", _("pay in lieu of notice")
    REDUNDANCY_PAY = "redundancy_pay", _("statutory redundancy pay")
    WAITING_TIME_PENALTY = "waiting_time_penalty", _("waiting-time penalty")
    FINAL_WAGES = "final_wages", _("final wages")
    UNUSED_LEAVE = "unused_leave", _("unused leave")
    BONUS = "bonus", _("bonus")
    OTHER = "other", _("other")


# The lines the law engine computes; the others are entered by hand, each with its reason.
ASSESSED_KINDS = (
    LineKind.SEVERANCE,
    LineKind.PAY_IN_LIEU,
    LineKind.REDUNDANCY_PAY,
    LineKind.WAITING_TIME_PENALTY,
)
MANUAL_KINDS = (LineKind.FINAL_WAGES, LineKind.UNUSED_LEAVE, LineKind.BONUS, LineKind.OTHER)


class Settlement(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField("cases.SeparationCase", on_delete=models.PROTECT, related_name="settlement")
    assessment = models.ForeignKey("cases.CaseAssessment", on_delete=models.PROTECT, related_name="+")
    currency = models.CharField(_("currency"), max_length=3)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")

    def __str__(self) -> str:
        return f"{self.case} · {self.total()} {self.currency}"

    def standing_lines(self) -> list[SettlementLine]:
        return [line for line in self.lines.all() if not line.is_withdrawn]

    def total(self) -> Decimal:
        return sum((line.amount for line in self.standing_lines()), Decimal("0.00"))

    def is_paid(self) -> bool:
        standing = self.standing_lines()
        return bool(standing) and all(line.paid_on for line in standing)


class LineStatus(models.TextChoices):
    PENDING = "pending", _("awaiting approval")
    APPROVED = "approved", _("approved")
    PAID = "paid", _("paid")
    WITHDRAWN = "withdrawn", _("withdrawn")


class SettlementLine(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    settlement = models.ForeignKey(Settlement, on_delete=models.PROTECT, related_name="lines")
    kind = models.CharField(_("kind"), max_length=30, choices=LineKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    article = models.CharField(_("article"), max_length=60, blank=True)
    from_assessment = models.BooleanField(_("from the assessment"), default=False)
    reason = models.TextField(_("reason"), blank=True)
    added_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(_("added at"), default=timezone.now, editable=False)
    approved_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    paid_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)
    withdrawn_reason = models.TextField(_("why it was withdrawn"), blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    class Meta:
        ordering = ["settlement", "added_at", "pk"]
        verbose_name = _("settlement line")
        verbose_name_plural = _("settlement lines")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="settlement_line_amount_positive"),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True) | Q(approved_on__isnull=False),
                name="settlement_line_paid_after_approval",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_on is not None

    @property
    def status(self) -> str:
        if self.is_withdrawn:
            return LineStatus.WITHDRAWN
        if self.paid_on:
            return LineStatus.PAID
        return LineStatus.APPROVED if self.approved_on else LineStatus.PENDING

    def get_status_display(self) -> str:
        return str(LineStatus(self.status).label)


class SupportKind(models.TextChoices):
    OUTPLACEMENT = "outplacement", _("outplacement")
    TRAINING = "training", _("training")
    REFERENCE_LETTER = "reference_letter", _("reference letter")
    OTHER = "other", _("other")


class Uptake(models.TextChoices):
    UNKNOWN = "unknown", _("not known yet")
    YES = "yes", _("taken up")
    NO = "no", _("not taken up")


class SupportOffer(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.SeparationCase", on_delete=models.PROTECT, related_name="support_offers")
    kind = models.CharField(_("kind"), max_length=20, choices=SupportKind.choices)
    description = models.TextField(_("what is offered"))
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    offered_on = models.DateField(_("offered on"))
    taken_up = models.CharField(_("taken up"), max_length=10, choices=Uptake.choices, default=Uptake.UNKNOWN)
    uptake_on = models.DateField(_("known on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    letter_public_id = models.UUIDField(null=True, blank=True)
    letter_reference = models.CharField(_("letter reference"), max_length=60, blank=True)
    offered_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["case", "offered_on", "pk"]
        verbose_name = _("support offer")
        verbose_name_plural = _("support offers")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_taken_up_display()}"
