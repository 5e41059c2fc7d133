"""can_view_employee answers for one person without listing everyone in scope (a manager's line is
walked up from the person); it must agree with employees_visible_to for every role and person."""

from __future__ import annotations

import pytest

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee

USERNAMES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


def agrees(user: User) -> None:
    visible = set(policy.employees_visible_to(user).values_list("pk", flat=True))
    assert {e.pk for e in Employee.objects.all() if policy.can_view_employee(user, e)} == visible


@pytest.mark.parametrize("username", USERNAMES)
def test_it_agrees_with_the_list_of_employees_in_scope(demo_org, persona, username):
    agrees(persona(username))


def test_it_agrees_for_a_manager_two_levels_up_and_after_a_move(demo_org, persona):
    vp = persona("manager")
    vp.employee = demo_org["XQ0005"]  # the VP of Product, two levels above the protagonist
    vp.save()
    assert policy.can_view_employee(vp, demo_org["XQ0007"])
    agrees(vp)
    moved = demo_org["XQ0007"]
    moved.manager = demo_org["XQ0011"]  # into another team's line
    moved.save()
    assert not policy.can_view_employee(vp, moved)
    agrees(vp)


def test_an_inactive_user_sees_no_one(demo_org, persona):
    admin = persona("hr.admin")
    admin.is_active = False
    assert not policy.can_view_employee(admin, demo_org["XQ0007"])
