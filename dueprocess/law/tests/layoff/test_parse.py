"""Reading the batch layoff JSON strictly: every bad field is named, with its employee's index."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from dueprocess.law import FactsError
from dueprocess.law.layoff import parse_layoff

DATA: dict[str, Any] = {
    "jurisdiction": "CN",
    "locality": "shanghai",
    "establishment": "Pudong plant",
    "last_day": "2025-09-30",
    "headcount": 400,
    "others_in_period": 3,
    "notice_given_on": "2025-09-01",
    "staff_explained_on": "2025-08-29",
    "employees": [
        {
            "id": "E1",
            "hire_date": "2019-04-01",
            "birth_date": "1980-09-15",
            "sex": "female",
            "pay": "20000.00",
            "protected": [{"kind": "pregnancy", "from": "2025-03-01", "to": None}],
        },
        {"id": 2, "hire_date": "2020-01-01", "pay": "9000"},
    ],
}


def data(**changes: Any) -> dict[str, Any]:
    result = copy.deepcopy(DATA)
    result.update(changes)
    return result


def field_of(raw: Any) -> str:
    with pytest.raises(FactsError) as error:
        parse_layoff(raw)
    return error.value.field


def test_it_reads_the_plan_and_the_employees() -> None:
    plan, employees = parse_layoff(data())
    assert (plan.jurisdiction, plan.layoff_ground, plan.headcount, plan.others_in_period) == (
        "CN",
        "economic_layoff",
        400,
        3,
    )
    assert plan.last_day == dt.date(2025, 9, 30) and plan.staff_explained_on == dt.date(2025, 8, 29)
    assert plan.consultation_started_on is None and plan.closing is False and plan.employer_headcount is None
    first, second = employees
    assert first.pay == Decimal("20000.00") and first.protected[0].kind == "pregnancy"
    assert (second.id, second.birth_date, second.protected) == ("2", None, ())


def test_us_flags_and_counts_are_read() -> None:
    plan, _ = parse_layoff(
        data(
            jurisdiction="US-CA",
            closing=True,
            employer_headcount=1200,
            warn_notice_on="2025-07-01",
            pay_in_lieu=False,
        )
    )
    assert plan.closing and plan.employer_headcount == 1200 and plan.warn_notice_on == dt.date(2025, 7, 1)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"jurisdiction": "FR"}, "jurisdiction"),
        ({"jurisdiction": None}, "jurisdiction"),
        ({"last_day": "30/09/2025"}, "last_day"),
        ({"headcount": None}, "headcount"),
        ({"headcount": -1}, "headcount"),
        ({"headcount": True}, "headcount"),
        ({"others_in_period": "3"}, "others_in_period"),
        ({"closing": "yes"}, "closing"),
        ({"surprise": 1}, "surprise"),
        ({"employees": []}, "employees"),
        ({"employees": None}, "employees"),
    ],
)
def test_a_bad_plan_field_is_named(changes: dict, field: str) -> None:
    assert field_of(data(**changes)) == field


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("E3", "employees[1]"),
        ({"hire_date": "2020-01-01"}, "employees[1].id"),
        ({"id": "", "hire_date": "2020-01-01"}, "employees[1].id"),
        ({"id": "E3"}, "employees[1].hire_date"),
        ({"id": "E3", "hire_date": "2020-13-01"}, "employees[1].hire_date"),
        ({"id": "E3", "hire_date": "2020-01-01", "birth_date": "2020-01-01"}, "employees[1].hire_date"),
        ({"id": "E3", "hire_date": "2020-01-01", "pay": "-5"}, "employees[1].pay"),
        ({"id": "E3", "hire_date": "2020-01-01", "salary": "5"}, "employees[1].salary"),
        (
            {"id": "E3", "hire_date": "2020-01-01", "protected": [{"from": None}]},
            "employees[1].protected[0].kind",
        ),
        ({"id": "E3", "hire_date": "2020-01-01", "protected": "pregnant"}, "employees[1].protected"),
    ],
)
def test_a_bad_employee_field_is_named_with_its_index(row: Any, field: str) -> None:
    raw = data()
    raw["employees"][1] = row
    assert field_of(raw) == field


def test_the_plan_must_be_an_object() -> None:
    assert field_of([1, 2]) == "layoff"
