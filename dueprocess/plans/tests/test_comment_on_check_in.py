import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import check_in, published


@pytest.fixture
def meeting(persona, zhang):
    plan = published(persona("manager"), zhang)
    return check_in(plan, persona("manager"), [zhang])


def test_the_employee_adds_comments_the_meeting_did_not_note(meeting, persona, events):
    actions.comment_on_check_in(meeting, actor=persona("employee"), text="The test server was down.")
    meeting.refresh_from_db()
    assert meeting.employee_comments == "The test server was down."
    assert events.of("plans.check_in_commented")[0]["employee_comments"] == "The test server was down."


def test_comments_are_written_once_and_never_blank(meeting, persona):
    with pytest.raises(ValidationError) as error:
        actions.comment_on_check_in(meeting, actor=persona("employee"), text="  ")
    assert "employee_comments" in error.value.message_dict
    actions.comment_on_check_in(meeting, actor=persona("employee"), text="First")
    with pytest.raises(ValidationError):
        actions.comment_on_check_in(meeting, actor=persona("employee"), text="Second thoughts")


def test_nobody_comments_in_the_employees_name(meeting, persona):
    for username in ("manager", "hrbp"):
        with pytest.raises(PermissionDenied):
            actions.comment_on_check_in(meeting, actor=persona(username), text="Agreed")


def test_a_closed_plan_takes_no_more_comments(meeting, persona):
    actions.decide_outcome(meeting.plan, actor=persona("hrbp"), outcome="passed", summary="All goals met.")
    with pytest.raises(ValidationError) as error:
        actions.comment_on_check_in(meeting, actor=persona("employee"), text="Late word")
    assert "plan" in error.value.message_dict
