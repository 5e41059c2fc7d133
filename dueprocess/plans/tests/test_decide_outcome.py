import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import Outcome, PlanStatus
from dueprocess.plans.tests.factories import ENDS, check_in, published


def test_a_plan_fails_on_the_evidence_of_its_check_ins(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    held = check_in(plan, persona("manager"), [zhang])
    decision = actions.decide_outcome(
        plan,
        actor=persona("hrbp"),
        outcome=Outcome.FAILED,
        check_ins=[held],
        summary="One of four releases on time; specs at 50%.",
    )
    plan.refresh_from_db()
    assert (plan.status, plan.closed_on) == (PlanStatus.FAILED, dt.date(2026, 11, 24))
    assert list(decision.check_ins.all()) == [held]
    data = events.of("plans.closed")[0]
    assert data["outcome"] == "failed" and data["check_ins"] == [str(held.public_id)]


def test_a_plan_cannot_fail_before_its_end_or_without_evidence(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.decide_outcome(
            plan,
            actor=persona("hrbp"),
            outcome="failed",
            summary="Not good enough.",
            decided_on=dt.date(2026, 11, 1),
        )
    assert {"decided_on", "evidence"} <= set(error.value.message_dict)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and not plan.outcomes.exists()


def test_an_extension_is_a_new_version_with_new_dates_to_acknowledge(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    actions.acknowledge_plan(plan, actor=persona("employee"))
    new_end = dt.date(2026, 12, 20)
    actions.decide_outcome(
        plan,
        actor=persona("manager"),
        outcome="extended",
        summary="Close; one more month.",
        new_ends_on=new_end,
    )
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE
    assert (plan.current.number, plan.current.ends_on, plan.current.is_acknowledged) == (2, new_end, False)
    assert events.types()[-1] == "plans.extended"


def test_an_extension_needs_a_later_end(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.decide_outcome(
            plan, actor=persona("manager"), outcome="extended", summary="x", new_ends_on=ENDS
        )
    assert "new_ends_on" in error.value.message_dict


def test_a_closed_plan_takes_no_second_outcome(persona, zhang):
    plan = published(persona("manager"), zhang)
    actions.decide_outcome(
        plan, actor=persona("manager"), outcome="passed", summary="All four releases on time."
    )
    with pytest.raises(ValidationError) as error:
        actions.decide_outcome(plan, actor=persona("manager"), outcome="passed", summary="Again")
    assert "plan" in error.value.message_dict


def test_the_employee_does_not_decide_their_own_outcome(persona, zhang):
    with pytest.raises(PermissionDenied):
        actions.decide_outcome(
            published(persona("manager"), zhang),
            actor=persona("employee"),
            outcome="passed",
            summary="I passed",
        )


def test_evidence_documents_are_stored_and_named_in_the_event(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    decision = actions.decide_outcome(
        plan, actor=persona("hrbp"), outcome="failed", summary="See the release log.",
        evidence=[("release-log.csv", "text/csv", b"release,agreed,shipped\n")],
    )  # fmt: skip
    (kept,) = decision.evidence.all()
    assert kept.name == "release-log.csv" and len(kept.sha256) == 64
    assert events.rows()[-1].documents == [kept.sha256]
