"""After notice the employee may appeal within the window; someone who approved the decision may
not decide the appeal; an overturned decision ends the case and the employee stays."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from dueprocess.cases import actions
from dueprocess.cases.actions.hearing import APPEAL_DAYS
from dueprocess.cases.models import AppealOutcome, SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY


@pytest.fixture
def served(story):
    from dueprocess.cases import demo

    demo.load(today=DEMO_TODAY)
    return SeparationCase.objects.get(employee__number="XQ0007")


def test_the_employee_appeals_and_the_appeal_is_decided_by_someone_not_involved(served, persona):
    appeal = actions.lodge_appeal(served, actor=persona("employee"), lodged_on=DEMO_TODAY, grounds="Unfair.")
    with pytest.raises(ValidationError) as refused:
        actions.decide_appeal(
            appeal, actor=persona("hrbp"), outcome="upheld", decided_on=DEMO_TODAY, decision="x"
        )
    assert "someone else" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError):
        actions.close_case(served, actor=persona("hr.admin"))
    decided = actions.decide_appeal(
        appeal,
        actor=persona("hr.admin"),
        outcome="upheld",
        decided_on=DEMO_TODAY,
        decision="The plan was fair and the training real.",
    )
    assert decided.outcome == AppealOutcome.UPHELD
    assert SeparationCase.objects.get(pk=served.pk).stage == Stage.NOTICE_SERVED


def test_an_overturned_decision_withdraws_the_case(served, persona):
    appeal = actions.lodge_appeal(served, actor=persona("employee"), lodged_on=DEMO_TODAY, grounds="Unfair.")
    actions.decide_appeal(
        appeal,
        actor=persona("hr.admin"),
        outcome="overturned",
        decided_on=DEMO_TODAY,
        decision="The dependency delays were not weighed.",
    )
    case = SeparationCase.objects.get(pk=served.pk)
    assert case.stage == Stage.WITHDRAWN and case.employee.left_on is None


def test_an_appeal_after_the_window_is_refused(served, persona):
    late = DEMO_TODAY + dt.timedelta(days=APPEAL_DAYS + 1)
    with time_machine.travel(f"{late} 12:00 +08:00", tick=False), pytest.raises(ValidationError) as refused:
        actions.lodge_appeal(served, actor=persona("employee"), lodged_on=late, grounds="Late.")
    assert "lodged_on" in refused.value.message_dict and not served.appeals.exists()


def settle_required_tasks(case, actor) -> None:
    from dueprocess.offboarding.actions import complete_task, ensure_checklist
    from dueprocess.offboarding.models import OffboardingTask

    ensure_checklist(case, actor=actor)
    for task in OffboardingTask.objects.filter(checklist__case=case, legally_required=True, status="open"):
        complete_task(task, actor=actor)


def test_the_employment_ends_on_the_last_day_and_the_case_closes_after_offboarding(served, persona):
    admin = persona("hr.admin")
    case = actions.end_employment(served, actor=admin)
    assert case.employee.left_on == DEMO_TODAY
    actions.start_offboarding(case, actor=admin)
    with pytest.raises(ValidationError) as refused:
        actions.close_case(case, actor=admin)
    assert refused.value.messages and SeparationCase.objects.get(pk=case.pk).stage == Stage.OFFBOARDING
    settle_required_tasks(case, admin)
    closed = actions.close_case(case, actor=admin)
    assert closed.stage == Stage.CLOSED and closed.closed_on == DEMO_TODAY


def test_closing_checks_from_other_apps_stop_the_close(served, persona, monkeypatch):
    admin = persona("hr.admin")
    actions.end_employment(served, actor=admin)
    actions.start_offboarding(served, actor=admin)
    monkeypatch.setattr(actions.decision, "CLOSING_CHECKS", [lambda case: ["The certificate is not issued."]])
    with pytest.raises(ValidationError) as refused:
        actions.close_case(served, actor=admin)
    assert "The certificate is not issued." in refused.value.messages
    assert SeparationCase.objects.get(pk=served.pk).stage == Stage.OFFBOARDING
