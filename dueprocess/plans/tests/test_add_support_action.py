import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import SupportKind, SupportStatus
from dueprocess.plans.tests.factories import published


def test_the_manager_adds_a_training_course_with_its_dates(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    course = actions.add_support_action(
        plan,
        actor=persona("manager"),
        kind=SupportKind.TRAINING,
        description="Product delivery course",
        starts_on=dt.date(2026, 9, 8),
        ends_on=dt.date(2026, 9, 10),
        provider="Xingqiao Academy",
    )
    assert course.status == SupportStatus.PLANNED
    assert events.of("plans.support_added")[0]["kind"] == "training"


def test_a_job_adjustment_can_be_recorded_as_offered(persona, zhang):
    plan = published(persona("manager"), zhang)
    offer = actions.add_support_action(
        plan,
        actor=persona("hrbp"),
        kind="job_adjustment",
        offered=True,
        description="Move to the internal-tools team",
        starts_on=dt.date(2026, 10, 1),
        ends_on=dt.date(2026, 11, 20),
    )
    assert offer.status == SupportStatus.OFFERED


def test_bad_kind_and_dates_out_of_order_are_named(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.add_support_action(
            plan,
            actor=persona("manager"),
            kind="holiday",
            description="",
            starts_on=dt.date(2026, 9, 10),
            ends_on=dt.date(2026, 9, 8),
        )
    assert {"kind", "description", "ends_on"} <= set(error.value.message_dict)
    assert not plan.support_actions.exists()


def test_the_employee_does_not_add_support_to_their_own_plan(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(PermissionDenied):
        actions.add_support_action(
            plan,
            actor=persona("employee"),
            kind="coaching",
            description="x",
            starts_on=dt.date(2026, 9, 8),
            ends_on=dt.date(2026, 9, 9),
        )
