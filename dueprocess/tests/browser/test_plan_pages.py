"""Zhang Wei's improvement plan as his manager sees it, as he sees it himself, and as a manager of
another team does not see it at all."""

import pytest

from dueprocess.people.models import Employee
from dueprocess.plans.models import ImprovementPlan
from dueprocess.tests.browser.helpers import login_as, screenshot

pytestmark = pytest.mark.browser
ZHANG_WEI = "XQ0007"


def zhang_wei() -> Employee:
    return Employee.objects.get(number=ZHANG_WEI)


def his_plan() -> ImprovementPlan:
    return ImprovementPlan.objects.filter(employee__number=ZHANG_WEI).latest("created_at")


def test_the_manager_sees_zhang_weis_plan(page):
    plan = his_plan()
    login_as(page, "manager")
    response = page.goto(f"/plans/{plan.public_id}/")
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("Improvement plan")
    assert zhang_wei().legal_name in page.locator("h1").inner_text()
    assert page.locator("table, ol, ul").count() > 0
    screenshot(page, "plan-zhang-wei-manager")


def test_zhang_wei_sees_his_own_plan_in_his_portal(page):
    plan = his_plan()
    login_as(page, "employee")
    response = page.goto(f"/portal/plans/{plan.public_id}/")
    assert response.status == 200
    assert page.locator("h1").inner_text().startswith("My improvement plan")
    screenshot(page, "plan-zhang-wei-employee")


@pytest.mark.parametrize("path", ["/people/{employee}/", "/plans/{plan}/"])
def test_a_manager_of_another_team_finds_nothing_of_zhang_wei(page, path):
    login_as(page, "other.manager")
    response = page.goto(path.format(employee=zhang_wei().public_id, plan=his_plan().public_id))
    assert response.status == 404
    assert zhang_wei().legal_name not in page.content()
    screenshot(page, f"not-found-other-manager-{path.split('/')[1]}")
