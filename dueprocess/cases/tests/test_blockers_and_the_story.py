"""The product manager's case walks from evidence to notice through the actions. Each blocker and
missing step stops the move that needs it, and clears when the missing step is done."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dueprocess.cases import actions, assessing
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY, day
from dueprocess.plans.models import ImprovementPlan

TODAY = DEMO_TODAY


def codes(case) -> set[str]:
    return {f.code for f in assessing.evaluate(SeparationCase.objects.get(pk=case.pk), TODAY).standing}


def articles(error: ValidationError) -> str:
    return " ".join(error.messages)


def hold_hearing(case, hrbp, *, held_on=TODAY, due=None):
    at = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(10)))
    hearing = actions.invite_to_hearing(
        case, actor=hrbp, scheduled_at=at, place="Room 5", attendees="HR, manager"
    )
    return actions.record_hearing(
        hearing, actor=hrbp, held_on=held_on, minutes="Heard.", employee_attended=True, response_due_on=due
    )


def test_the_case_is_not_lawful_until_training_union_and_hearing_are_on_record(open_case, persona, zhang):
    found = {f.article for f in assessing.evaluate(open_case, TODAY).standing}
    assert {"LCL 40(2)", "LCL 43", "Case procedure"} <= found


def test_linking_the_plan_with_training_clears_the_lcl_40_2_missing_step(open_case, persona, zhang):
    assert "CN.LCL.40.2.TRAINING" in codes(open_case) or any("40" in c for c in codes(open_case))
    before = {f.article for f in assessing.evaluate(open_case, TODAY).standing}
    actions.link_evidence(open_case, ImprovementPlan.objects.get(employee=zhang), actor=persona("hrbp"))
    after = {
        f.article for f in assessing.evaluate(SeparationCase.objects.get(pk=open_case.pk), TODAY).standing
    }
    assert "LCL 40(2)" in before and "LCL 40(2)" not in after


def test_notifying_the_union_clears_lcl_43_and_an_unanswered_objection_stands(open_case, persona):
    hrbp = persona("hrbp")
    notice = actions.notify_union(open_case, actor=hrbp, union="Union", notified_on=TODAY, content="Reasons.")
    standing = {f.article for f in assessing.evaluate(open_case, TODAY).standing}
    assert "LCL 43" not in standing
    actions.record_union_reply(notice, actor=hrbp, replied_on=TODAY, reply="We object.", objects=True)
    assert "CASE.UNION_ANSWER" in codes(open_case)
    actions.answer_union(notice, actor=hrbp, answered_on=TODAY, answer="Considered; the plan was fair.")
    assert "CASE.UNION_ANSWER" not in codes(open_case)


def test_the_decision_waits_until_the_employee_is_heard_and_the_window_closes(open_case, persona):
    hrbp, employee = persona("hrbp"), persona("employee")
    with pytest.raises(ValidationError) as refused:
        actions.request_decision(open_case, actor=hrbp)
    assert "not been heard" in articles(refused.value)
    hold_hearing(open_case, hrbp, due=TODAY + dt.timedelta(days=3))
    with pytest.raises(ValidationError) as refused:
        actions.request_decision(open_case, actor=hrbp)
    assert "answer in writing until" in articles(refused.value)
    actions.submit_statement(open_case, actor=employee, text="I disagree.")
    case = actions.request_decision(open_case, actor=hrbp)
    assert case.stage == Stage.DECISION_PENDING


def _ready_for_approval(case, persona, zhang):
    hrbp = persona("hrbp")
    actions.link_evidence(case, ImprovementPlan.objects.get(employee=zhang), actor=hrbp)
    actions.notify_union(case, actor=hrbp, union="Union", notified_on=TODAY, content="Reasons.")
    hold_hearing(case, hrbp, due=TODAY)
    actions.submit_statement(case, actor=persona("employee"), text="My answer.")
    return actions.request_decision(case, actor=hrbp)


def test_approval_refuses_while_a_missing_step_stands_and_needs_both_hr_and_legal(open_case, persona, zhang):
    hrbp, legal = persona("hrbp"), persona("legal")
    actions.notify_union(open_case, actor=hrbp, union="Union", notified_on=TODAY, content="Reasons.")
    hold_hearing(open_case, hrbp, due=TODAY)
    actions.submit_statement(open_case, actor=persona("employee"), text="My answer.")
    case = actions.request_decision(open_case, actor=hrbp)
    with pytest.raises(ValidationError) as refused:
        actions.decide_approval(case, actor=hrbp, capacity="hr", decision="approved")
    assert "LCL 40(2)" in articles(refused.value)
    actions.link_evidence(case, ImprovementPlan.objects.get(employee=zhang), actor=hrbp)
    actions.decide_approval(case, actor=hrbp, capacity="hr", decision="approved")
    assert SeparationCase.objects.get(pk=case.pk).stage == Stage.DECISION_PENDING
    actions.decide_approval(case, actor=legal, capacity="legal", decision="approved")
    assert SeparationCase.objects.get(pk=case.pk).stage == Stage.APPROVED


def test_a_rejection_needs_a_reason_and_resets_the_approvals(open_case, persona, zhang):
    case = _ready_for_approval(open_case, persona, zhang)
    hrbp, legal = persona("hrbp"), persona("legal")
    actions.decide_approval(case, actor=hrbp, capacity="hr", decision="approved")
    with pytest.raises(ValidationError):
        actions.decide_approval(case, actor=legal, capacity="legal", decision="rejected", note="  ")
    actions.decide_approval(case, actor=legal, capacity="legal", decision="rejected", note="Weak evidence.")
    assert actions.approvals_missing(case) == ["hr", "legal"]


def test_notice_too_short_is_refused_and_thirty_days_is_served_with_n(open_case, persona, zhang):
    case = _ready_for_approval(open_case, persona, zhang)
    hrbp = persona("hrbp")
    actions.decide_approval(case, actor=hrbp, capacity="hr", decision="approved")
    actions.decide_approval(case, actor=persona("legal"), capacity="legal", decision="approved")
    actions.plan_termination(case, actor=hrbp, notice_given_on=TODAY, last_day=TODAY + dt.timedelta(days=10))
    with pytest.raises(ValidationError) as refused:
        actions.serve_notice(case, actor=hrbp)
    assert "LCL 40" in articles(refused.value)
    assert SeparationCase.objects.get(pk=case.pk).stage == Stage.APPROVED
    actions.plan_termination(case, actor=hrbp, notice_given_on=TODAY, last_day=TODAY + dt.timedelta(days=30))
    served = actions.serve_notice(case, actor=hrbp)
    assessment = served.latest_assessment
    assert served.stage == Stage.NOTICE_SERVED and assessment.purpose == "serve_notice" and assessment.lawful
    assert Decimal(assessment.result["total"]) == Decimal(assessment.result["severance"]["amount"])


def test_the_demo_case_is_served_with_n_plus_one(story):
    from dueprocess.cases import demo

    demo.load(today=TODAY)
    case = SeparationCase.objects.get(employee__number="XQ0007")
    result = case.latest_assessment.result
    assert case.stage == Stage.NOTICE_SERVED and case.pay_in_lieu and case.last_day == TODAY
    severance, in_lieu = Decimal(result["severance"]["amount"]), Decimal(result["notice"]["pay_in_lieu"])
    assert in_lieu > 0 and Decimal(result["total"]) == severance + in_lieu
    assert [a.capacity for a in case.approvals.all()] == ["hr", "legal"]
    blocked = SeparationCase.objects.get(employee__number="XQ0010")
    assert [f["article"] for f in blocked.latest_assessment.result["blockers"]] == ["LCL 42(4)"]
    counts = (SeparationCase.objects.count(), case.assessments.count())
    demo.load(today=TODAY)
    assert (SeparationCase.objects.count(), case.assessments.count()) == counts


def test_the_day_of_the_hearing_precedes_the_notice_in_the_demo_timeline(story, persona):
    from dueprocess.cases import demo
    from dueprocess.cases.timeline import timeline

    demo.load(today=TODAY)
    case = SeparationCase.objects.get(employee__number="XQ0007")
    entries = timeline(case, persona("hrbp"))
    types = [e.type for e in entries]
    assert types.index("reviews.submitted") < types.index("plans.closed") < types.index("cases.opened")
    assert types.index("cases.hearing_held") < types.index("cases.notice_served")
    assert [e.on for e in entries] == sorted(e.on for e in entries)
    assert entries[-1].on == TODAY and day(400) < entries[0].on
