"""Who sees which employee, and who sees sensitive data: one test over every role."""

import pytest

from dueprocess.accounts import policy

PROTAGONIST, HIS_MANAGER, ANOTHER_TEAM, LONDON = "XQ0007", "XQ0006", "XQ0010", "XQ0015"
SALES_REP = "XQ0022"  # a generated member of the sales team (TEAMS[3])

# username -> (sees the protagonist, sees another team's engineer, sees London, sees the sales team)
VISIBILITY = {
    "hr.admin": (True, True, True, True),
    "legal": (True, True, True, True),
    "auditor": (True, True, True, True),
    "hrbp": (True, False, False, True),
    "manager": (True, False, False, False),
    "employee": (True, False, False, False),
    "other.manager": (False, True, False, False),
}


@pytest.mark.parametrize("username", VISIBILITY)
def test_each_role_sees_exactly_the_employees_in_its_scope(demo_org, persona, username):
    user = persona(username)
    visible = set(policy.employees_visible_to(user).values_list("number", flat=True))
    expected = dict(zip([PROTAGONIST, ANOTHER_TEAM, LONDON, SALES_REP], VISIBILITY[username], strict=True))
    assert {number: number in visible for number in expected} == expected


def test_a_manager_sees_their_whole_reporting_line_at_any_depth(demo_org, persona):
    vp = persona("manager")
    vp.employee = demo_org["XQ0005"]  # the VP of Product, two levels above the protagonist
    vp.save()
    visible = set(policy.employees_visible_to(vp).values_list("number", flat=True))
    assert {"XQ0005", "XQ0006", "XQ0007", "XQ0008"} <= visible
    assert "XQ0009" not in visible


def test_a_manager_loses_sight_of_someone_who_moves_to_another_line(demo_org, persona):
    manager = persona("manager")
    protagonist = demo_org[PROTAGONIST]
    protagonist.manager = demo_org["XQ0011"]
    protagonist.save()
    assert not policy.can_view_employee(manager, protagonist)


@pytest.mark.parametrize(
    "username, allowed",
    [("hr.admin", True), ("hrbp", True), ("legal", True), ("auditor", True), ("manager", False),
     ("employee", True), ("other.manager", False)],
)  # fmt: skip
def test_only_hr_legal_auditors_and_the_person_see_sensitive_data(demo_org, persona, username, allowed):
    assert policy.can_view_sensitive(persona(username), demo_org[PROTAGONIST]) is allowed


def test_an_hr_partner_does_not_see_sensitive_data_outside_their_departments(demo_org, persona):
    assert not policy.can_view_sensitive(persona("hrbp"), demo_org[ANOTHER_TEAM])


def test_an_inactive_or_anonymous_user_sees_nothing(demo_org, persona):
    from django.contrib.auth.models import AnonymousUser

    admin = persona("hr.admin")
    admin.is_active = False
    assert not policy.employees_visible_to(admin).exists()
    assert not policy.employees_visible_to(AnonymousUser()).exists()
    assert not policy.can_view_sensitive(AnonymousUser(), demo_org[PROTAGONIST])


@pytest.mark.parametrize(
    "username, allowed",
    [("hr.admin", True), ("hrbp", False), ("legal", False), ("auditor", False), ("manager", False),
     ("employee", False), ("other.manager", False)],
)  # fmt: skip
def test_only_the_hr_administrator_manages_people_data(demo_org, persona, username, allowed):
    assert policy.can_manage_people_data(persona(username)) is allowed


@pytest.mark.parametrize(
    "username, record, read_log",
    [("hr.admin", True, False), ("hrbp", False, False), ("legal", True, False), ("auditor", True, True),
     ("manager", False, False), ("employee", False, False), ("other.manager", False, False)],
)  # fmt: skip
def test_the_navigation_offers_the_record_and_read_log_only_to_those_allowed(
    demo_org, client_as, username, record, read_log
):
    page = client_as(username).get("/").content.decode()
    assert ('href="/records/"' in page) is record
    assert ('href="/records/read-log/"' in page) is read_log
