import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans.models import ImprovementPlan, PlanStatus
from dueprocess.plans.tests.factories import ENDS, STARTS, draft, goals


def test_the_manager_drafts_a_plan_with_measurable_goals(persona, zhang, events):
    plan = draft(persona("manager"), zhang)
    version = plan.current
    assert plan.status == PlanStatus.DRAFT and version.number == 1
    assert [g.metric for g in version.goals.all()] == [
        "releases on the agreed date",
        "features with a reviewed spec",
    ]
    assert events.of("plans.drafted")[0]["goals"][0]["target"] == "4 of 4"


def test_a_plan_with_no_measurable_goal_is_refused(persona, zhang):
    vague = [
        {"title": "Be better", "metric": "", "baseline": "", "target": "", "due_on": ENDS, "measured_by": ""}
    ]
    with pytest.raises(ValidationError) as error:
        draft(persona("manager"), zhang, goals=vague)
    assert "metric" in error.value.message_dict["goals"][0]
    with pytest.raises(ValidationError) as error:
        draft(persona("manager"), zhang, goals=[])
    assert "goals" in error.value.message_dict
    assert not ImprovementPlan.objects.exists()


def test_dates_out_of_order_are_named(persona, zhang):
    with pytest.raises(ValidationError) as error:
        draft(persona("manager"), zhang, starts_on=ENDS, ends_on=STARTS)
    assert "ends_on" in error.value.message_dict


def test_a_goal_due_outside_the_plan_is_refused(persona, zhang):
    with pytest.raises(ValidationError) as error:
        draft(persona("manager"), zhang, goals=goals(ends_on=dt.date(2027, 1, 1)))
    assert "goals" in error.value.message_dict


def test_one_open_plan_at_a_time(persona, zhang):
    draft(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        draft(persona("hrbp"), zhang)
    assert "employee" in error.value.message_dict


@pytest.mark.parametrize("username", ["other.manager", "employee", "legal", "auditor"])
def test_only_hr_and_the_line_manager_draft_plans(persona, zhang, username):
    with pytest.raises(PermissionDenied):
        draft(persona(username), zhang)
