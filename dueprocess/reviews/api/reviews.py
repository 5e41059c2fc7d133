"""Review cycles and reviews: read what policy lets the caller see; write a self-assessment, an
assessment, a submission or a correction through the same actions as the pages."""

import uuid

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import Prose, one, paginated, reads, writes
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import Errors, require
from dueprocess.reviews.api.schemas import CycleOut, FeedbackSummaryOut, ReviewDetail, ReviewOut
from dueprocess.reviews.models import Goal, RatingLevel, Review, ReviewCycle, ReviewStatus

router = Router()

RatingValue = Field(None, ge=0, le=32767, description="A level's value on the cycle's scale.")


class ReviewFilters(Schema):
    cycle: uuid.UUID | None = None
    employee: uuid.UUID | None = None
    status: ReviewStatus | None = None
    include_superseded: bool = Field(False, description="Also list versions that a correction replaced.")


class SelfAssessmentIn(Schema):
    self_assessment: Prose


class GoalResultIn(Schema):
    position: int = Field(ge=0, le=32767, description="The goal's position, as the review lists it.")
    result: Prose | None = None
    rating: int | None = RatingValue


class AssessmentIn(Schema):
    manager_assessment: Prose | None = None
    rating: int | None = RatingValue
    goals: list[GoalResultIn] = Field(default_factory=list, max_length=100)


class CorrectionIn(AssessmentIn):
    reason: Prose = Field(description="Why the submitted review is being corrected.")


def _visible_reviews(request: HttpRequest):
    return Review.objects.visible_to(request.user)


def _review(request: HttpRequest, public_id: uuid.UUID) -> Review:
    reviews = _visible_reviews(request).select_related("cycle", "employee", "rating", "corrects")
    goals = Goal.objects.select_related("rating").order_by("position", "pk")
    return one(reviews.prefetch_related(Prefetch("goals", queryset=goals)), public_id)


@router.get("/review-cycles", response=reads(list[CycleOut]))
@paginated
def cycle_list(request: HttpRequest):
    """The cycles of the reviews the caller may see; those who start reviews see every cycle."""
    cycles = ReviewCycle.objects.all()
    if not policy.can_start_reviews(request.user):
        cycles = cycles.filter(pk__in=_visible_reviews(request).values("cycle_id"))
    levels = RatingLevel.objects.order_by("value")
    return (
        cycles.select_related("scale")
        .prefetch_related(Prefetch("scale__levels", queryset=levels))
        .order_by("-period_starts_on", "pk")
    )


@router.get("/reviews", response=reads(list[ReviewOut]))
@paginated
def review_list(request: HttpRequest, filters: Query[ReviewFilters]):
    reviews = _visible_reviews(request).select_related("cycle", "employee", "rating")
    if not filters.include_superseded:
        reviews = reviews.current()
    conditions = {
        "cycle__public_id": filters.cycle,
        "employee__public_id": filters.employee,
        "status": filters.status,
    }
    reviews = reviews.filter(**{key: value for key, value in conditions.items() if value is not None})
    return reviews.order_by("-cycle__period_starts_on", "employee__number", "-version", "pk")


@router.get("/reviews/{public_id}", response=reads(ReviewDetail))
def review_detail(request: HttpRequest, public_id: uuid.UUID):
    return _review(request, public_id)


@router.get("/reviews/{public_id}/feedback", response=reads(FeedbackSummaryOut))
def feedback_summary(request: HttpRequest, public_id: uuid.UUID):
    """360 feedback as the page shows it: under anonymity no name, and no answer until enough people
    have answered."""
    return _review(request, public_id).feedback_summary()


@router.post("/reviews/{public_id}/self-assessment", response=writes(ReviewDetail))
def review_self_assess(request: HttpRequest, public_id: uuid.UUID, payload: SelfAssessmentIn):
    review = _review(request, public_id)
    actions.record_self_assessment(review, actor=request.user, text=payload.self_assessment)
    return _review(request, public_id)


def _assessment(review: Review, payload: AssessmentIn, actor) -> dict:
    """The action's arguments: ratings by their value on the cycle's scale, goals by position. Policy
    is asked first, so that a refusal reads as one, whatever the input."""
    require(policy.can_manage_reviews(actor, review.employee), _("review this employee"))
    errors, levels = Errors(), {level.value: level for level in review.cycle.scale.levels.all()}
    goals = {goal.position: goal.pk for goal in review.goals.all()}
    for value in [payload.rating, *(g.rating for g in payload.goals)]:
        if value is not None and value not in levels:
            errors.add("rating", _("Choose a rating from this cycle's scale."))
    if any(g.position not in goals for g in payload.goals):
        errors.add("goals", _("A result was given for a goal that is not part of this review."))
    errors.raise_any()
    results = {goals[g.position]: {"result": g.result, "rating": levels.get(g.rating)} for g in payload.goals}
    rating = levels.get(payload.rating) if payload.rating is not None else None
    return {"manager_assessment": payload.manager_assessment, "rating": rating, "goal_results": results}


@router.post("/reviews/{public_id}/assessment", response=writes(ReviewDetail))
def review_assess(request: HttpRequest, public_id: uuid.UUID, payload: AssessmentIn):
    """The manager's assessment of a review still open: results and ratings per goal, the overall
    rating, the written view. Fields left out keep their value."""
    review = _review(request, public_id)
    actions.assess_review(review, actor=request.user, **_assessment(review, payload, request.user))
    return _review(request, public_id)


@router.post("/reviews/{public_id}/submit", response=writes(ReviewDetail))
def review_submit(request: HttpRequest, public_id: uuid.UUID):
    """Submit and lock the review; from now on it is shared with the employee."""
    review = _review(request, public_id)
    actions.submit_review(review, actor=request.user)
    return _review(request, public_id)


@router.post("/reviews/{public_id}/correction", response=writes(ReviewDetail, 201))
def review_correct(request: HttpRequest, public_id: uuid.UUID, payload: CorrectionIn):
    """Correct a submitted review: a new, submitted version; the old one stays as it was."""
    review = _review(request, public_id)
    new = actions.correct_review(
        review, actor=request.user, reason=payload.reason, **_assessment(review, payload, request.user)
    )
    return Status(201, _review(request, new.public_id))
