"""Factories for reviews and conduct. People come from the demo organisation (the `demo_org`
fixture); these build what sits on top of them."""

from __future__ import annotations

import datetime as dt

import factory

from dueprocess.reviews.models import RatingLevel, RatingScale, ReviewCycle

FIVE_LEVELS = [
    (1, "不符合期望", "does not meet expectations", False),
    (2, "部分符合期望", "partially meets expectations", False),
    (3, "符合期望", "meets expectations", True),
    (4, "超出期望", "exceeds expectations", True),
    (5, "远超期望", "far exceeds expectations", True),
]


class RatingScaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RatingScale
        django_get_or_create = ["code"]
        skip_postgeneration_save = True

    code = "five-level"
    name = "五级评分"
    name_en = "Five levels"

    @factory.post_generation
    def levels(scale, create, extracted, **kwargs):
        for value, label, label_en, meets in FIVE_LEVELS:
            RatingLevel.objects.get_or_create(
                scale=scale,
                value=value,
                defaults={"label": label, "label_en": label_en, "meets_expectations": meets},
            )


class ReviewCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCycle

    name = factory.Sequence(lambda n: f"2026 H{n % 2 + 1} review {n}")
    period_starts_on = dt.date(2026, 1, 1)
    period_ends_on = dt.date(2026, 6, 30)
    due_on = dt.date(2026, 12, 15)
    scale = factory.SubFactory(RatingScaleFactory)
    anonymous_feedback = True
    min_anonymous_responses = 3


def level(value: int) -> RatingLevel:
    return RatingLevel.objects.get(scale=RatingScaleFactory(), value=value)


TWO_GOALS = [
    {"title": "Ship the mobile checkout", "weight": "60", "target": "Launch by 30 June"},
    {"title": "Customer interviews", "weight": "40", "target": "12 interviews written up"},
]


def draft_review(actor, cycle, employee, goals=None):
    from dueprocess.reviews import actions

    return actions.create_review(actor=actor, cycle=cycle, employee=employee, goals=goals or TWO_GOALS)


def submitted_review(actor, cycle, employee, rating=3):
    from dueprocess.reviews import actions

    review = draft_review(actor, cycle, employee)
    results = {g.pk: {"result": "Done in part", "rating": level(rating)} for g in review.goals.all()}
    actions.assess_review(
        review, actor=actor, manager_assessment="Steady work.", rating=level(rating), goal_results=results
    )
    return actions.submit_review(review, actor=actor)


def incident(actor, employee, **overrides):
    from dueprocess.reviews import actions

    values = {
        "occurred_on": dt.date(2026, 9, 30),
        "reported_on": dt.date(2026, 10, 2),
        "summary": "Missed the launch commitment",
        "description": "The release promised to the customer for 30 September did not ship.",
        "reporter_other": "Customer complaint (Huadong Logistics)",
    }
    return actions.report_incident(actor=actor, employee=employee, **{**values, **overrides})


def investigation_heard(actor, employee):
    """An open investigation in which the employee's explanation has been recorded."""
    from dueprocess.reviews import actions

    found = actions.open_investigation(incident(actor, employee), actor=actor, opened_on=dt.date(2026, 10, 5))
    actions.record_explanation(
        actor=actor, investigation=found, text="The scope grew twice.", written_on=dt.date(2026, 10, 8)
    )
    return found
