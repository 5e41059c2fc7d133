import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import SupportStatus
from dueprocess.plans.tests.factories import published


def support(plan, actor, kind="training"):
    return actions.add_support_action(
        plan,
        actor=actor,
        kind=kind,
        description="Product delivery course",
        starts_on=dt.date(2026, 9, 8),
        ends_on=dt.date(2026, 9, 10),
    )


def test_training_that_happened_satisfies_the_art_40_2_fact(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    course = support(plan, persona("manager"))
    assert not plan.training_or_job_adjustment_done()
    course = actions.complete_support_action(
        course, actor=persona("manager"), happened=True, completed_on=dt.date(2026, 9, 10)
    )
    assert course.status == SupportStatus.HAPPENED and plan.training_or_job_adjustment_done()
    assert events.of("plans.support_completed")[0]["happened"] is True


def test_coaching_alone_or_a_declined_adjustment_does_not(persona, zhang):
    plan = published(persona("manager"), zhang)
    coaching = support(plan, persona("manager"), kind="coaching")
    actions.complete_support_action(
        coaching, actor=persona("manager"), happened=True, completed_on=dt.date(2026, 9, 10)
    )
    offer = support(plan, persona("manager"), kind="job_adjustment")
    actions.complete_support_action(
        offer,
        actor=persona("manager"),
        happened=False,
        completed_on=dt.date(2026, 9, 10),
        note="The employee declined the move.",
    )
    assert not plan.training_or_job_adjustment_done()


def test_it_refuses_a_future_date_a_missing_reason_and_settling_twice(persona, zhang):
    plan = published(persona("manager"), zhang)
    course = support(plan, persona("manager"))
    with pytest.raises(ValidationError) as error:
        actions.complete_support_action(
            course, actor=persona("manager"), happened=False, completed_on=dt.date(2026, 12, 1)
        )
    assert {"completed_on", "outcome_note"} <= set(error.value.message_dict)
    actions.complete_support_action(
        course, actor=persona("manager"), happened=True, completed_on=dt.date(2026, 9, 10)
    )
    with pytest.raises(ValidationError) as error:
        actions.complete_support_action(
            course, actor=persona("manager"), happened=True, completed_on=dt.date(2026, 9, 10)
        )
    assert "status" in error.value.message_dict
