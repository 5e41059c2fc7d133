"""The analytics pages over the demo's cases: each chart has its numbers in a table, the HR partner
counts only their departments, and those who may not compare people across the organisation get
no page at all."""

import re

import pytest

INCOMPETENCE = "Incompetent after training or a job adjustment (LCL 40(2))"
PAGES = [
    "/learning/analytics/",
    *(f"/learning/analytics/{p}/" for p in ("timing", "plans", "costs", "disputes")),
]


def table(html: str, chart: str) -> dict[str, list[str]]:
    """The data table of one chart: row label -> cells."""
    figure = html.split(f'id="chart-{chart}"', 1)[1].split("</figure>", 1)[0]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', figure, re.S)
    return {label.strip(): re.findall(r"<td>(.*?)</td>", cells) for label, cells in rows}


@pytest.fixture
def hr(served, client_as):
    return client_as("hr.admin")


def test_cases_by_stage_ground_department_and_manager(hr):
    html = hr.get("/learning/analytics/").content.decode()
    assert table(html, "by-stage") == {"gathering evidence": ["1"], "notice served": ["1"]}
    assert table(html, "by-ground") == {INCOMPETENCE: ["2"]}
    assert table(html, "by-department")["Product"] == ["1"]
    assert table(html, "by-manager")["刘芳 (XQ0006)"] == ["1"]
    assert html.count("<canvas") == 4 and 'type="application/json"' in html
    assert "vendor/chartjs/chart.umd-4.6.1.js" in html and "learning/charts.js" in html


def test_time_from_the_first_warning_to_the_decision(hr):
    html = hr.get("/learning/analytics/timing/").content.decode()
    assert table(html, "warning-to-decision")["91–180 days"] == ["1"]
    assert table(html, "median-days") == {INCOMPETENCE: ["95", "4", "1"]}


def test_plan_outcomes(hr):
    html = hr.get("/learning/analytics/plans/").content.decode()
    assert table(html, "plan-outcomes") == {"passed": ["1"], "extended": ["0"], "failed": ["1"]}


def test_the_cost_of_separations_is_summed_per_currency(hr, served):
    total = served.assessments.get(purpose="serve_notice").result["total"]
    html = hr.get("/learning/analytics/costs/").content.decode()
    row = table(html, "cost-cn")[INCOMPETENCE]
    assert row[0] == total and row[1] == "1" and "CNY" in html


def test_dispute_outcomes(hr):
    html = hr.get("/learning/analytics/disputes/").content.decode()
    assert table(html, "union")["did not object"] == ["1"]
    assert table(html, "statements") == {"with a written statement": ["1"], "without": ["0"]}


def test_the_hr_partner_counts_their_own_departments(served, client_as):
    html = client_as("hrbp").get("/learning/analytics/").content.decode()
    assert table(html, "by-stage") == {"notice served": ["1"]}  # Wu Jing is in Engineering


@pytest.mark.parametrize("username", ["manager", "employee", "other.manager"])
def test_the_pages_are_not_there_for_those_who_may_not_compare_people(served, client_as, username):
    client = client_as(username)
    for url in [*PAGES, "/learning/analytics/consistency/"]:
        assert client.get(url).status_code == 404


@pytest.mark.parametrize("username", ["legal", "auditor"])
def test_legal_counsel_and_the_auditor_read_them(served, client_as, username):
    client = client_as(username)
    assert all(client.get(url).status_code == 200 for url in PAGES)


def test_an_unknown_page_is_not_found(hr):
    assert hr.get("/learning/analytics/salaries/").status_code == 404


def test_a_page_costs_a_few_queries(hr, page_queries):
    assert all(page_queries(hr, url) < 25 for url in PAGES)
