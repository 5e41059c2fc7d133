"""The checklist comes from the template for the case's law, each task due a set number of days from
the last day: in China the certificate on the last day and the file and social insurance within 15
days (LCL 50); in California the final wages on the last day (LC 201), or within 72 hours of a
resignation without notice (LC 202); in Great Britain the P45 on leaving and final pay by the next
payday."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.offboarding import actions
from dueprocess.offboarding.models import ChecklistTemplate, OwnerRole, TaskStatus
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, day, task


def due(checklist) -> dict[str, object]:
    return {t.kind: t.due_on for t in checklist.tasks.all()}


def test_china_the_certificate_on_the_last_day_and_the_file_and_insurance_within_15_days(checklist):
    dates = due(checklist)
    assert checklist.last_day == DEMO_TODAY
    assert dates["termination_certificate"] == DEMO_TODAY
    assert dates["personnel_file"] == dates["social_insurance"] == day(15)
    assert dates["final_wages"] == dates["severance"] == dates["pay_in_lieu"] == DEMO_TODAY
    required = {t.kind: t.article for t in checklist.tasks.filter(legally_required=True)}
    assert required["termination_certificate"] == required["personnel_file"] == "LCL 50"
    assert not task(checklist, "handover").legally_required


def test_california_final_wages_on_the_last_day(served_abroad, persona):
    case = served_abroad("XQ0016", "discharge", day(5))
    checklist = actions.create_checklist(case, actor=persona("hr.admin"))
    final = task(checklist, "final_wages")
    assert (final.due_on, final.article, final.legally_required) == (day(5), "LC 201", True)
    assert task(checklist, "change_notice").due_on == day(5)
    assert task(checklist, "cobra").due_on == day(35) and not task(checklist, "cobra").legally_required


def test_a_california_resignation_without_notice_uses_its_own_template_72_hours(served_abroad, persona):
    case = served_abroad("XQ0016", "resignation_without_notice", day(2))
    checklist = actions.create_checklist(case, actor=persona("hr.admin"))
    assert checklist.template.ground == "resignation_without_notice"
    final = task(checklist, "final_wages")
    assert (final.due_on, final.article) == (day(5), "LC 202")


def test_great_britain_the_p45_on_leaving_and_final_pay_by_the_next_payday(served_abroad, persona):
    case = served_abroad("XQ0014", "capability", day(10))
    checklist = actions.create_checklist(case, actor=persona("hr.admin"))
    assert task(checklist, "p45").due_on == day(10)
    final = task(checklist, "final_wages")
    assert (final.due_on, final.article) == (day(40), "WTR 1998 reg 14")
    assert not checklist.tasks.filter(kind="pay_in_lieu").exists(), "notice is worked, not paid in lieu"


def test_owners_hr_the_creator_the_handover_the_line_manager_and_it_unassigned(checklist, persona):
    hrbp, manager = persona("hrbp"), persona("manager")
    assert task(checklist, "termination_certificate").owner == hrbp
    handover = task(checklist, "handover")
    assert (handover.owner_role, handover.owner) == (OwnerRole.MANAGER, manager)
    assert task(checklist, "access").owner is None and task(checklist, "access").owner_role == OwnerRole.IT


def test_the_checklist_is_on_the_case_chain_with_every_due_date(offboarding, persona, events):
    actions.create_checklist(offboarding, actor=persona("hrbp"))
    (data,) = events.of("offboarding.checklist_created")
    assert data["case"] == str(offboarding.public_id) and data["last_day"] == DEMO_TODAY.isoformat()
    certificate = next(t for t in data["tasks"] if t["kind"] == "termination_certificate")
    assert certificate == {
        "kind": "termination_certificate",
        "due_on": "2026-11-24",
        "required": True,
        "article": "LCL 50",
    }


def test_tasks_start_open(checklist):
    assert set(checklist.tasks.values_list("status", flat=True)) == {TaskStatus.OPEN}


def test_it_can_be_created_once_notice_is_served_and_only_once(served, persona):
    actions.create_checklist(served, actor=persona("hrbp"))
    with pytest.raises(ValidationError) as refused:
        actions.create_checklist(served, actor=persona("hrbp"))
    assert "case" in refused.value.message_dict
    assert actions.ensure_checklist(served, actor=persona("hrbp")) == served.checklist


def test_it_is_refused_before_notice(served_abroad, persona):
    case = served_abroad("XQ0017", "incompetence", day(30), stage="approved")
    with pytest.raises(ValidationError) as refused:
        actions.create_checklist(case, actor=persona("hr.admin"))
    assert "notice" in " ".join(refused.value.message_dict["case"])


def test_no_pay_in_lieu_task_when_notice_is_worked(served_abroad, persona):
    case = served_abroad("XQ0017", "incompetence", day(30))
    checklist = actions.create_checklist(case, actor=persona("hr.admin"))
    assert not checklist.tasks.filter(kind="pay_in_lieu").exists()
    assert task(checklist, "personnel_file").due_on == day(45)


def test_without_a_template_for_the_law_it_says_so(served_abroad, persona):
    ChecklistTemplate.objects.filter(jurisdiction="GB").update(active=False)
    case = served_abroad("XQ0014", "capability", day(10))
    with pytest.raises(ValidationError) as refused:
        actions.create_checklist(case, actor=persona("hr.admin"))
    assert "GB" in refused.value.message_dict["template"][0]


@pytest.mark.parametrize("username", ["manager", "employee", "auditor", "other.manager"])
def test_only_those_running_the_case_create_it(offboarding, persona, username):
    with pytest.raises(PermissionDenied):
        actions.create_checklist(offboarding, actor=persona(username))
