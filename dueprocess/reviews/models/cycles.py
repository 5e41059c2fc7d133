"""Review cycles and the rating scales they use."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class RatingScale(models.Model):
    """A configurable scale, e.g. five levels from "does not meet" to "far exceeds"."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")

    def __str__(self) -> str:
        return self.name


class RatingLevel(models.Model):
    scale = models.ForeignKey(
        RatingScale, on_delete=models.CASCADE, related_name="levels", verbose_name=_("scale")
    )
    value = models.PositiveSmallIntegerField(_("value"), help_text=_("Higher is better."))
    label = models.CharField(_("label"), max_length=60)
    label_en = models.CharField(_("label in English"), max_length=60, blank=True)
    meets_expectations = models.BooleanField(
        _("meets expectations"), default=True, help_text=_("Whether this level is a satisfactory result.")
    )

    class Meta:
        ordering = ["scale", "value"]
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        constraints = [models.UniqueConstraint(fields=["scale", "value"], name="one_rating_level_per_value")]

    def __str__(self) -> str:
        return f"{self.value} · {self.label}" + (f" / {self.label_en}" if self.label_en else "")


class ReviewCycle(models.Model):
    """One round of reviews: the period reviewed, the template that guides it, and when it is due."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120)
    period_starts_on = models.DateField(_("start of the period reviewed"))
    period_ends_on = models.DateField(_("end of the period reviewed"))
    # Indexed for lists of what is due soonest (the dashboard): ordered by the index, a LIMIT stops early.
    due_on = models.DateField(_("due date"), db_index=True)
    template = models.TextField(
        _("template"), blank=True, help_text=_("The questions and guidance every review in this cycle uses.")
    )
    scale = models.ForeignKey(
        RatingScale, on_delete=models.PROTECT, related_name="cycles", verbose_name=_("rating scale")
    )
    anonymous_feedback = models.BooleanField(
        _("anonymous 360 feedback"),
        default=True,
        help_text=_("Feedback is shown without names, and only once enough people have answered."),
    )
    min_anonymous_responses = models.PositiveSmallIntegerField(
        _("minimum responses before anonymous feedback is shown"),
        default=3,
        validators=[MinValueValidator(1)],
    )

    class Meta:
        ordering = ["-period_starts_on"]
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=F("period_starts_on")), name="cycle_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=F("period_starts_on")), name="cycle_due_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        starts, ends = self.period_starts_on, self.period_ends_on
        if starts and ends and ends < starts:
            raise ValidationError({"period_ends_on": _("The period cannot end before it starts.")})
        if starts and self.due_on and self.due_on < starts:
            raise ValidationError({"due_on": _("The due date cannot come before the period starts.")})
