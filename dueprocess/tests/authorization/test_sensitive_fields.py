"""Wages, the figures worked out from them, and protected periods (Wu Jing's pregnancy) reach HR in
scope, legal counsel, the auditor and the person; never the line manager, nor anyone else. The values
are the demo's own, read from the database."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from dueprocess.tests.authorization.api_matrix import OPERATIONS
from dueprocess.tests.authorization.test_api import operations_in_schema, path_for
from dueprocess.tests.authorization.web_matrix import MATRIX

pytestmark = pytest.mark.django_db

SENSITIVE_READERS = ["hr.admin", "hrbp", "legal", "auditor"]
PREGNANCY = re.compile(r"(?i)pregnan|maternity|due in about five months|预产期|孕")


def amount(value) -> str:
    """A figure as any page may print it: 28800, 28,800, 28800.00, 28,800.00."""
    groups = f"{int(Decimal(value)):,}".split(",")
    return r"(?<!\d)" + ",?".join(groups) + r"(?!\d)"


@pytest.fixture
def zhangs_figures(demo) -> re.Pattern:
    """His gross wage, and the severance, the notice pay and the total of the assessment acted on."""
    employee, case = demo["own"]["employee"], demo["own"]["case"]
    result = case.latest_assessment.result
    values = [
        employee.wages.order_by("-month").first().gross,
        result["severance"]["amount"],
        result["severance"]["monthly_base"],
        result["notice"]["pay_in_lieu"],
        result["total"],
    ]
    return re.compile("|".join(amount(v) for v in values))


def text(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", "replace")


def page(visitor, name: str, *args) -> str:
    response = visitor.get(reverse(name, args=args))
    assert response.status_code == 200, (visitor.role, name, response.status_code)
    return text(response)


def test_the_profile_shows_the_wage_history_to_hr_and_the_person_not_to_the_manager(
    demo, visitors, zhangs_figures
):
    zhang = demo["own"]["employee"].public_id
    for role in [*SENSITIVE_READERS, "employee"]:
        assert zhangs_figures.search(page(visitors[role], "people:employee_detail", zhang)), role
    assert not zhangs_figures.search(page(visitors["manager"], "people:employee_detail", zhang))


def test_the_profile_shows_a_pregnancy_to_hr_and_not_to_her_manager(demo, visitors):
    wu = demo["other"]["employee"].public_id
    for role in ("hr.admin", "legal", "auditor"):
        assert PREGNANCY.search(page(visitors[role], "people:employee_detail", wu)), role
    assert not PREGNANCY.search(page(visitors["other.manager"], "people:employee_detail", wu))


def test_the_case_page_shows_the_figures_and_the_blocker_to_hr_only(demo, visitors, zhangs_figures):
    zhang_case, wu_case = demo["own"]["case"].public_id, demo["other"]["case"].public_id
    for role in SENSITIVE_READERS:
        assert zhangs_figures.search(page(visitors[role], "cases:case_detail", zhang_case)), role
    assert not zhangs_figures.search(page(visitors["manager"], "cases:case_detail", zhang_case))
    # Wu Jing's case is blocked by LCL 42(4): the reason is her pregnancy, which her manager is not told.
    assert PREGNANCY.search(page(visitors["hr.admin"], "cases:case_detail", wu_case))
    assert not PREGNANCY.search(page(visitors["other.manager"], "cases:case_detail", wu_case))


def test_the_case_in_the_api_carries_its_assessment_for_hr_only(demo, visitors, zhangs_figures):
    case = demo["own"]["case"].public_id
    for role in SENSITIVE_READERS:
        detail = visitors[role].api_get(f"/api/v1/cases/{case}")
        assert "latest_assessment" in detail.json() and zhangs_figures.search(text(detail)), role
        assert visitors[role].api_get(f"/api/v1/cases/{case}/assessment").status_code == 200, role
    detail = visitors["manager"].api_get(f"/api/v1/cases/{case}")
    assert detail.status_code == 200 and "latest_assessment" not in detail.json()
    assert not zhangs_figures.search(text(detail))
    assert visitors["manager"].api_get(f"/api/v1/cases/{case}/assessment").status_code == 403


def test_the_people_api_gives_wages_and_protected_periods_to_hr_and_refuses_the_manager(demo, visitors):
    zhang, wu = demo["own"]["employee"], demo["other"]["employee"]
    gross = str(zhang.wages.order_by("-month").first().gross)
    for role in SENSITIVE_READERS:
        wages = visitors[role].api_get(f"/api/v1/employees/{zhang.public_id}/wages").json()
        assert wages["items"][0]["gross"] == gross, role
        assert "birth_date" in visitors[role].api_get(f"/api/v1/employees/{zhang.public_id}").json()
    manager = visitors["manager"]
    assert manager.api_get(f"/api/v1/employees/{zhang.public_id}/wages").status_code == 403
    assert "birth_date" not in manager.api_get(f"/api/v1/employees/{zhang.public_id}").json()
    periods = visitors["hr.admin"].api_get(f"/api/v1/employees/{wu.public_id}/protected-periods").json()
    assert [p["kind"] for p in periods["items"]] == ["pregnancy"]
    boss = visitors["other.manager"]
    assert boss.api_get(f"/api/v1/employees/{wu.public_id}/protected-periods").status_code == 403
    assert "birth_date" not in boss.api_get(f"/api/v1/employees/{wu.public_id}").json()


def test_the_notice_of_termination_states_the_severance_and_is_not_the_line_managers_to_read(
    demo, visitors, zhangs_figures
):
    notice = demo["own"]["letter"].public_id
    for role in [*SENSITIVE_READERS, "employee"]:
        assert zhangs_figures.search(page(visitors[role], "letters:letter_detail", notice)), role
    for name in ("letters:letter_detail", "letters:letter_download"):
        assert visitors["manager"].get(reverse(name, args=[notice])).status_code == 404


def _everything_open_to(demo, visitors, role: str, side: str) -> dict[str, str]:
    """Every page and API answer of the matrix the role may open with the side's records."""
    answers = {}
    for entry in MATRIX:
        if entry.method == "GET" and side in entry.sides and role in entry.roles_for(side):
            address = reverse(entry.name, kwargs=entry.args(demo[side]) if entry.args else None)
            answers[address] = text(visitors[role].get(address))
    schema = operations_in_schema()
    for op in OPERATIONS:
        method, path, _operation = schema[op.id]
        if method == "GET" and side in op.sides and role in op.roles_for(side):
            address = path_for(op, path, demo[side])
            answers[address] = text(visitors[role].api_get(address))
    return answers


def test_nothing_the_line_manager_may_open_shows_zhang_weis_wage_or_severance(demo, visitors, zhangs_figures):
    """The case timeline (a settlement line's reason works the amount out from the wage) and the
    notice of termination (it states the severance) used to."""
    shown = {
        address: zhangs_figures.findall(body)
        for address, body in _everything_open_to(demo, visitors, "manager", "own").items()
    }
    assert not {address: found for address, found in shown.items() if found}


def test_nothing_her_manager_may_open_says_that_wu_jing_is_pregnant(demo, visitors):
    shown = {
        address: PREGNANCY.findall(body)
        for address, body in _everything_open_to(demo, visitors, "other.manager", "other").items()
    }
    assert not {address: found for address, found in shown.items() if found}
