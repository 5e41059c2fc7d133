"""The consistency view compares like with like: a planted disparity between two departments, on the
same facts, is flagged with its numbers; equal treatment, different facts and too few cases are not."""

import datetime as dt

import pytest
from django.core.cache import cache

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.learning.consistency import consistency_report
from dueprocess.people.tests.factories import DepartmentFactory, EmployeeFactory

OPENED = dt.date(2026, 6, 1)


@pytest.fixture
def hr(persona):
    return persona("hr.admin")


def settle(hr, department: str, dismissed: int, total: int, ground: str = "incompetence") -> None:
    """``total`` comparable cases in a department, ``dismissed`` of them ending in dismissal."""
    unit = DepartmentFactory(code=department, name=department, name_en=department.title())
    for n in range(total):
        employee = EmployeeFactory(department=unit, sex="female", birth_date=dt.date(1990, 1, 1))
        served = n < dismissed
        SeparationCase.objects.create(
            employee=employee, jurisdiction="CN", locality="shanghai", ground=ground, summary="Plan failed.",
            opened_by=hr, opened_on=OPENED, stage=Stage.NOTICE_SERVED if served else Stage.WITHDRAWN,
            notice_served_on=OPENED + dt.timedelta(days=40) if served else None,
            closed_on=None if served else OPENED + dt.timedelta(days=20),
        )  # fmt: skip


def report(hr):
    return consistency_report(policy.analytics_scope(hr))


def test_similar_facts_with_different_outcomes_are_flagged_with_the_numbers(hr):
    settle(hr, "engineering-x", dismissed=6, total=6)
    settle(hr, "sales-x", dismissed=2, total=6)
    found = report(hr)
    assert found.settled == 12
    (flag,) = found.flagged
    assert flag.dimension == "department" and flag.gap == 67
    text = flag.explanation()
    assert "12 comparable cases" in text and "5–10 years' service" in text and "no plan with training" in text
    assert "Engineering-X ended 6 of 6 in dismissal (100%), Sales-X 2 of 6 (33%): 67 points apart" in text
    assert "30 points with at least 5 cases on each side" in text


def test_the_same_outcome_rates_are_compared_but_not_flagged(hr):
    settle(hr, "engineering-x", dismissed=3, total=6)
    settle(hr, "sales-x", dismissed=3, total=6)
    found = report(hr)
    assert found.flagged == [] and [c.gap for c in found.comparisons] == [0]


def test_different_facts_are_never_compared(hr):
    settle(hr, "engineering-x", dismissed=6, total=6)
    settle(hr, "sales-x", dismissed=0, total=6, ground="serious_misconduct")
    assert report(hr).comparisons == []


def test_too_few_cases_on_a_side_are_not_compared(hr, settings):
    settle(hr, "engineering-x", dismissed=6, total=6)
    settle(hr, "sales-x", dismissed=0, total=4)
    assert report(hr).comparisons == []
    settings.LEARNING_CONSISTENCY_MIN_CASES = 4
    assert len(report(hr).flagged) == 1


def test_the_page_shows_the_flag_and_every_chart_has_its_table(hr, client_as):
    settle(hr, "engineering-x", dismissed=6, total=6)
    settle(hr, "sales-x", dismissed=2, total=6)
    page = client_as("hr.admin").get("/learning/analytics/consistency/")
    html = page.content.decode()
    assert page.status_code == 200 and html.count('class="flag"') == 1 and "67 points apart" in html
    assert html.count("<canvas") == html.count('<details class="chart-data">') == 4


def test_the_page_costs_the_same_queries_for_few_cases_or_many(hr, client_as, page_queries):
    browser = client_as("hr.admin")
    settle(hr, "engineering-x", dismissed=1, total=2)
    few = page_queries(browser, "/learning/analytics/consistency/")
    settle(hr, "sales-x", dismissed=6, total=12)
    cache.clear()  # the cases were written outside the actions: the record's head did not move
    assert page_queries(browser, "/learning/analytics/consistency/") == few
