"""Who may see and do what in a case, over every role (accounts.policy decides; these pin it)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dueprocess.accounts import policy
from dueprocess.cases import actions
from dueprocess.cases.models import SeparationCase
from dueprocess.cases.tests.conftest import DEMO_TODAY

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


@pytest.fixture
def case(open_case):
    return SeparationCase.objects.get(pk=open_case.pk)


@pytest.mark.parametrize(
    ("username", "sees", "manages", "overrides", "answers"),
    [
        ("hr.admin", True, True, False, True),
        ("hrbp", True, True, False, True),
        ("manager", True, False, False, False),
        ("legal", True, True, True, True),
        ("employee", False, False, False, True),
        ("auditor", True, False, False, False),
        ("other.manager", False, False, False, False),
    ],
)
def test_each_role(case, persona, username, sees, manages, overrides, answers):
    user = persona(username)
    assert policy.cases_visible_to(user).filter(pk=case.pk).exists() is sees
    assert policy.can_manage_case(user, case) is manages
    assert policy.can_override_finding(user, case) is overrides
    assert policy.can_answer_case(user, case) is answers


@pytest.mark.parametrize(
    ("username", "hr", "legal"),
    [
        ("hr.admin", True, False),
        ("hrbp", True, False),
        ("legal", False, True),
        ("manager", False, False),
        ("auditor", False, False),
        ("employee", False, False),
    ],
)
def test_who_approves_in_which_capacity(case, persona, username, hr, legal):
    user = persona(username)
    assert policy.can_approve_case(user, case, "hr") is hr
    assert policy.can_approve_case(user, case, "legal") is legal


@pytest.mark.parametrize("username", ROLES)
def test_only_the_hr_administrator_manages_layoffs(persona, demo_org, username):
    assert policy.can_manage_layoffs(persona(username)) is (username == "hr.admin")
    assert policy.can_open_case(persona(username), demo_org["XQ0007"]) is (username in ("hr.admin", "hrbp"))


@pytest.mark.parametrize(
    ("username", "before_shared", "once_shared"),
    [
        ("hr.admin", True, True),
        ("hrbp", True, True),
        # The line manager reads the case, not the files of the employee's defence (see the rule).
        ("manager", False, False),
        ("legal", True, True),
        ("employee", False, True),
        ("auditor", True, True),
        ("other.manager", False, False),
    ],
)
def test_who_reads_the_files_of_the_employees_statements(case, persona, username, before_shared, once_shared):
    user = persona(username)
    assert policy.can_read_case_evidence(user, case) is before_shared
    actions.invite_to_hearing(
        case, actor=persona("hrbp"), place="Room 3", attendees="HR", agenda="The plan.",
        scheduled_at=timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=2), dt.time(10))),
    )  # fmt: skip
    assert policy.can_read_case_evidence(user, case) is once_shared


def test_an_hr_partner_reads_no_statement_files_outside_their_departments(story, persona):
    admin = persona("hr.admin")
    case = actions.open_case(actor=admin, employee=story["XQ0010"], ground="incompetence", summary="S")
    assert policy.can_read_case_evidence(admin, case)
    assert not policy.can_read_case_evidence(persona("hrbp"), case)
