import datetime as dt

import pytest

from dueprocess.cases.models import CaseAssessment, SeparationCase, Stage
from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published
from dueprocess.reminders.finders import final_pay_due_on
from dueprocess.reminders.models import Kind, Level
from dueprocess.reminders.tests.conftest import day, to

MANAGER, HRBP = "liu.fang@xingqiao.example", "chen.simin@xingqiao.example"
ADMIN, LEGAL = "zhou.yaqin@xingqiao.example", "zhao.lixin@xingqiao.example"


@pytest.fixture
def plan(persona, zhang):
    return published(persona("manager"), zhang, ends_on=day(3))


def test_the_manager_is_reminded_three_days_before_the_plan_ends(plan, run):
    assert run(-1)[1] == []
    summary, sent = run(0)
    assert to(sent) == [MANAGER] and [line.kind for line in summary.sent] == [Kind.PLAN_END]
    assert "decide its outcome" in sent[0].body
    assert run(3)[1] == []


def test_a_plan_still_active_after_its_end_is_escalated_once(plan, run):
    run(0)
    summary, sent = run(4)
    assert to(sent) == [HRBP] and summary.escalations == 1
    assert run(5)[1] == []


def test_an_extension_moves_the_deadline(plan, run, persona):
    run(0)
    actions.decide_outcome(
        plan, actor=persona("hrbp"), outcome="extended", summary="Nearly there.", new_ends_on=day(20)
    )
    assert run(4)[1] == []
    assert to(run(17)[1]) == [MANAGER]


@pytest.fixture
def california(demo_org, persona):
    """Daniel Reyes, San Francisco: discharged, last day tomorrow (a stand-in for the case's steps)."""
    return SeparationCase.objects.create(
        employee=demo_org["XQ0016"],
        jurisdiction="US-CA",
        ground="misconduct",
        summary="Discharged.",
        opened_by=persona("hr.admin"),
        opened_on=day(-30),
        stage=Stage.NOTICE_SERVED,
        notice_given_on=day(-14),
        notice_served_on=day(-14),
        last_day=day(1),
    )


def test_final_pay_is_reminded_before_the_last_day_and_escalated_with_legal_counsel(california, run):
    summary, sent = run(0)
    assert [line.kind for line in summary.sent if line.kind == Kind.FINAL_PAY] == [Kind.FINAL_PAY]
    assert ADMIN in to(sent)  # nobody looks after International: the HR administrator
    assert any("LC 201" in m.body for m in sent)
    summary, sent = run(2)
    escalated = [line for line in summary.sent if line.kind == Kind.FINAL_PAY]
    assert {line.level for line in escalated} == {Level.ESCALATION}
    assert {line.recipient for line in escalated} == {"hr.admin", "legal"}
    assert "LC 203" in next(m.body for m in sent if LEGAL in m.to)
    assert [line for line in run(3)[0].sent if line.kind == Kind.FINAL_PAY] == []


def test_a_quit_pays_by_the_day_the_assessment_names(california, persona):
    CaseAssessment.objects.create(
        case=california,
        number=1,
        purpose="serve_notice",
        facts={},
        result={"deadlines": [{"what": "Pay all final wages", "due_on": "2026-11-28", "article": "LC 202"}]},
        result_zh={},
        lawful=True,
        assessed_by=persona("hr.admin"),
    )
    assert final_pay_due_on(california) == dt.date(2026, 11, 28)
