"""A case cannot close while a task the law requires is open; once each is done (or set aside by
legal counsel, with the reason on the record) it closes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dueprocess.cases import actions as cases
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding import actions
from dueprocess.offboarding.models import TaskStatus


def test_the_case_refuses_to_close_while_a_required_task_is_open(checklist, persona):
    with pytest.raises(ValidationError) as refused:
        cases.close_case(checklist.case, actor=persona("hrbp"))
    problems = " ".join(refused.value.message_dict["case"])
    assert "Termination certificate issued" in problems and "LCL 50" in problems
    assert "2026-12-09" in problems, "the file transfer's due date is named"
    assert "Handover" not in problems, "a task the law does not require does not stop the close"
    assert SeparationCase.objects.get(pk=checklist.case_id).stage == Stage.OFFBOARDING


def test_it_closes_once_every_required_task_is_settled(checklist, persona):
    hrbp = persona("hrbp")
    required = list(checklist.tasks.filter(legally_required=True).order_by("pk"))
    for task in required[:-1]:
        actions.complete_task(task, actor=hrbp, note="Done.")
    with pytest.raises(ValidationError):
        cases.close_case(checklist.case, actor=hrbp)
    actions.mark_not_applicable(required[-1], actor=persona("legal"), reason="Handled by the agency.")
    assert checklist.tasks.filter(kind="handover", status=TaskStatus.OPEN).exists()
    closed = cases.close_case(checklist.case, actor=hrbp)
    assert closed.stage == Stage.CLOSED


def test_a_case_without_a_checklist_is_held_back_until_it_has_one(offboarding):
    from dueprocess.offboarding.closing import open_required_tasks

    assert open_required_tasks(offboarding) == [
        "Draw up the offboarding checklist first: the tasks the law requires are on it."
    ]
