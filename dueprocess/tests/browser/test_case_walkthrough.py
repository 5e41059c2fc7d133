"""The product manager's case, from his failed plan to the notice, walked in the browser by each role
in turn: the manager reads the plan, the HR partner opens the case and runs it, the employee answers
in his portal, legal counsel approves in Chinese, the auditor reads, another team's manager is kept
out. The demo's story up to the failed plan is loaded; the case itself is made through the pages.

The steps depend on each other, so the module's tests run in order on one demo.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dueprocess.tests.browser.helpers import login_as, screenshot

ZHANG_WEI = "XQ0007"
# The demo up to the failed plan: the case is what this module makes.
DEMO_APPS = ["people", "accounts", "reviews", "plans"]

pytestmark = pytest.mark.browser


def zhang():
    from dueprocess.people.models import Employee

    return Employee.objects.get(number=ZHANG_WEI)


def the_case():
    from dueprocess.cases.models import SeparationCase

    return SeparationCase.objects.get(employee__number=ZHANG_WEI)


def submit(page, name: str, fields: dict[str, str] | None = None, checks: tuple[str, ...] = ()) -> None:
    """Fill and send the case page's form for one move (its fields are prefixed with the move's name)."""
    form = page.locator(f'form[action$="/do/{name}/"]').first
    for field, value in (fields or {}).items():
        form.locator(f'[name="{name}-{field}"]').fill(value)
    for field in checks:
        form.locator(f'[name="{name}-{field}"]').check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_the_manager_reads_the_failed_plan(page):
    from dueprocess.plans.models import ImprovementPlan

    login_as(page, "manager")
    plan = ImprovementPlan.objects.get(employee__number=ZHANG_WEI)
    page.goto(f"/plans/{plan.public_id}/")
    assert "failed" in page.locator("h1").inner_text()
    screenshot(page, "walk-1-manager-plan")


def test_the_hr_partner_opens_the_case_on_the_plan(page):
    login_as(page, "hrbp")
    page.goto(f"/people/{zhang().public_id}/")
    page.click("text=Open a separation case")
    page.select_option("#id_ground", "incompetence")
    page.fill("#id_summary", "The improvement plan failed after training; three cycles of declining ratings.")
    page.locator("input[name=evidence]").first.check()
    page.locator('input[name=evidence][value^="plan:"]').check()
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/cases/" in page.url and "LCL 40(2)" in page.content()
    submit(page, "start_gathering")
    screenshot(page, "walk-2-case-opened")
    assert the_case().stage == "gathering_evidence"


def test_the_union_is_told_and_the_hearing_held(page):
    login_as(page, "hrbp")
    page.goto(f"/cases/{the_case().public_id}/")
    page.click('summary:has-text("Notify the union")')
    today = timezone.localdate().isoformat()
    submit(
        page,
        "notify_union",
        {
            "union": "Xingqiao union committee",
            "notified_on": today,
            "content": "Proposed termination under LCL 40(2), records attached.",
        },
    )
    page.click('summary:has-text("Invite the employee to a hearing")')
    submit(
        page,
        "invite",
        {
            "scheduled_at": f"{today}T23:30",
            "place": "Shanghai HQ, room 5",
            "attendees": "Liu Fang, HR business partner",
        },
        checks=("companion_allowed",),
    )
    submit(
        page,
        "record_hearing",
        {
            "held_on": today,
            "minutes": "The plan's outcome was explained; he answered.",
            "response_due_on": (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        },
        checks=("employee_attended",),
    )
    assert "The employee may answer in writing until" in page.content()
    screenshot(page, "walk-3-hearing-held")


def test_the_employee_answers_in_his_portal(page):
    login_as(page, "employee")
    page.goto("/portal/")
    page.goto(f"/portal/cases/{the_case().public_id}/")
    page.locator("textarea").first.fill(
        "I dispute the conclusion: another team's delay held the third release."
    )
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert the_case().statements.count() == 1
    screenshot(page, "walk-4-employee-statement")


def test_the_hr_partner_asks_for_the_decision_and_approves(page):
    login_as(page, "hrbp")
    page.goto(f"/cases/{the_case().public_id}/")
    submit(page, "request_decision")
    assert the_case().stage == "decision_pending"
    form = page.locator('form[action$="/do/approve/"]')
    form.locator('[name="approve-capacity"]').select_option("hr")
    form.locator('[name="approve-decision"][value="approved"]').check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert the_case().approvals.count() == 1


def test_legal_counsel_approves_in_chinese(page):
    login_as(page, "legal", language="zh-hans")
    page.goto(f"/cases/{the_case().public_id}/")
    assert page.get_attribute("html", "lang") == "zh-hans"
    assert "LCL 40(2)" in page.content()
    form = page.locator('form[action$="/do/approve/"]')
    form.locator('[name="approve-capacity"]').select_option("legal")
    form.locator('[name="approve-decision"][value="approved"]').check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    screenshot(page, "walk-5-legal-approves-zh")
    assert the_case().stage == "approved"


def test_the_hr_partner_serves_notice_with_pay_in_lieu(page):
    login_as(page, "hrbp")
    page.goto(f"/cases/{the_case().public_id}/")
    today = timezone.localdate().isoformat()
    submit(page, "plan_termination", {"notice_given_on": today, "last_day": today}, checks=("pay_in_lieu",))
    submit(page, "serve_notice", {"served_on": today})
    case = the_case()
    assert case.stage == "notice_served"
    result = case.latest_assessment.result
    assert result["total"] in page.content() and result["notice"]["pay_in_lieu"] != "0.00"
    screenshot(page, "walk-6-notice-served")


def test_the_auditor_reads_and_another_teams_manager_is_kept_out(page):
    login_as(page, "auditor")
    response = page.goto(f"/cases/{the_case().public_id}/")
    assert response.status == 200 and "Notice served" in page.content()
    assert page.locator('form[action*="/do/"]').count() == 0
    screenshot(page, "walk-7-auditor")
    page.context.clear_cookies()
    login_as(page, "other.manager")
    assert page.goto(f"/cases/{the_case().public_id}/").status == 404
