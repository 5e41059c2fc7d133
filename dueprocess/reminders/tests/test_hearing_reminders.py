import pytest

from dueprocess.cases import actions
from dueprocess.reminders.models import Kind, Level, Reminder
from dueprocess.reminders.tests.conftest import at, day, noon, to

EMPLOYEE, HRBP, ADMIN = (
    "zhang.wei@xingqiao.example",
    "chen.simin@xingqiao.example",
    "zhou.yaqin@xingqiao.example",
)


@pytest.fixture
def hearing(open_case, persona):
    return actions.invite_to_hearing(
        open_case,
        actor=persona("hrbp"),
        scheduled_at=noon(1, 14),
        place="Meeting room 3",
        attendees="Chen Simin (HR), Liu Fang (manager)",
    )


def test_the_employee_and_hr_are_reminded_of_tomorrows_hearing_once(hearing, run):
    summary, sent = run(0)
    assert to(sent) == [HRBP, EMPLOYEE]
    assert [line.kind for line in summary.sent] == [Kind.HEARING, Kind.HEARING]
    assert "Meeting room 3" in sent[0].body
    assert run(0)[1] == [] and run(1)[1] == []


def test_the_employee_gets_the_invitation_not_the_case_file(hearing, run):
    sent = {m.to[0]: m for m in run(0)[1]}
    assert f"/calendar/hearings/{hearing.public_id}.ics" in sent[EMPLOYEE].body
    assert f"/cases/{hearing.case.public_id}/" not in sent[EMPLOYEE].body
    assert f"/cases/{hearing.case.public_id}/" in sent[HRBP].body


def test_a_hearing_neither_recorded_nor_cancelled_is_escalated_once(hearing, run):
    run(0)
    assert run(2)[1] == []  # a day's grace to record it
    summary, sent = run(3)
    assert summary.escalations == 1 and to(sent) == [HRBP]
    assert run(4)[1] == []


def test_a_cancelled_hearing_is_not_reminded(hearing, run, persona):
    actions.cancel_hearing(hearing, actor=persona("hrbp"), reason="The employee is ill.")
    assert run(0)[1] == [] and run(3)[1] == []


@pytest.fixture
def held(open_case, persona):
    """The hearing was held today; the employee may answer in writing for three days."""
    hearing = actions.invite_to_hearing(
        open_case, actor=persona("hrbp"), scheduled_at=noon(0, 10), place="Room 3", attendees="HR"
    )
    return actions.record_hearing(
        hearing, actor=persona("hrbp"), held_on=day(0), minutes="Heard.", employee_attended=True
    )


def test_the_closing_response_window_is_reminded_the_day_before(held, run):
    assert held.response_due_on == day(3)
    assert [m for m in run(1)[1] if "response" in m.body] == []
    summary, sent = run(2)
    assert to(sent) == [HRBP, EMPLOYEE] and {line.kind for line in summary.sent} == {Kind.RESPONSE_WINDOW}
    assert run(3)[1] == []


def test_a_case_left_at_the_hearing_stage_after_the_window_is_escalated_once(held, run):
    run(2)
    _summary, sent = run(4)
    assert to(sent) == [HRBP] and "request a decision" in sent[0].body
    assert run(5)[1] == []


def test_no_escalation_once_a_decision_is_requested(held, run, persona):
    run(2)
    with at(4):
        actions.request_decision(held.case, actor=persona("hrbp"))
    assert run(4)[1] == []
    assert not Reminder.objects.filter(kind=Kind.RESPONSE_WINDOW, level=Level.ESCALATION).exists()
