"""The demo tells the product manager's story through the actions, from the first review to the
failed plan; loading it twice changes nothing."""

import datetime as dt

from dueprocess.plans import demo as plans_demo
from dueprocess.plans.models import ImprovementPlan, PlanStatus
from dueprocess.reviews import demo as reviews_demo
from dueprocess.reviews.models import Review, Warning

TODAY = dt.date(2026, 11, 24)


def load_story():
    reviews_demo.load(today=TODAY)
    plans_demo.load(today=TODAY)


def test_the_story_runs_from_slipping_reviews_to_a_failed_plan(demo_org, events):
    load_story()
    zhang = demo_org["XQ0007"]
    ratings = [
        r.rating.value for r in Review.objects.filter(employee=zhang).order_by("cycle__period_starts_on")
    ]
    assert ratings == [3, 2, 1]
    assert all(not r.feedback_summary().withheld for r in Review.objects.filter(employee=zhang))
    warning = Warning.objects.get(employee=zhang)
    assert warning.level == "written" and warning.investigation.conclusion == "substantiated"
    assert warning.explanations.exists() and warning.investigation.explanations.exists()
    plan = ImprovementPlan.objects.get(employee=zhang)
    assert plan.status == PlanStatus.FAILED and plan.training_or_job_adjustment_done()
    assert plan.check_ins.count() == 4 and TODAY - dt.timedelta(days=7) <= plan.closed_on < TODAY
    assert plan.current.is_acknowledged and plan.current.employee_response
    assert ImprovementPlan.objects.get(employee=demo_org["XQ0022"]).status == PlanStatus.PASSED
    assert "plans.closed" in events.types() and "reviews.warning_issued" in events.types()


def test_loading_the_story_twice_changes_nothing(demo_org):
    load_story()
    counts = (Review.objects.count(), ImprovementPlan.objects.count())
    load_story()
    assert (Review.objects.count(), ImprovementPlan.objects.count()) == counts
