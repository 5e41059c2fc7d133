"""The front door of the batch assessment: it checks what every jurisdiction needs, then dispatches."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueprocess.law import FactsError
from dueprocess.law.layoff import LayoffEmployee, LayoffPlan, assess_layoff
from dueprocess.law.tests.layoff.plans import CN_PLAN, GB_PLAN, US_PLAN, people, person, plan

D = dt.date


def field_of(layoff_plan: LayoffPlan, employees: list[LayoffEmployee]) -> str:
    with pytest.raises(FactsError) as error:
        assess_layoff(layoff_plan, employees)
    return error.value.field


def test_an_unknown_jurisdiction_is_refused() -> None:
    assert field_of(plan(CN_PLAN, jurisdiction="FR"), people("CN", 2)) == "jurisdiction"


def test_a_ground_other_than_the_layoff_ground_is_refused() -> None:
    assert field_of(plan(CN_PLAN, ground="incompetence"), people("CN", 2)) == "ground"
    assert (
        assess_layoff(plan(CN_PLAN, ground="economic_layoff"), people("CN", 25)).ground == "economic_layoff"
    )


def test_an_empty_cut_is_refused() -> None:
    assert field_of(CN_PLAN, []) == "employees"


def test_dates_out_of_order_are_refused() -> None:
    assert field_of(plan(GB_PLAN, notice_given_on=D(2025, 10, 1)), people("GB", 2)) == "notice_given_on"
    late = [person("GB", 0), person("GB", 1, hire_date=D(2025, 10, 1))]
    assert field_of(GB_PLAN, late) == "employees[1].hire_date"


def test_any_sequence_of_employees_is_accepted() -> None:
    assert assess_layoff(US_PLAN, tuple(people("US-CA", 3))).totals.employees == 3


HIRES = st.dates(D(1995, 1, 1), D(2025, 9, 30))
BIRTHS = st.dates(D(1960, 1, 1), D(1995, 1, 1))


@settings(max_examples=25, deadline=None)
@given(
    jurisdiction=st.sampled_from(["CN", "GB", "US-CA"]),
    rows=st.lists(
        st.tuples(HIRES, BIRTHS, st.decimals(min_value=1, max_value=90000, places=2, allow_nan=False)),
        min_size=1,
        max_size=40,
    ),
    missing_steps=st.booleans(),
)
def test_totals_equal_the_sum_of_the_persons(jurisdiction: str, rows: list, missing_steps: bool) -> None:
    base = {"CN": CN_PLAN, "GB": GB_PLAN, "US-CA": US_PLAN}[jurisdiction]
    if missing_steps:
        base = plan(
            base, staff_explained_on=None, consultation_started_on=None, warn_notice_on=None, headcount=60
        )
    employees = [
        LayoffEmployee(f"E{i}", max(hire, birth.replace(year=birth.year + 16)), pay, birth)
        for i, (hire, birth, pay) in enumerate(rows)
    ]
    result = assess_layoff(base, employees)
    persons = result.persons
    assert result.totals.severance == sum((p.severance for p in persons), Decimal(0))
    assert result.totals.notice_pay == sum((p.notice_pay for p in persons), Decimal(0))
    assert result.totals.exposure == sum((p.exposure for p in persons), Decimal(0))
    assert result.totals.total == sum((p.total for p in persons), Decimal(0))
    assert all(p.total == p.severance + p.notice_pay for p in persons)
    assert all(p.severance >= 0 and p.severance.as_tuple().exponent == -2 for p in persons)
