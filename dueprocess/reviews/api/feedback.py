"""Starting reviews and 360 feedback: set up a cycle, start and open a review, ask colleagues, and
(for the colleague asked) answer, through the same actions as the pages.

Each write asks the policy before it looks at what the body names or says (as reviews.py and the plans
router do), so that a caller who may not act is told so (403, or 404 for what they cannot see) rather
than what is wrong with their input."""

import datetime as dt
import uuid

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import Line, Prose, one, paginated, reads, text, writes
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import Errors, require
from dueprocess.reviews.api.reviews import _review, router
from dueprocess.reviews.api.schemas import CycleOut, FeedbackRequestOut, ReviewDetail
from dueprocess.reviews.models import FeedbackRequest, RatingScale, Relationship, ReviewCycle


class CycleIn(Schema):
    name: text(120)
    period_starts_on: dt.date
    period_ends_on: dt.date
    due_on: dt.date
    scale: text(40) = Field(description="The rating scale's code, e.g. five-level.")
    template: Prose = ""
    anonymous_feedback: bool = True
    min_anonymous_responses: int = Field(3, ge=0, le=1000)


class ReviewGoalIn(Schema):
    title: Line
    weight: str = Field(max_length=10, description="Per cent; the goals' weights add up to 100.")
    target: Prose


class ReviewIn(Schema):
    cycle: uuid.UUID
    employee: uuid.UUID
    goals: list[ReviewGoalIn] = Field(max_length=50)


class FeedbackRequestIn(Schema):
    respondent: uuid.UUID = Field(description="The colleague asked.")
    relationship: Relationship
    due_on: dt.date


class FeedbackAnswerIn(Schema):
    answer: Prose
    rating: int | None = Field(None, ge=0, le=32767, description="A level's value on the cycle's scale.")


def _colleague(request: HttpRequest, public_id: uuid.UUID, field: str, errors: Errors):
    """Current staff the caller may see, other than themself, as on the pages."""
    people = policy.employees_visible_to(request.user).filter(left_on__isnull=True)
    found = people.exclude(pk=request.user.employee_id).filter(public_id=public_id).first()
    if found is None:
        errors.add(field, _("No colleague you can see has this identifier."))
    return found


@router.post("/review-cycles", response=writes(CycleOut, 201))
def cycle_create(request: HttpRequest, payload: CycleIn):
    require(policy.can_manage_cycles(request.user), _("set up review cycles"))
    errors, fields = Errors(), payload.model_dump(exclude={"scale"})
    scale = RatingScale.objects.filter(code=payload.scale).first()
    if scale is None:
        errors.add("scale", _("There is no rating scale with this code."))
    errors.raise_any()
    return Status(201, actions.create_cycle(actor=request.user, scale=scale, **fields))


@router.post("/reviews", response=writes(ReviewDetail, 201))
def review_create(request: HttpRequest, payload: ReviewIn):
    """Start a review, as a draft, with its goals."""
    require(policy.can_start_reviews(request.user), _("review this employee"))
    errors = Errors()
    cycle = ReviewCycle.objects.filter(public_id=payload.cycle).first()
    if cycle is None:
        errors.add("cycle", _("There is no review cycle with this identifier."))
    employee = _colleague(request, payload.employee, "employee", errors)
    errors.raise_any()
    goals = [goal.model_dump() for goal in payload.goals]
    review = actions.create_review(actor=request.user, cycle=cycle, employee=employee, goals=goals)
    return Status(201, _review(request, review.public_id))


@router.post("/reviews/{public_id}/open", response=writes(ReviewDetail))
def review_open(request: HttpRequest, public_id: uuid.UUID):
    """Share a draft review with the employee for their self-assessment."""
    actions.open_review(_review(request, public_id), actor=request.user)
    return _review(request, public_id)


@router.post("/reviews/{public_id}/feedback-requests", response=writes(FeedbackRequestOut, 201))
def feedback_request(request: HttpRequest, public_id: uuid.UUID, payload: FeedbackRequestIn):
    """Ask a colleague for 360 feedback on the review's employee."""
    review, errors = _review(request, public_id), Errors()
    require(policy.can_manage_reviews(request.user, review.employee), _("ask for feedback on this employee"))
    respondent = _colleague(request, payload.respondent, "respondent", errors)
    errors.raise_any()
    fields = payload.model_dump(exclude={"respondent"})
    return Status(201, actions.request_feedback(review, actor=request.user, respondent=respondent, **fields))


def _asked(request: HttpRequest):
    return policy.feedback_requests_for(request.user).select_related("review__cycle", "review__employee")


@router.get("/feedback-requests", response=reads(list[FeedbackRequestOut]))
@paginated
def feedback_list(request: HttpRequest):
    """The requests for feedback addressed to the caller, the newest first."""
    return _asked(request).order_by("-requested_at", "-pk")


@router.post("/feedback-requests/{public_id}/answer", response=writes(FeedbackRequestOut))
def feedback_answer(request: HttpRequest, public_id: uuid.UUID, payload: FeedbackAnswerIn):
    """The colleague's answer; once given, it cannot be changed."""
    asked: FeedbackRequest = one(_asked(request), public_id)
    require(policy.can_give_feedback(request.user, asked), _("answer this feedback request"))
    levels = {level.value: level for level in asked.review.cycle.scale.levels.all()}
    if payload.rating is not None and payload.rating not in levels:
        Errors({"rating": [_("Choose a rating from this cycle's scale.")]}).raise_any()
    rating = levels.get(payload.rating) if payload.rating is not None else None
    actions.give_feedback(asked, actor=request.user, answer=payload.answer, rating=rating)
    return one(_asked(request), public_id)
