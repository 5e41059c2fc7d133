"""Letters: the organisation's templates (versioned, never overwritten), each letter as issued (the
exact data it was rendered from and the SHA-256 of its PDF), how it reached the employee, and the
employee's acknowledgement or refusal of it (PRC arbitration asks for proof of delivery, 送达)."""

from __future__ import annotations

import hashlib
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.letters.kinds import CASE, CHECK_IN, PLAN, WARNING, Language, LetterKind
from dueprocess.people.models import Employee


class LetterTemplate(models.Model):
    """One version of the template for a kind in a language. Saving an edit adds a version; the
    active one is used for new letters, and every letter points at the version it was written from."""

    kind = models.CharField(_("kind"), max_length=40, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    version = models.PositiveIntegerField(_("version"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    letterhead = models.TextField(_("letterhead"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    active = models.BooleanField(_("in use"), default=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["kind", "language", "-version"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(fields=["kind", "language", "version"], name="one_template_per_version"),
            models.UniqueConstraint(
                fields=["kind", "language"], condition=Q(active=True), name="one_active_template"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.language} · v{self.version}"

    @property
    def sha256(self) -> str:
        """The hash of the three sources as the record names them."""
        text = "\x00".join([self.subject, self.letterhead, self.body])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LetterStatus(models.TextChoices):
    ISSUED = "issued", _("issued")
    DELIVERED = "delivered", _("delivered")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    REFUSED = "refused", _("acknowledgement refused")


class LetterQuerySet(models.QuerySet):
    def visible_to(self, user) -> LetterQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.letters_visible_to(user).values("pk"))


class Letter(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=40, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="letters", verbose_name=_("employee")
    )
    case = models.ForeignKey(
        "cases.SeparationCase", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    plan = models.ForeignKey(
        "plans.ImprovementPlan", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    check_in = models.ForeignKey(
        "plans.CheckIn", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    warning = models.ForeignKey(
        "reviews.Warning", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    batch = models.ForeignKey(
        "letters.LetterBatch", on_delete=models.PROTECT, null=True, blank=True, related_name="letters"
    )
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT, related_name="letters")
    subject = models.CharField(_("subject"), max_length=300)
    letterhead_html = models.TextField(_("letterhead as rendered"))
    body_html = models.TextField(_("body as rendered"))
    # The exact data the template was rendered with: strings, lists and objects only.
    context = models.JSONField(_("data rendered"))
    sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    status = models.CharField(
        _("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.ISSUED
    )
    issued_on = models.DateField(_("dated"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now, editable=False)
    issued_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delivered_at = models.DateTimeField(_("put in the employee's portal at"), null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(case__isnull=False, plan=None, check_in=None, warning=None)
                    | Q(case=None, plan__isnull=False, warning=None)
                    | Q(case=None, plan=None, check_in=None, warning__isnull=False)
                ),
                name="letter_about_one_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.employee} · {self.issued_on}"

    @property
    def target(self) -> models.Model:
        return self.case or self.check_in or self.plan or self.warning  # type: ignore[return-value]

    @property
    def target_type(self) -> str:
        if self.case_id:
            return CASE
        if self.check_in_id:
            return CHECK_IN
        return PLAN if self.plan_id else WARNING

    @property
    def reference(self) -> str:
        return self.context.get("letter", {}).get("reference", "")

    @property
    def file_name(self) -> str:
        return f"{self.kind}-{self.employee.number}-{self.issued_on:%Y%m%d}-{self.language}.pdf"

    @property
    def for_employee(self) -> bool:
        from dueprocess.letters.kinds import NOT_FOR_EMPLOYEE

        return self.kind not in NOT_FOR_EMPLOYEE

    @property
    def awaits_acknowledgement(self) -> bool:
        """Delivered to the employee, who has neither acknowledged nor refused it."""
        return self.status == LetterStatus.DELIVERED and self.delivered_at is not None


class Channel(models.TextChoices):
    PORTAL = "portal", _("employee portal")
    EMAIL = "email", _("e-mail")
    IN_PERSON = "in_person", _("in person")
    COURIER = "courier", _("courier")


class Delivery(models.Model):
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="deliveries")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    at = models.DateTimeField(_("delivered at"))
    address = models.CharField(_("e-mail address"), max_length=254, blank=True)
    witnesses = models.TextField(_("witnesses"), blank=True)
    courier = models.CharField(_("courier"), max_length=100, blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.at:%Y-%m-%d %H:%M}"


class Acknowledgement(models.Model):
    """The employee's receipt of exactly this document, or their refusal to give one."""

    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="acknowledgements")
    at = models.DateTimeField(_("at"), default=timezone.now)
    sha256 = models.CharField(_("SHA-256 of the document"), max_length=64)
    refused = models.BooleanField(_("refused"), default=False)
    note = models.TextField(_("note"), blank=True)
    ip = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)
    by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")

    def __str__(self) -> str:
        return f"{self.letter} · {'refused' if self.refused else 'acknowledged'}"


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")


class LetterBatch(models.Model):
    """One kind of letter for everybody in a layoff, written in the background."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    layoff = models.ForeignKey("cases.Layoff", on_delete=models.PROTECT, related_name="letter_batches")
    kind = models.CharField(_("kind"), max_length=40, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("letters to write"), default=0)
    done = models.PositiveIntegerField(_("letters written"), default=0)
    failed = models.PositiveIntegerField(_("letters that failed"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("letter batch")
        verbose_name_plural = _("letter batches")

    def __str__(self) -> str:
        return f"{self.layoff} · {self.get_kind_display()} · {self.done}/{self.total}"

    @property
    def is_finished(self) -> bool:
        return self.status == BatchStatus.FINISHED

    @property
    def percent(self) -> int:
        return 100 if not self.total else (self.done + self.failed) * 100 // self.total
