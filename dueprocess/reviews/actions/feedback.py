"""360 feedback: ask colleagues, and record their answers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.records import record_event
from dueprocess.reviews.actions._common import Errors, require, today
from dueprocess.reviews.models import FeedbackRequest, RatingLevel, Relationship, Review


@transaction.atomic
def request_feedback(
    review: Review, *, actor: User, respondent: Employee, relationship: str, due_on: dt.date
) -> FeedbackRequest:
    require(policy.can_manage_reviews(actor, review.employee), _("ask for feedback on this employee"))
    errors = Errors()
    if review.is_locked:
        errors.add("review", _("This review has been submitted; feedback can no longer be asked for."))
    if respondent.pk == review.employee_id:
        errors.add("respondent", _("Ask colleagues for feedback; the employee writes a self-assessment."))
    if relationship not in Relationship.values:
        errors.add("relationship", _("Choose how the respondent works with the employee."))
    if due_on < today():
        errors.add("due_on", _("The answer-by date cannot be in the past."))
    if review.lineage_feedback().filter(respondent=respondent).exists():
        errors.add("respondent", _("This colleague has already been asked."))
    errors.raise_any()
    request = FeedbackRequest.objects.create(
        review=review, respondent=respondent, relationship=relationship, due_on=due_on
    )
    record_event(request, "reviews.feedback_requested", actor=actor, data={
        "review": str(review.public_id), "request": str(request.public_id), "relationship": relationship,
        "due_on": str(due_on), "anonymous": review.cycle.anonymous_feedback,
    })  # fmt: skip
    return request


@transaction.atomic
def give_feedback(
    request: FeedbackRequest, *, actor: User, answer: str, rating: RatingLevel | None = None
) -> FeedbackRequest:
    require(policy.can_give_feedback(actor, request), _("answer this feedback request"))
    request = FeedbackRequest.objects.select_for_update().select_related("review__cycle").get(pk=request.pk)
    review = request.review
    current = Review.objects.current().get(cycle=review.cycle_id, employee=review.employee_id)
    errors = Errors()
    errors.blank("answer", answer, _("Write your feedback."))
    if request.is_answered:
        errors.add("answer", _("You have already answered; an answer cannot be changed."))
    if current.is_locked:
        errors.add("answer", _("The review has been submitted; it no longer takes feedback."))
    if today() > request.due_on:
        errors.add("answer", _("The answer-by date has passed."))
    if rating is not None and rating.scale_id != review.cycle.scale_id:
        errors.add("rating", _("Choose a rating from this cycle's scale."))
    errors.raise_any()
    request.answer, request.rating, request.submitted_at = answer.strip(), rating, timezone.now()
    request.save(update_fields=["answer", "rating", "submitted_at"])
    # Under anonymity the answer stays out of the event: the record is read by more people than the
    # summary, and the event's actor names the respondent.
    anonymous = review.cycle.anonymous_feedback
    record_event(request, "reviews.feedback_given", actor=actor, data={
        "review": str(review.public_id), "request": str(request.public_id),
        "answer": None if anonymous else request.answer, "rating": rating.value if rating else None,
    })  # fmt: skip
    return request
