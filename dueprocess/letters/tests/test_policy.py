"""Who reads, writes and answers letters, over every role: those who run the case or the plan write
its letters, those who may read it read them, the employee reads only what was delivered to them,
and a manager of another team sees nothing."""

from __future__ import annotations

import pytest

from dueprocess.accounts import policy
from dueprocess.letters import actions
from dueprocess.plans.models import ImprovementPlan

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]
EVERYTHING = {"notice", "undelivered", "plan_notice"}


@pytest.fixture
def letters(zhang_case, persona, zhang):
    plan = ImprovementPlan.objects.get(employee=zhang)
    notice = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    undelivered = actions.issue_letter("mutual_agreement", zhang_case, "zh-hans", actor=persona("hrbp"))
    plan_notice = actions.issue_letter("plan_notice", plan, "zh-hans", actor=persona("manager"))
    notice = actions.deliver_letter(notice, actor=persona("hrbp"), email=False)
    return {
        "notice": notice,
        "undelivered": undelivered,
        "plan_notice": plan_notice,
        "plan": plan,
        "case": zhang_case,
    }


def test_who_reads_which_letter(letters, persona):
    # The notice and the agreement state the severance, worked out from the wage: the line manager,
    # who may not see wages, reads the plan's letter only.
    expected = {role: EVERYTHING for role in ROLES} | {
        "employee": {"notice"},
        "manager": {"plan_notice"},
        "other.manager": set(),
    }
    for username in ROLES:
        visible = set(policy.letters_visible_to(persona(username)).values_list("pk", flat=True))
        assert {name for name in EVERYTHING if letters[name].pk in visible} == expected[username], username


def test_who_writes_letters_about_the_case_and_the_plan(letters, persona):
    writes_case = {"hr.admin", "hrbp", "legal"}
    writes_plan = {"hr.admin", "hrbp", "manager"}
    for username in ROLES:
        user = persona(username)
        assert policy.can_issue_letter(user, letters["case"]) is (username in writes_case), username
        assert policy.can_issue_letter(user, letters["plan"]) is (username in writes_plan), username
        assert policy.can_manage_letter(user, letters["notice"]) is (username in writes_case), username


def test_only_the_employee_acknowledges_and_only_what_was_delivered(letters, persona):
    for username in ROLES:
        user = persona(username)
        assert policy.can_acknowledge_letter(user, letters["notice"]) is (username == "employee"), username
        assert policy.can_acknowledge_letter(user, letters["undelivered"]) is False
        assert list(policy.letters_for_employee(user)) == (
            [letters["notice"]] if username == "employee" else []
        )


def test_only_the_hr_administrator_edits_templates(demo_org, persona):
    for username in ROLES:
        assert policy.can_edit_letter_templates(persona(username)) is (username == "hr.admin"), username
