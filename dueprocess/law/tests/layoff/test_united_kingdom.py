"""GB collective redundancies in a batch: TULRCA s.188/193 thresholds and steps, pay per employee."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueprocess.law import FactsError, assess
from dueprocess.law.layoff import assess_layoff
from dueprocess.law.tests.layoff.plans import GB_PLAN, people, person, plan

D = dt.date


def codes(items: tuple) -> list[str]:
    return [item.code for item in items]


@pytest.mark.parametrize(("proposed", "triggered"), [(19, False), (20, True)])
def test_collective_consultation_starts_at_twenty_proposed_redundancies(
    proposed: int, triggered: bool
) -> None:
    bare = plan(GB_PLAN, consultation_started_on=None, hr1_sent_on=None)
    result = assess_layoff(bare, people("GB", proposed))
    assert result.thresholds[0].triggered is triggered and result.thresholds[0].article == "TULRCA s.188"
    assert sorted(f.article for f in result.missing_steps) == (
        ["TULRCA s.188", "TULRCA s.193"] if triggered else []
    )
    assert not result.blockers


@pytest.mark.parametrize(("others", "due_on"), [(79, D(2025, 8, 31)), (80, D(2025, 8, 16))])
def test_a_hundred_or_more_need_45_days_instead_of_30(others: int, due_on: D) -> None:
    result = assess_layoff(plan(GB_PLAN, others_in_period=others), people("GB", 20))
    assert {d.article: d.due_on for d in result.deadlines} == {"TULRCA s.188": due_on, "TULRCA s.193": due_on}


def test_steps_taken_in_time_leave_the_cut_lawful() -> None:
    result = assess_layoff(GB_PLAN, people("GB", 30))
    assert result.lawful and not result.missing_steps
    assert all(p.exposure == 0 for p in result.persons)


def test_consultation_started_late_is_missing_and_exposes_a_protective_award() -> None:
    result = assess_layoff(plan(GB_PLAN, consultation_started_on=D(2025, 9, 1)), people("GB", 20))
    assert codes(result.missing_steps) == ["GB.TULRCA.188"]
    assert "2025-09-01" in result.missing_steps[0].message.en
    assert result.persons[0].exposure == Decimal("7714.29")  # 90 days: 600 x 90 / 7


def test_the_protective_award_doubles_to_180_days_from_2026_04_06() -> None:
    late = plan(GB_PLAN, last_day=D(2026, 6, 30), notice_given_on=D(2026, 4, 1), consultation_started_on=None)
    result = assess_layoff(late, people("GB", 20))
    assert result.persons[0].exposure == Decimal("15428.57")  # 600 x 180 / 7


def test_notices_before_consultation_warn() -> None:
    early = plan(GB_PLAN, notice_given_on=D(2025, 5, 1), consultation_started_on=D(2025, 6, 1))
    result = assess_layoff(early, people("GB", 20))
    assert "GB.TULRCA.188.NOTICE_BEFORE_CONSULTATION" in codes(result.warnings)


def test_short_notice_is_a_missing_step_unless_paid_in_lieu() -> None:
    short = plan(GB_PLAN, notice_given_on=D(2025, 9, 23))
    result = assess_layoff(short, people("GB", 20))
    assert "GB.ERA.86" in codes(result.missing_steps)
    first = result.persons[0]
    assert (first.notice_weeks, first.notice_pay) == (10, Decimal("5400.00"))  # 63 days not given x 600 / 7
    assert first.total == first.severance + first.notice_pay
    paid = assess_layoff(plan(short, pay_in_lieu=True), people("GB", 20))
    assert "GB.ERA.86" not in codes(paid.missing_steps)


def test_each_employee_gets_redundancy_pay_with_the_cap_and_unfair_dismissal_status() -> None:
    result = assess_layoff(
        GB_PLAN, [person("GB", 0, pay=Decimal("800.00")), person("GB", 1, hire_date=D(2024, 1, 1))]
    )
    senior, junior = result.persons
    assert senior.capped and senior.base == Decimal("719.00") and senior.protected
    assert (junior.severance, junior.units, junior.protected) == (Decimal("0.00"), Decimal(0), False)


def test_the_week_pay_and_the_birth_date_are_required_when_they_count() -> None:
    with pytest.raises(FactsError) as error:
        assess_layoff(GB_PLAN, [person("GB", 0, pay=None)])
    assert error.value.field == "employees[0].pay"
    with pytest.raises(FactsError) as error:
        assess_layoff(GB_PLAN, [person("GB", 0), person("GB", 1, birth_date=None)])
    assert error.value.field == "employees[1].birth_date"
    new = person("GB", 0, hire_date=D(2025, 1, 1), birth_date=None)
    assert assess_layoff(GB_PLAN, [new]).persons[0].severance == 0


@settings(max_examples=40, deadline=None)
@given(
    hire=st.dates(D(1990, 1, 1), D(2025, 9, 30)),
    birth=st.dates(D(1955, 1, 1), D(1972, 1, 1)),
    weekly=st.decimals(min_value=100, max_value=3000, places=2, allow_nan=False),
    notice_on=st.dates(D(2025, 6, 1), D(2025, 9, 30)),
    in_lieu=st.booleans(),
)
def test_each_person_matches_the_single_assessment(
    hire: D, birth: D, weekly: Decimal, notice_on: D, in_lieu: bool
) -> None:
    notice_on = max(notice_on, hire)
    cut = plan(GB_PLAN, notice_given_on=notice_on, pay_in_lieu=in_lieu)
    batch = assess_layoff(cut, [person("GB", 0, hire_date=hire, birth_date=birth, pay=weekly)]).persons[0]
    single = assess(
        {
            "jurisdiction": "GB",
            "ground": "redundancy",
            "employee": {"hire_date": hire.isoformat(), "birth_date": birth.isoformat()},
            "last_day": "2025-09-30",
            "notice": {"given_on": notice_on.isoformat(), "pay_in_lieu": in_lieu},
            "pay": {"weekly": str(weekly)},
        }
    )
    assert single.redundancy_pay and single.notice and single.service
    assert batch.severance == single.redundancy_pay.amount and batch.units == single.redundancy_pay.weeks
    assert batch.base == single.redundancy_pay.week_pay_used
    assert batch.notice_weeks == single.notice.required_weeks
    assert batch.notice_pay == (single.notice.pay_in_lieu or 0)
    assert batch.service_months == single.service.years * 12 + single.service.months
    assert batch.total == single.total
