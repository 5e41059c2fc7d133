import datetime as dt

import pytest

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import check_in, published
from dueprocess.reminders.models import Kind, Level, Reminder
from dueprocess.reminders.tests.conftest import noon, to

MANAGER, EMPLOYEE, HRBP = (
    "liu.fang@xingqiao.example",
    "zhang.wei@xingqiao.example",
    "chen.simin@xingqiao.example",
)


@pytest.fixture
def scheduled(persona, zhang, django_capture_on_commit_callbacks):
    """Zhang Wei's plan runs to the end of the year; a check-in is arranged for tomorrow at ten."""
    plan = published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))
    with django_capture_on_commit_callbacks(execute=True):
        return actions.schedule_check_in(
            plan, actor=persona("manager"), scheduled_at=noon(1, 10), place="Room 4"
        )


def test_the_day_before_the_manager_and_the_employee_are_reminded_once(scheduled, run):
    summary, sent = run(0)
    assert to(sent) == [MANAGER, EMPLOYEE]
    assert {line.kind for line in summary.sent} == {Kind.CHECK_IN}
    assert "Room 4" in sent[0].body and "[dueprocess]" in sent[0].subject
    assert run(0)[1] == [] and run(1)[1] == []
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 2


def test_it_reminds_no_earlier_than_the_day_before(persona, zhang, run, django_capture_on_commit_callbacks):
    plan = published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))
    with django_capture_on_commit_callbacks(execute=True):
        actions.schedule_check_in(plan, actor=persona("manager"), scheduled_at=noon(5), place="Room 4")
    assert run(3)[1] == []
    assert to(run(4)[1]) == [MANAGER, EMPLOYEE]


def test_a_check_in_not_recorded_is_escalated_to_the_hr_partner_once(scheduled, run, events):
    run(0)
    assert run(3)[1] == []  # two days' grace to write the notes up
    summary, sent = run(4)
    assert to(sent) == [HRBP] and summary.escalations == 1
    assert "Overdue" in sent[0].subject and "No check-in has been recorded" in sent[0].body
    assert run(5)[1] == [] and run(20)[1] == []
    assert [e["level"] for e in events.of("reminders.escalated")] == [Level.ESCALATION]
    assert events.of("reminders.sent")[0]["to"] == ["employee", "manager"]


def test_a_recorded_check_in_is_not_escalated(scheduled, run, persona, zhang):
    run(0)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("dueprocess.plans.actions.progress.today", lambda: dt.date(2026, 11, 25))
        check_in(scheduled.plan, persona("manager"), [zhang], held_on=dt.date(2026, 11, 25))
    assert run(4)[1] == []
    assert not Reminder.objects.filter(level=Level.ESCALATION).exists()


def test_a_cancelled_check_in_reminds_nobody(scheduled, run, persona, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_check_in(scheduled, actor=persona("manager"), reason="Manager ill.")
    assert run(0)[1] == [] and run(4)[1] == []


def test_a_moved_check_in_is_reminded_again_for_its_new_day(
    scheduled, run, persona, django_capture_on_commit_callbacks
):
    run(0)
    with django_capture_on_commit_callbacks(execute=True):
        actions.reschedule_check_in(scheduled, actor=persona("manager"), scheduled_at=noon(3), place="Room 5")
    sent = run(2)[1]
    assert to(sent) == [MANAGER, EMPLOYEE] and "Room 5" in sent[0].body


def test_each_reader_gets_the_reminder_in_their_own_language(scheduled, run, persona):
    manager = persona("manager")
    manager.language = "en"
    manager.save()
    employee = persona("employee")
    employee.language = "zh-hans"
    employee.save()
    sent = {m.to[0]: m for m in run(0)[1]}
    assert "Nov. 25, 2026" in sent[MANAGER].body
    assert "2026年11月25日" in sent[EMPLOYEE].body
