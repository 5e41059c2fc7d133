"""Employees through the API: the same scope as the pages, sensitive data only for those who may see
it (and absent, not null, for everyone else), filters and pagination."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dueprocess.records.models import ReadLog

ZHANG = "XQ0007"


def employee_path(demo_org, number: str = ZHANG, tail: str = "") -> str:
    return f"/employees/{demo_org[number].public_id}{tail}"


def numbers(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["number"] for item in response.json()["items"]]


def test_the_other_teams_manager_sees_nothing_of_zhang_wei(api, demo_org):
    other = api("other.manager")
    assert ZHANG not in numbers(other.get("/employees", limit=100))
    assert numbers(other.get("/employees", q="Zhang")) == []
    for tail in ("", "/contracts", "/wages", "/protected-periods"):
        response = other.get(employee_path(demo_org, tail=tail))
        assert response.status_code == 404, tail


def test_out_of_scope_and_missing_are_the_same_answer(api, demo_org):
    other = api("other.manager")
    hidden = other.get(employee_path(demo_org))
    missing = other.get("/employees/00000000-0000-4000-8000-000000000000")
    assert (hidden.status_code, hidden.json()) == (missing.status_code, missing.json())


def test_a_manager_sees_the_person_but_no_sensitive_field_at_all(api, demo_org):
    manager = api("manager")
    detail = manager.get(employee_path(demo_org)).json()
    assert detail["number"] == ZHANG and "birth_date" not in detail
    assert manager.get(employee_path(demo_org, tail="/wages")).status_code == 403
    assert manager.get(employee_path(demo_org, tail="/protected-periods")).status_code == 403
    assert manager.get(employee_path(demo_org, tail="/contracts")).status_code == 200


@pytest.mark.parametrize("username", ["hrbp", "legal", "auditor", "employee"])
def test_sensitive_readers_and_the_person_see_birth_date_and_wages_and_each_read_is_logged(
    api, demo_org, username
):
    reader = api(username)
    assert "birth_date" in reader.get(employee_path(demo_org)).json()
    wages = reader.get(employee_path(demo_org, tail="/wages"), limit=3).json()
    assert len(wages["items"]) == 3 and wages["count"] >= 3
    assert wages["items"][0]["month"] > wages["items"][1]["month"]
    assert set(wages["items"][0]) == {"month", "base", "bonus", "allowances", "other", "gross"}
    assert reader.get(employee_path(demo_org, tail="/protected-periods")).status_code == 200
    reads = ReadLog.objects.filter(user__username=username).values_list("what", flat=True)
    assert {"wage_history", "protected_periods"} <= set(reads)


def test_an_employee_sees_only_themselves(api, demo_org):
    me = api("employee")
    assert numbers(me.get("/employees")) == [ZHANG]
    assert me.get(employee_path(demo_org, "XQ0006")).status_code == 404


def test_filters_narrow_the_list(api, demo_org):
    hr = api("hr.admin")
    assert set(numbers(hr.get("/employees", department="product", limit=100))) >= {"XQ0006", ZHANG}
    assert all(n != "XQ0002" for n in numbers(hr.get("/employees", department="product", limit=100)))
    london = hr.get("/employees", jurisdiction="GB", limit=100).json()["items"]
    assert london and all(item["location"]["jurisdiction"] == "GB" for item in london)
    assert numbers(hr.get("/employees", q="zhang wei")) == [ZHANG]
    reports = numbers(hr.get("/employees", manager=str(demo_org["XQ0006"].public_id), limit=100))
    assert ZHANG in reports and "XQ0006" not in reports
    active = hr.get("/employees", active=True).json()["count"]
    left = hr.get("/employees", active=False).json()["count"]
    assert active + left == hr.get("/employees").json()["count"]


def test_pages_are_stable_and_cover_the_list_once(api, demo_org):
    hr = api("hr.admin")
    everyone = numbers(hr.get("/employees", limit=100))
    pages = [numbers(hr.get("/employees", limit=7, offset=offset)) for offset in range(0, len(everyone), 7)]
    assert [n for page in pages for n in page] == everyone == sorted(everyone)
    assert hr.get("/employees", limit=7).json()["count"] == len(everyone)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"active": "perhaps"}])
def test_bad_paging_or_filter_values_are_422_naming_the_parameter(api, demo_org, params):
    response = api("hr.admin").get("/employees", **params)
    assert response.status_code == 422
    [name] = params
    assert any(error["loc"][-1] == name for error in response.json()["detail"])


def test_the_list_costs_the_same_queries_for_any_page_size(api, demo_org):
    hr = api("hr.admin")
    hr.get("/employees", limit=1)  # the token's "last used" write happens once, here

    def queries(limit: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert hr.get("/employees", limit=limit).status_code == 200
        return len(captured)

    assert queries(2) == queries(50)


def test_departments_are_those_in_scope(api, demo_org):
    assert {d["code"] for d in api("hrbp").get("/departments", limit=100).json()["items"]} >= {
        "product",
        "sales",
    }
    hrbp_codes = {d["code"] for d in api("hrbp").get("/departments", limit=100).json()["items"]}
    assert "people" not in hrbp_codes
