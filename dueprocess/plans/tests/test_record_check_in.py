import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans.models import CheckIn, Progress
from dueprocess.plans.tests.factories import check_in, draft, published


def test_the_manager_records_a_check_in_with_progress_on_each_goal(persona, zhang, demo_org, events):
    plan = published(persona("manager"), zhang)
    first, second = plan.current.goals.all()
    held = check_in(
        plan,
        persona("manager"),
        [zhang, demo_org["XQ0006"]],
        employee_comments="Fair summary.",
        progress=[
            {"goal": first, "status": Progress.BEHIND, "measured": "1 of 2"},
            {"goal": second, "status": Progress.ON_TRACK, "measured": "80%"},
        ],
    )
    assert held.version == plan.current and held.progress.count() == 2
    data = events.of("plans.check_in_recorded")[0]
    assert data["attendees"] == ["XQ0006", "XQ0007"] and data["progress"][0]["status"] == "behind"


def test_a_check_in_after_the_plan_ended_is_refused(persona, zhang, demo_org):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        check_in(plan, persona("manager"), [zhang], held_on=dt.date(2026, 11, 22))
    assert "ended" in error.value.message_dict["held_on"][0]
    assert not CheckIn.objects.exists()


def test_a_check_in_before_the_start_in_the_future_or_without_notes_is_refused(persona, zhang):
    plan = published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))
    with pytest.raises(ValidationError) as error:
        check_in(plan, persona("manager"), [], held_on=dt.date(2026, 12, 1), notes="")
    assert {"held_on", "notes", "attendees"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError):
        check_in(plan, persona("manager"), [zhang], held_on=dt.date(2026, 8, 31))


def test_a_draft_plan_has_no_check_ins(persona, zhang):
    with pytest.raises(ValidationError) as error:
        check_in(draft(persona("manager"), zhang), persona("manager"), [zhang])
    assert "plan" in error.value.message_dict


def test_another_teams_manager_records_nothing(persona, zhang):
    with pytest.raises(PermissionDenied):
        check_in(published(persona("manager"), zhang), persona("other.manager"), [zhang])
