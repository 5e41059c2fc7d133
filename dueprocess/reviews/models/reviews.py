"""Per-employee reviews: goals with weights and results, ratings, assessments and 360 feedback.

A submitted review is locked. A correction is a new version that points at the one it corrects; the
old version stays as it was, marked superseded, so the record shows what was said and when.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.people.models import Employee
from dueprocess.reviews.models.cycles import RatingLevel, ReviewCycle

FULL_WEIGHT = Decimal("100")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open for self-assessment")
    SUBMITTED = "submitted", _("submitted")
    SUPERSEDED = "superseded", _("superseded by a correction")


class ReviewQuerySet(models.QuerySet):
    def current(self) -> ReviewQuerySet:
        return self.exclude(status=ReviewStatus.SUPERSEDED)

    def visible_to(self, user) -> ReviewQuerySet:
        from dueprocess.accounts import policy

        return self.filter(pk__in=policy.reviews_visible_to(user).values("pk"))


class Review(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    cycle = models.ForeignKey(
        ReviewCycle, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("cycle")
    )
    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("employee")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    corrects = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by",
        verbose_name=_("corrects"),
    )  # fmt: skip
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    self_assessment = models.TextField(_("self-assessment"), blank=True)
    self_assessed_at = models.DateTimeField(_("self-assessed at"), null=True, blank=True)
    manager_assessment = models.TextField(_("manager's assessment"), blank=True)
    rating = models.ForeignKey(
        RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("overall rating"),
    )  # fmt: skip
    shared_at = models.DateTimeField(_("shared with the employee at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("submitted by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["employee", "-cycle__period_starts_on", "-version"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["cycle", "employee", "version"], name="one_review_per_version"),
            models.UniqueConstraint(
                fields=["cycle", "employee"], condition=~Q(status="superseded"), name="one_current_review"
            ),
        ]
        # A cycle's reviews in one status, person by person, with the rating: the early-warning
        # signals (learning/early_warning.py) read ratings and unsubmitted reviews from the index alone.
        indexes = [
            models.Index(fields=["cycle", "status", "employee", "rating"], name="review_cycle_status_rating"),
        ]

    def __str__(self) -> str:
        return f"{self.employee.number} · {self.cycle} · v{self.version}"

    @property
    def is_locked(self) -> bool:
        return self.status in (ReviewStatus.SUBMITTED, ReviewStatus.SUPERSEDED)

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None

    def weight_total(self) -> Decimal:
        return sum((goal.weight for goal in self.goals.all()), Decimal("0"))

    def ensure_editable(self) -> None:
        if self.is_locked:
            raise ValidationError(_("This review has been submitted and is locked; correct it instead."))

    def open(self) -> None:
        if self.status != ReviewStatus.DRAFT:
            raise ValidationError(_("Only a draft review can be opened for self-assessment."))
        self.status, self.shared_at = ReviewStatus.OPEN, timezone.now()

    def submit(self, by) -> None:
        self.ensure_editable()
        self.status, self.submitted_at, self.submitted_by = ReviewStatus.SUBMITTED, timezone.now(), by
        self.shared_at = self.shared_at or self.submitted_at

    def supersede(self) -> None:
        if self.status != ReviewStatus.SUBMITTED:
            raise ValidationError(_("Only a submitted review can be corrected."))
        self.status = ReviewStatus.SUPERSEDED

    def submission_errors(self) -> dict[str, str]:
        """What still stops this review from being submitted, by field."""
        errors = {}
        if not self.goals.exists():
            errors["goals"] = _("A review needs at least one goal.")
        elif self.weight_total() != FULL_WEIGHT:
            errors["goals"] = _("The goals' weights add up to %(total)s; they must add up to 100.") % {
                "total": self.weight_total()
            }
        if not self.manager_assessment.strip():
            errors["manager_assessment"] = _("Write the manager's assessment before submitting.")
        if self.rating_id is None:
            errors["rating"] = _("Choose an overall rating before submitting.")
        return errors

    def lineage_feedback(self) -> models.QuerySet[FeedbackRequest]:
        """360 feedback belongs to the employee's review in this cycle, whichever its version."""
        return FeedbackRequest.objects.filter(review__cycle=self.cycle_id, review__employee=self.employee_id)

    def feedback_summary(self) -> FeedbackSummary:
        return FeedbackSummary.of(self.cycle, self.lineage_feedback())


class Goal(models.Model):
    """A goal or key result area (KRA) of one review, with its weight, target and result."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="goals", verbose_name=_("review")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("goal"), max_length=200)
    weight = models.DecimalField(
        _("weight (%)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(FULL_WEIGHT)],
    )  # fmt: skip
    target = models.TextField(_("target"))
    result = models.TextField(_("result"), blank=True)
    rating = models.ForeignKey(
        RatingLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rating"),
    )

    class Meta:
        ordering = ["review", "position", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gt=0) & Q(weight__lte=100), name="goal_weight_in_range"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Relationship(models.TextChoices):
    PEER = "peer", _("peer")
    DIRECT_REPORT = "direct_report", _("direct report")
    MANAGER = "manager", _("manager")
    OTHER = "other", _("other colleague")


class FeedbackRequest(models.Model):
    """A request for 360 feedback to one colleague, and their answer once given."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, related_name="feedback_requests", verbose_name=_("review")
    )
    respondent = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="feedback_requested", verbose_name=_("respondent")
    )
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)
    due_on = models.DateField(_("answer by"))
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, editable=False)
    answer = models.TextField(_("answer"), blank=True)
    rating = models.ForeignKey(
        RatingLevel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rating"),
    )
    submitted_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["review", "requested_at"]
        verbose_name = _("360 feedback request")
        verbose_name_plural = _("360 feedback requests")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "respondent"], name="one_feedback_request_per_respondent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review} ← {self.respondent.number}"

    @property
    def is_answered(self) -> bool:
        return self.submitted_at is not None


@dataclass(frozen=True)
class FeedbackAnswer:
    relationship: str
    answer: str
    rating: RatingLevel | None
    respondent: Employee | None  # None when the cycle promised anonymity

    @property
    def relationship_label(self) -> str:
        return str(Relationship(self.relationship).label)


@dataclass(frozen=True)
class FeedbackSummary:
    """What may be shown of a review's 360 feedback. Under anonymity no name is ever shown, and no
    answer until enough people have answered that no single answer can be traced to its author."""

    requested: int
    answered: int
    anonymous: bool
    threshold: int
    answers: list[FeedbackAnswer] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        return self.anonymous and self.answered < self.threshold

    @classmethod
    def of(cls, cycle: ReviewCycle, requests: models.QuerySet[FeedbackRequest]) -> FeedbackSummary:
        requests = requests.select_related("respondent", "rating")
        done = [r for r in requests if r.is_answered]
        anonymous, threshold = cycle.anonymous_feedback, cycle.min_anonymous_responses
        answers = []
        if not (anonymous and len(done) < threshold):
            # Anonymous answers are listed by relationship, not in the order they came in.
            ordered = sorted(done, key=lambda r: (r.relationship, r.pk)) if anonymous else done
            answers = [
                FeedbackAnswer(r.relationship, r.answer, r.rating, None if anonymous else r.respondent)
                for r in ordered
            ]
        return cls(len(requests), len(done), anonymous, threshold, answers)
