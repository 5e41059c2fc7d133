"""Zhang Wei's notice was served today with pay in lieu, so today is his last day (as in the demo's
case chapter). In Shanghai the certificate is due on that day and the file transfer within 15 days
(PRC LCL art. 50)."""

import pytest

from dueprocess.cases import actions
from dueprocess.reminders.due import DONE_CHECKS
from dueprocess.reminders.models import Kind, Level, Reminder
from dueprocess.reminders.tests.conftest import DEMO_TODAY, at, day, notice_served_today

HRBP, ADMIN = "chen.simin@xingqiao.example", "zhou.yaqin@xingqiao.example"


@pytest.fixture
def served(demo_org, persona):
    return notice_served_today(demo_org["XQ0007"], persona("hrbp"))


def kinds(summary, level=Level.REMINDER):
    return sorted(line.kind for line in summary.sent if line.level == level)


def test_on_the_last_day_hr_is_reminded_of_the_end_and_the_certificate_once(served, run):
    assert served.last_day == DEMO_TODAY
    summary, sent = run(0)
    assert kinds(summary) == [Kind.CERTIFICATE, Kind.NOTICE_END]
    assert {m.to[0] for m in sent} == {HRBP}
    assert any("LCL art. 50" in m.body for m in sent)
    assert run(0)[1] == []


def test_the_next_day_both_are_escalated_to_the_hr_administrator_once(served, run, events):
    run(0)
    summary, sent = run(1)
    assert kinds(summary, Level.ESCALATION) == [Kind.CERTIFICATE, Kind.NOTICE_END]
    assert {m.to[0] for m in sent} == {ADMIN}
    assert run(1)[1] == [] and run(2)[1] == []
    chain_events = [e for e in events.rows() if e.type == "reminders.escalated"]
    assert {e.chain.subject_key for e in chain_events} == {served.chain_key}


def test_recording_the_end_of_employment_stops_the_notice_reminder(served, run, persona):
    with at(0):
        actions.end_employment(served, actor=persona("hrbp"))
    summary, _sent = run(1)
    assert kinds(summary, Level.ESCALATION) == [Kind.CERTIFICATE]


def test_a_certificate_issued_stops_its_escalation(served, run, monkeypatch):
    """What "issued" means comes from the letters app through DONE_CHECKS; here, a stand-in."""
    monkeypatch.setitem(DONE_CHECKS, Kind.CERTIFICATE, [lambda due: due.target.pk == served.pk])
    summary, _sent = run(1)
    assert Kind.CERTIFICATE not in kinds(summary, Level.ESCALATION)


def test_the_file_transfer_is_reminded_five_days_ahead_and_escalated_after_15_days(served, run, persona):
    with at(0):
        actions.end_employment(served, actor=persona("hrbp"))
    assert Kind.FILE_TRANSFER not in kinds(run(9)[0])
    summary, sent = run(10)
    assert kinds(summary) == [Kind.FILE_TRANSFER] and "within 15 days" in sent[0].body
    assert Reminder.objects.get(kind=Kind.FILE_TRANSFER).due_on == day(15)
    assert run(15)[1] == []
    assert kinds(run(16)[0], Level.ESCALATION) == [Kind.FILE_TRANSFER]
    assert run(17)[1] == []


from dueprocess.cases.tests.test_appeal import settle_required_tasks  # noqa: E402


def test_a_closed_case_has_nothing_due(served, run, persona):
    with at(0):
        actions.end_employment(served, actor=persona("hrbp"))
        actions.start_offboarding(served, actor=persona("hrbp"))
        settle_required_tasks(served, persona("hr.admin"))
        actions.close_case(served, actor=persona("hrbp"))
    assert run(0)[1] == [] and run(16)[1] == []


def test_a_chinese_reader_gets_the_reminder_in_chinese(served, run):
    from dueprocess.accounts.models import User

    User.objects.filter(username="hrbp").update(language="zh-hans")
    sent = run(0)[1]
    assert any("《劳动合同法》第五十条" in m.body for m in sent)
