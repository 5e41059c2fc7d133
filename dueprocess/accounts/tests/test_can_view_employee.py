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


@pytest.mark.parametrize("username", ["hrbp", "manager"])
def test_within_one_request_each_answer_is_asked_of_the_database_once(
    demo_org, persona, username, django_assert_num_queries
):
    user, zhang = persona(username), demo_org["XQ0007"]
    with policy.answers_kept():
        with django_assert_num_queries(1):
            assert policy.can_view_employee(user, zhang)
        with django_assert_num_queries(0):
            assert policy.can_view_employee(user, zhang)
            assert policy.can_view_sensitive(user, zhang) is (username == "hrbp")
    with django_assert_num_queries(1):  # outside a request nothing is kept
        assert policy.can_view_employee(user, zhang)


def test_a_page_asks_about_its_employee_once(demo_org, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as("hrbp")
    with CaptureQueriesContext(connection) as page:
        assert client.get(f"/people/{demo_org['XQ0007'].public_id}/").status_code == 200
    scope_checks = [
        q for q in page.captured_queries if "SELECT 1 AS" in q["sql"] and "people_employee" in q["sql"]
    ]
    assert len(scope_checks) == 1  # five without the middleware
