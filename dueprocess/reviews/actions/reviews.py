"""Review cycles and reviews: create, open for self-assessment, assess, submit, correct."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.records import record_event
from dueprocess.reviews.actions._common import Errors, in_order, require
from dueprocess.reviews.models import Goal, RatingLevel, RatingScale, Review, ReviewCycle, ReviewStatus

GoalSpec = dict[str, Any]  # {"title": str, "weight": Decimal|str, "target": str}
# goal pk -> {"result": str, "rating": RatingLevel | None}
GoalResults = dict[int, dict[str, Any]]


@transaction.atomic
def create_cycle(
    *, actor: User, name: str, period_starts_on: dt.date, period_ends_on: dt.date, due_on: dt.date,
    scale: RatingScale, template: str = "", anonymous_feedback: bool = True, min_anonymous_responses: int = 3,
) -> ReviewCycle:  # fmt: skip
    require(policy.can_manage_cycles(actor), _("set up review cycles"))
    errors = Errors()
    errors.blank("name", name, _("Give the cycle a name."))
    in_order(
        errors,
        period_starts_on,
        period_ends_on,
        "period_ends_on",
        _("The period cannot end before it starts."),
    )
    in_order(
        errors, period_starts_on, due_on, "due_on", _("The due date cannot come before the period starts.")
    )
    if min_anonymous_responses < 1:
        errors.add("min_anonymous_responses", _("At least one response is needed."))
    errors.raise_any()
    cycle = ReviewCycle.objects.create(
        name=name, period_starts_on=period_starts_on, period_ends_on=period_ends_on, due_on=due_on,
        scale=scale, template=template, anonymous_feedback=anonymous_feedback,
        min_anonymous_responses=min_anonymous_responses,
    )  # fmt: skip
    record_event(cycle, "reviews.cycle_created", actor=actor, data={
        "cycle": str(cycle.public_id), "name": name, "period": [str(period_starts_on), str(period_ends_on)],
        "due_on": str(due_on), "anonymous_feedback": anonymous_feedback,
        "min_anonymous_responses": min_anonymous_responses,
    })  # fmt: skip
    return cycle


def _clean_goals(goals: list[GoalSpec], errors: Errors) -> list[GoalSpec]:
    cleaned = []
    for number, spec in enumerate(goals, start=1):
        title, target = (spec.get("title") or "").strip(), (spec.get("target") or "").strip()
        try:
            weight = Decimal(str(spec.get("weight")))
        except (InvalidOperation, ValueError):
            weight = Decimal("0")
        if not title or not target:
            errors.add("goals", _("Goal %(number)s needs a title and a target.") % {"number": number})
        if not Decimal("0") < weight <= Decimal("100"):
            errors.add(
                "goals", _("Goal %(number)s needs a weight above 0 and at most 100.") % {"number": number}
            )
        cleaned.append({"title": title, "target": target, "weight": weight})
    return cleaned


@transaction.atomic
def create_review(*, actor: User, cycle: ReviewCycle, employee: Employee, goals: list[GoalSpec]) -> Review:
    require(policy.can_manage_reviews(actor, employee), _("review this employee"))
    errors = Errors()
    if not goals:
        errors.add("goals", _("A review needs at least one goal."))
    cleaned = _clean_goals(goals, errors)
    if Review.objects.current().filter(cycle=cycle, employee=employee).exists():
        errors.add("employee", _("This employee already has a review in this cycle."))
    errors.raise_any()
    review = Review.objects.create(cycle=cycle, employee=employee)
    Goal.objects.bulk_create(Goal(review=review, position=i, **spec) for i, spec in enumerate(cleaned))
    record_event(review, "reviews.created", actor=actor, data={
        "review": str(review.public_id), "cycle": str(cycle.public_id), "employee": employee.number,
        "goals": [{"title": g["title"], "weight": str(g["weight"]), "target": g["target"]} for g in cleaned],
    })  # fmt: skip
    return review


def _locked_review(pk: int) -> Review:
    """Re-read the review under a row lock, so two people submitting at once cannot both win."""
    return Review.objects.select_for_update().select_related("cycle", "employee").get(pk=pk)


@transaction.atomic
def open_review(review: Review, *, actor: User) -> Review:
    """Share the review with the employee so they can write their self-assessment."""
    require(policy.can_manage_reviews(actor, review.employee), _("review this employee"))
    review = _locked_review(review.pk)
    review.open()
    review.save(update_fields=["status", "shared_at"])
    record_event(review, "reviews.opened", actor=actor, data={"review": str(review.public_id)})
    return review


@transaction.atomic
def record_self_assessment(review: Review, *, actor: User, text: str) -> Review:
    review = _locked_review(review.pk)
    require(policy.can_self_assess(actor, review), _("write this self-assessment"))
    review.ensure_editable()
    errors = Errors()
    errors.blank("self_assessment", text, _("Write your self-assessment."))
    errors.raise_any()
    review.self_assessment, review.self_assessed_at = text.strip(), timezone.now()
    review.save(update_fields=["self_assessment", "self_assessed_at"])
    record_event(review, "reviews.self_assessed", actor=actor,
                     data={"review": str(review.public_id), "text": review.self_assessment})  # fmt: skip
    return review


def _check_assessment(
    review: Review, rating: RatingLevel | None, results: GoalResults, errors: Errors
) -> None:
    scale_id = review.cycle.scale_id
    if rating is not None and rating.scale_id != scale_id:
        errors.add("rating", _("Choose a rating from this cycle's scale."))
    goal_ids = set(review.goals.values_list("pk", flat=True))
    for goal_pk, values in results.items():
        if goal_pk not in goal_ids:
            errors.add("goals", _("A result was given for a goal that is not part of this review."))
        level = values.get("rating")
        if level is not None and level.scale_id != scale_id:
            errors.add("goals", _("Choose each goal's rating from this cycle's scale."))


def _apply_assessment(
    review: Review, assessment: str | None, rating: RatingLevel | None, results: GoalResults
):
    if assessment is not None:
        review.manager_assessment = assessment.strip()
    if rating is not None:
        review.rating = rating
    for goal in review.goals.filter(pk__in=results):
        goal.result = (results[goal.pk].get("result") or goal.result).strip()
        goal.rating = results[goal.pk].get("rating") or goal.rating
        goal.save(update_fields=["result", "rating"])


def _assessment_data(review: Review) -> dict[str, Any]:
    return {
        "review": str(review.public_id), "version": review.version,
        "manager_assessment": review.manager_assessment,
        "rating": review.rating.value if review.rating else None,
        "goals": [{"title": g.title, "result": g.result, "rating": g.rating.value if g.rating else None}
                  for g in review.goals.select_related("rating")],
    }  # fmt: skip


@transaction.atomic
def assess_review(
    review: Review, *, actor: User, manager_assessment: str | None = None,
    rating: RatingLevel | None = None, goal_results: GoalResults | None = None,
) -> Review:  # fmt: skip
    """The manager's assessment: results and ratings per goal, the overall rating, the written view."""
    require(policy.can_manage_reviews(actor, review.employee), _("review this employee"))
    review = _locked_review(review.pk)
    review.ensure_editable()
    errors, results = Errors(), goal_results or {}
    _check_assessment(review, rating, results, errors)
    errors.raise_any()
    _apply_assessment(review, manager_assessment, rating, results)
    review.save(update_fields=["manager_assessment", "rating"])
    record_event(review, "reviews.assessed", actor=actor, data=_assessment_data(review))
    return review


@transaction.atomic
def submit_review(review: Review, *, actor: User) -> Review:
    """Submit and lock the review; it is shared with the employee from now on."""
    require(policy.can_manage_reviews(actor, review.employee), _("review this employee"))
    review = _locked_review(review.pk)
    review.ensure_editable()
    errors = Errors()
    for field, message in review.submission_errors().items():
        errors.add(field, message)
    errors.raise_any()
    review.submit(by=actor)
    review.save(update_fields=["status", "submitted_at", "submitted_by", "shared_at"])
    record_event(review, "reviews.submitted", actor=actor, data=_assessment_data(review))
    return review


@transaction.atomic
def correct_review(
    review: Review, *, actor: User, reason: str, manager_assessment: str | None = None,
    rating: RatingLevel | None = None, goal_results: GoalResults | None = None,
) -> Review:  # fmt: skip
    """Correct a submitted review: a new, submitted version; the old one is kept as it was."""
    require(policy.can_manage_reviews(actor, review.employee), _("review this employee"))
    old = _locked_review(review.pk)
    errors = Errors()
    errors.blank("reason", reason, _("Say why the review is being corrected."))
    if old.status != ReviewStatus.SUBMITTED:
        errors.add("status", _("Only a submitted review can be corrected; edit a draft directly."))
    old_positions = dict(old.goals.values_list("pk", "position"))
    if set(goal_results or {}) - set(old_positions):
        errors.add("goals", _("A result was given for a goal that is not part of this review."))
    errors.raise_any()
    new = _copy_as_new_version(old, reason.strip())
    # The caller names the old version's goals; the new version's goals sit at the same positions.
    by_position = {g.position: g.pk for g in new.goals.all()}
    results = {by_position[old_positions[pk]]: v for pk, v in (goal_results or {}).items()}
    _check_assessment(new, rating, results, errors)
    errors.raise_any()
    _apply_assessment(new, manager_assessment, rating, results)
    new.submit(by=actor)
    new.save()
    record_event(new, "reviews.corrected", actor=actor, data={
        **_assessment_data(new), "corrects": str(old.public_id), "reason": new.correction_reason,
    })  # fmt: skip
    return new


def _copy_as_new_version(old: Review, reason: str) -> Review:
    old.supersede()
    old.save(update_fields=["status"])
    new = Review.objects.create(
        cycle=old.cycle, employee=old.employee, version=old.version + 1, corrects=old,
        correction_reason=reason,
        self_assessment=old.self_assessment, self_assessed_at=old.self_assessed_at,
        manager_assessment=old.manager_assessment, rating=old.rating, shared_at=old.shared_at,
    )  # fmt: skip
    Goal.objects.bulk_create(
        Goal(review=new, position=g.position, title=g.title, weight=g.weight, target=g.target,
             result=g.result, rating=g.rating)
        for g in old.goals.all()
    )  # fmt: skip
    return new
