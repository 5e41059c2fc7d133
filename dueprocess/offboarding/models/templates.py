"""What an organisation starts from: checklist templates per jurisdiction (and, where it differs, per
ground), and exit-interview questionnaires. Defaults ship as data (migration 0002); the organisation
copies and edits them in the admin. A case copies the tasks when its checklist is created, so a later
edit of a template never changes a checklist already in use."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class OwnerRole(models.TextChoices):
    HR = "hr", _("HR")
    MANAGER = "manager", _("line manager")
    IT = "it", _("IT")
    PAYROLL = "payroll", _("payroll")


def in_language(en: str, zh: str, lang: str | None = None) -> str:
    lang = lang or get_language() or "en"
    return zh if lang.lower().startswith("zh") and zh else en


class ChecklistTemplateQuerySet(models.QuerySet):
    def for_case(self, case) -> ChecklistTemplate | None:
        """The active template for the case's law: one for its ground if there is one, else the one
        for every ground; the newest version of either."""
        candidates = self.filter(active=True, jurisdiction=case.jurisdiction).filter(
            Q(ground=case.ground) | Q(ground="")
        )
        return candidates.order_by("-ground", "-version", "-pk").first()


class ChecklistTemplate(models.Model):
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8)
    ground = models.CharField(
        _("ground"), max_length=60, blank=True, help_text=_("Blank: every ground under this law.")
    )
    name = models.CharField(_("name"), max_length=120)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    active = models.BooleanField(_("in use"), default=True)
    sources = models.TextField(_("sources"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = ChecklistTemplateQuerySet.as_manager()

    class Meta:
        ordering = ["jurisdiction", "ground", "-version"]
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "ground", "name", "version"], name="checklist_template_version"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.name} · {self.jurisdiction}{f' · {self.ground}' if self.ground else ''} · v{self.version}"
        )


class TaskTemplate(models.Model):
    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.SlugField(
        _("kind"), max_length=40, help_text=_("A code, e.g. termination_certificate; unique in the template.")
    )
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_zh = models.CharField(_("title (Chinese)"), max_length=200)
    owner_role = models.CharField(_("owner"), max_length=20, choices=OwnerRole.choices)
    offset_days = models.SmallIntegerField(
        _("days after the last day"), default=0, help_text=_("Negative: before the last day.")
    )
    legally_required = models.BooleanField(_("required by law"), default=False)
    article = models.CharField(_("article"), max_length=60, blank=True)

    class Meta:
        ordering = ["template", "order", "pk"]
        verbose_name = _("task template")
        verbose_name_plural = _("task templates")
        constraints = [models.UniqueConstraint(fields=["template", "kind"], name="task_template_kind")]

    def __str__(self) -> str:
        return self.title()

    def title(self, lang: str | None = None) -> str:
        return in_language(self.title_en, self.title_zh, lang)


class Questionnaire(models.Model):
    name = models.CharField(_("name"), max_length=120)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=8, blank=True, help_text=_("Blank: all."))
    active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "-version"]
        verbose_name = _("exit-interview questionnaire")
        verbose_name_plural = _("exit-interview questionnaires")
        constraints = [models.UniqueConstraint(fields=["name", "version"], name="questionnaire_version")]

    def __str__(self) -> str:
        return f"{self.name} · v{self.version}"


class AnswerKind(models.TextChoices):
    TEXT = "text", _("free text")
    SCALE = "scale", _("a score from 1 to 5")


class Question(models.Model):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text_en = models.CharField(_("question (English)"), max_length=300)
    text_zh = models.CharField(_("question (Chinese)"), max_length=300)
    kind = models.CharField(_("answer"), max_length=10, choices=AnswerKind.choices, default=AnswerKind.TEXT)

    class Meta:
        ordering = ["questionnaire", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text()

    def text(self, lang: str | None = None) -> str:
        return in_language(self.text_en, self.text_zh, lang)
