"""Reminders sent, one row per person, thing, deadline and level: the database's unique constraint is
what makes "once" true when several runners look at the same deadline at the same moment.

These rows are bookkeeping, not the record: each batch sent is also an event in the record
("reminders.sent", "reminders.escalated"), which is what an auditor reads.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CHECK_IN = "check_in", _("check-in")
    HEARING = "hearing", _("hearing")
    PLAN_END = "plan_end", _("end of an improvement plan")
    RESPONSE_WINDOW = "response_window", _("response window closing")
    NOTICE_END = "notice_end", _("end of the notice period")
    CERTIFICATE = "certificate", _("termination certificate (PRC LCL art. 50)")
    FILE_TRANSFER = "file_transfer", _("personnel file and social insurance transfer (PRC LCL art. 50)")
    FINAL_PAY = "final_pay", _("final pay (California LC 201, 202)")


class Level(models.IntegerChoices):
    REMINDER = 0, _("reminder")
    ESCALATION = 1, _("escalation")


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")


class Reminder(models.Model):
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    subject = models.CharField(
        _("about"), max_length=200, help_text=_("The record's reference of the thing.")
    )
    due_on = models.DateField(_("due on"))
    # A reminder is not evidence (its event is), so it may go with the account.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("recipient")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices, default=Level.REMINDER)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.EMAIL)
    created_at = models.DateTimeField(_("claimed at"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject", "due_on", "recipient", "level"], name="one_reminder_per_deadline"
            )
        ]
        indexes = [models.Index(fields=["sent_at", "attempts"], name="reminders_unsent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.due_on} · {self.recipient}"


class CalendarSequence(models.Model):
    """The iCalendar SEQUENCE of one meeting (RFC 5545 §3.8.7.4): a calendar applies an update or a
    cancellation only if its sequence is higher than the one it holds."""

    uid = models.CharField(_("UID"), max_length=200, unique=True)
    sequence = models.PositiveIntegerField(_("sequence"), default=0)
    method = models.CharField(_("last method"), max_length=10)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar sequence")
        verbose_name_plural = _("calendar sequences")

    def __str__(self) -> str:
        return f"{self.uid} #{self.sequence}"
