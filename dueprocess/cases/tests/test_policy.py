"""Who may see and do what in a case, over every role (accounts.policy decides; these pin it)."""

from __future__ import annotations

import pytest

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase

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
