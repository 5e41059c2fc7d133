"""With time frozen: the retrospective is reminded from the day the case closes and escalated once
it is late; an improvement action's owner is reminded before its due date; each evaluation falls due
an interval after the last and is escalated when missed."""

import datetime as dt

from django.utils import translation

from dueprocess.learning import actions
from dueprocess.learning.reminders import ACTION, EVALUATION, RETROSPECTIVE
from dueprocess.learning.tests.conftest import at
from dueprocess.reminders import mail
from dueprocess.reminders.models import Level

HRBP, ADMIN, MANAGER = (
    "chen.simin@xingqiao.example",
    "zhou.yaqin@xingqiao.example",
    "liu.fang@xingqiao.example",
)


def sent(summary, kind, level=Level.REMINDER):
    return sorted(line.recipient for line in summary.sent if line.kind == kind and line.level == level)


def test_the_retrospective_is_reminded_on_the_day_the_case_closes(closed_case, run):
    summary, messages = run(0)
    assert sent(summary, RETROSPECTIVE) == ["hrbp"]
    (message,) = [m for m in messages if m.to == [HRBP]]
    with translation.override("zh-hans"):  # the HR partner reads Chinese
        assert mail.day(dt.date(2026, 12, 8)) in message.body
    assert f"/learning/retrospectives/case/{closed_case.public_id}/" in message.body
    assert sent(run(1)[0], RETROSPECTIVE) == []


def test_a_late_retrospective_is_escalated_once_to_the_hr_administrator(closed_case, run):
    run(0)
    assert sent(run(14)[0], RETROSPECTIVE, Level.ESCALATION) == []
    summary, messages = run(15)
    assert sent(summary, RETROSPECTIVE, Level.ESCALATION) == ["hr.admin"]
    assert [m.to for m in messages if "learning/retrospectives" in m.body] == [[ADMIN]]
    assert sent(run(16)[0], RETROSPECTIVE, Level.ESCALATION) == []


def test_completing_the_retrospective_stops_its_reminders(improvement_action, persona, run):
    actions.complete_retrospective(
        improvement_action.retrospective, actor=persona("hrbp"), summary="Earlier."
    )
    assert sent(run(15)[0], RETROSPECTIVE, Level.ESCALATION) == []


def test_an_open_case_brings_no_retrospective_reminder(served, run):
    assert sent(run(0)[0], RETROSPECTIVE) == []


def test_the_owner_is_reminded_a_week_before_the_action_is_due(improvement_action, run, persona):
    actions.complete_retrospective(
        improvement_action.retrospective, actor=persona("hrbp"), summary="Earlier."
    )
    assert sent(run(22)[0], ACTION) == []
    assert sent(run(23)[0], ACTION) == ["manager"]


def test_an_overdue_action_is_escalated_to_whoever_added_it_and_the_hr_administrator(improvement_action, run):
    run(23)
    summary, _messages = run(31)
    assert sent(summary, ACTION, Level.ESCALATION) == ["hr.admin", "hrbp"]


def test_an_action_done_in_time_is_not_escalated(improvement_action, run, persona):
    with at(20):
        actions.update_improvement_action(improvement_action, actor=persona("manager"), status="done")
    assert sent(run(31)[0], ACTION, Level.ESCALATION) == []


def test_the_evaluation_falls_due_an_interval_after_the_due_date(improvement_action, run):
    # Due on day 30, evaluated every 60 days: the first evaluation is due on day 90.
    assert improvement_action.next_evaluation_on() == improvement_action.due_on + dt.timedelta(days=60)
    assert sent(run(82)[0], EVALUATION) == []
    summary, messages = run(83)
    assert sent(summary, EVALUATION) == ["hrbp"]  # the owner never evaluates their own action
    assert [m.to for m in messages] == [[HRBP]]
    assert f"/learning/actions/{improvement_action.public_id}/" in messages[0].body


def test_a_missed_evaluation_is_escalated_after_a_week(improvement_action, run):
    run(83)
    assert sent(run(97)[0], EVALUATION, Level.ESCALATION) == []
    assert sent(run(98)[0], EVALUATION, Level.ESCALATION) == ["hr.admin"]


def test_an_evaluation_moves_the_next_one_on_by_the_interval(improvement_action, run, persona):
    with at(85):
        evaluation = actions.evaluate_improvement_action(
            improvement_action,
            actor=persona("hrbp"),
            was_done=True,
            effect="partly",
            evidence="Two of three.",
        )
    improvement_action.refresh_from_db()
    assert improvement_action.next_evaluation_on() == evaluation.evaluated_on + dt.timedelta(days=60)
    assert sent(run(98)[0], EVALUATION, Level.ESCALATION) == []
    assert sent(run(138)[0], EVALUATION) == ["hrbp"]


def test_an_action_that_worked_is_evaluated_no_more(improvement_action, run, persona):
    with at(85):
        actions.evaluate_improvement_action(
            improvement_action,
            actor=persona("hrbp"),
            was_done=True,
            effect="worked",
            evidence="No late reviews.",
        )
    assert improvement_action.next_evaluation_on() is None
    assert sent(run(145)[0], EVALUATION) == []
