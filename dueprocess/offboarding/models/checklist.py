"""A case's checklist: its tasks, each with an owner and a due date counted from the last day, and
the exit interview, whose answers are kept from the line manager."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.offboarding.models.templates import ChecklistTemplate, OwnerRole, Question, in_language


class Checklist(models.Model):
    case = models.OneToOneField("cases.SeparationCase", on_delete=models.PROTECT, related_name="checklist")
    template = models.ForeignKey(ChecklistTemplate, on_delete=models.PROTECT, related_name="+")
    template_version = models.PositiveSmallIntegerField(_("template version"))
    last_day = models.DateField(_("last day the dates are counted from"))
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("offboarding checklist")
        verbose_name_plural = _("offboarding checklists")

    def __str__(self) -> str:
        return str(self.case)


class TaskStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    NOT_APPLICABLE = "not_applicable", _("not applicable")


class OffboardingTask(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.SlugField(_("kind"), max_length=40)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    owner_role = models.CharField(_("owner"), max_length=20, choices=OwnerRole.choices)
    owner = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="offboarding_tasks"
    )
    due_on = models.DateField(_("due on"))
    legally_required = models.BooleanField(_("required by law"), default=False)
    article = models.CharField(_("article"), max_length=60, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    reason = models.TextField(_("why it does not apply"), blank=True)
    # The letter that did the task (a termination certificate), when the letters app wrote it.
    letter_public_id = models.UUIDField(null=True, blank=True)
    letter_reference = models.CharField(_("letter reference"), max_length=60, blank=True)

    class Meta:
        ordering = ["checklist", "due_on", "order", "pk"]
        verbose_name = _("offboarding task")
        verbose_name_plural = _("offboarding tasks")
        constraints = [
            models.UniqueConstraint(fields=["checklist", "kind"], name="offboarding_task_kind"),
            models.CheckConstraint(
                condition=Q(status="open") | Q(done_on__isnull=False), name="offboarding_task_settled_on"
            ),
        ]

    def __str__(self) -> str:
        return self.title()

    def title(self, lang: str | None = None) -> str:
        return in_language(self.title_en, self.title_zh, lang)

    @property
    def is_open(self) -> bool:
        return self.status == TaskStatus.OPEN

    def is_overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_on < today


class ExitInterview(models.Model):
    case = models.OneToOneField(
        "cases.SeparationCase", on_delete=models.PROTECT, related_name="exit_interview"
    )
    questionnaire = models.ForeignKey("offboarding.Questionnaire", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("held on"))
    declined = models.BooleanField(_("the employee declined"), default=False)
    interviewer = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)
    # The record keeps the hash of the answers, never the answers: the case's timeline is read by
    # the line manager, and the answers are for HR alone.
    answers_sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("exit interview")
        verbose_name_plural = _("exit interviews")

    def __str__(self) -> str:
        return f"{self.case} · {self.held_on}"


class ExitAnswer(models.Model):
    interview = models.ForeignKey(ExitInterview, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    answer = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["interview", "question__order", "question__pk"]
        verbose_name = _("exit-interview answer")
        verbose_name_plural = _("exit-interview answers")
        constraints = [
            models.UniqueConstraint(fields=["interview", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.interview} · {self.question}"
