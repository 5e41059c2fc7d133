"""A task is done by those who run the case, or by its owner (the line manager's handover); each is
on the record with the day it was done and whether that was after it was due."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.offboarding import actions
from dueprocess.offboarding.models import TaskStatus
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, day, task


def test_hr_completes_a_task_with_a_note(checklist, persona, events):
    done = actions.complete_task(
        task(checklist, "assets"), actor=persona("hrbp"), note="Laptop and badge back."
    )
    assert (done.status, done.done_on, done.done_by) == (TaskStatus.DONE, DEMO_TODAY, persona("hrbp"))
    (data,) = events.of("offboarding.task_completed")
    assert data["task"] == "assets" and data["late"] is False and data["note"] == "Laptop and badge back."


def test_the_line_manager_does_the_handover_they_own_but_nothing_else(checklist, persona):
    manager = persona("manager")
    assert actions.complete_task(task(checklist, "handover"), actor=manager).status == TaskStatus.DONE
    with pytest.raises(PermissionDenied):
        actions.complete_task(task(checklist, "termination_certificate"), actor=manager)


@pytest.mark.parametrize("username", ["other.manager", "employee", "auditor"])
def test_others_cannot(checklist, persona, username):
    with pytest.raises(PermissionDenied):
        actions.complete_task(task(checklist, "handover"), actor=persona(username))


def test_a_task_done_late_says_so(checklist, persona, events):
    import time_machine

    with time_machine.travel(f"{day(20)} 12:00 +08:00", tick=False):
        actions.complete_task(task(checklist, "personnel_file"), actor=persona("hrbp"), done_on=day(18))
    (data,) = events.of("offboarding.task_completed")
    assert data["late"] is True and data["on"] == day(18).isoformat()


def test_no_day_to_come_and_no_second_time(checklist, persona):
    certificate = task(checklist, "termination_certificate")
    with pytest.raises(ValidationError) as refused:
        actions.complete_task(certificate, actor=persona("hrbp"), done_on=day(1))
    assert "done_on" in refused.value.message_dict
    actions.complete_task(certificate, actor=persona("hrbp"))
    with pytest.raises(ValidationError) as again:
        actions.complete_task(certificate, actor=persona("hrbp"))
    assert "task" in again.value.message_dict


def test_a_task_can_be_assigned_to_someone_who_reads_the_case(checklist, persona, events):
    access = task(checklist, "access")
    assigned = actions.assign_task(access, actor=persona("hrbp"), owner=persona("hr.admin"))
    assert (
        assigned.owner == persona("hr.admin")
        and events.of("offboarding.task_assigned")[0]["owner"] == "hr.admin"
    )
    with pytest.raises(ValidationError) as refused:
        actions.assign_task(access, actor=persona("hrbp"), owner=persona("other.manager"))
    assert "owner" in refused.value.message_dict
