"""The portal's rules over every role: each person sees only their own records, and of their own
case only once they have been told of it."""

import pytest

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase

ROLES = ["hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]


@pytest.mark.parametrize("username", ROLES)
def test_everyone_gets_only_their_own_records(told, persona, username):
    user = persona(username)
    for rule in (
        policy.plans_shared_with,
        policy.reviews_shared_with,
        policy.warnings_given_to,
        policy.cases_shared_with,
    ):
        assert {row.employee_id for row in rule(user)} <= {user.employee_id}
    own = set(policy.documents_shared_with(user).values_list("statement__case__employee", flat=True))
    assert own <= {user.employee_id}


@pytest.mark.parametrize("username", ROLES)
def test_only_zhang_wei_is_shown_his_case_and_its_evidence(told, persona, username):
    user, case = persona(username), SeparationCase.objects.get(employee__number="XQ0007")
    assert policy.case_shared_with(user, case) is (username == "employee")
    assert policy.documents_shared_with(user).exists() is (username == "employee")


def test_the_auditor_without_a_record_of_their_own_has_no_portal(demo_org, persona):
    assert not policy.can_use_portal(persona("auditor"))
    assert policy.can_use_portal(persona("hrbp")) and not policy.portal_is_home(persona("hrbp"))
    assert policy.portal_is_home(persona("employee"))


def test_a_case_still_being_prepared_is_not_shared_until_a_hearing_or_the_notice(open_case, persona):
    from dueprocess.portal.tests.conftest import invite

    employee = persona("employee")
    assert not policy.case_shared_with(employee, open_case)
    invite(open_case, persona("hrbp"))
    assert policy.case_shared_with(employee, open_case)


def test_the_employee_never_reaches_their_case_as_an_internal_file(told, persona):
    assert not policy.cases_visible_to(persona("employee")).filter(employee__number="XQ0007").exists()


def test_drafts_and_unshared_reviews_stay_with_those_preparing_them(demo_org, persona, zhang, cycle):
    from dueprocess.plans.tests.factories import draft
    from dueprocess.reviews.tests.factories import draft_review

    draft(persona("manager"), zhang)
    draft_review(persona("manager"), cycle, zhang)
    employee = persona("employee")
    assert not policy.plans_shared_with(employee).exists()
    assert not policy.reviews_shared_with(employee).exists()
