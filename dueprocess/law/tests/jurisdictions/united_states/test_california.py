"""California: final pay due dates (LC 201, 202), waiting-time penalties (LC 203), separation notices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueprocess.law import FactsError, assess
from dueprocess.law.jurisdictions.united_states import (
    days_late,
    final_pay_due,
    waiting_time_penalty,
)
from dueprocess.law.tests.jurisdictions.united_states.facts import ca, run

D = dt.date


def codes(items: Any) -> list[str]:
    return [item.code for item in items]


@pytest.mark.parametrize("ground", ["discharge", "layoff"])
def test_a_discharge_or_layoff_is_paid_immediately(ground: str) -> None:
    due = final_pay_due(ground, D(2025, 3, 14), None)
    assert (due.day, due.article) == (D(2025, 3, 14), "LC 201")


@pytest.mark.parametrize(
    ("given_on", "due_on"),
    [
        (D(2025, 7, 17), D(2025, 7, 31)),  # two weeks' notice: at the time of quitting
        (D(2025, 7, 28), D(2025, 7, 31)),  # exactly 72 hours
        (D(2025, 7, 29), D(2025, 8, 3)),  # under 72 hours: within 72 hours
        (None, D(2025, 8, 3)),
    ],
)
def test_a_quit_is_paid_at_quitting_after_72_hours_notice_else_within_72_hours(
    given_on: D | None, due_on: D
) -> None:
    due = final_pay_due("resignation_with_notice", D(2025, 7, 31), given_on)
    assert (due.day, due.article) == (due_on, "LC 202")


def test_days_late_are_calendar_days_and_never_negative() -> None:
    assert days_late(D(2025, 3, 14), D(2025, 3, 24)) == 10
    assert days_late(D(2025, 3, 14), D(2025, 3, 10)) == 0
    assert days_late(D(2025, 3, 14), None) == 0


def test_the_penalty_is_the_daily_rate_for_each_day_late() -> None:
    result = run()
    assert result.final_pay and result.final_pay.days_late == 10
    assert result.final_pay.waiting_time_penalty == Decimal("2400.00") and result.total == Decimal("2400.00")
    assert result.lawful


def test_the_penalty_stops_at_thirty_days_but_the_days_late_are_reported() -> None:
    result = run(pay={"daily_rate": "230.77"}, procedure={"final_pay_on": "2025-05-13"})
    assert result.final_pay and result.final_pay.days_late == 60
    assert result.final_pay.waiting_time_penalty == Decimal("6923.10")
    assert [line.amount for line in result.final_pay.lines if "at most 30" in line.what.en] == ["30"]


def test_a_good_faith_dispute_defeats_the_penalty() -> None:
    result = run(procedure={"good_faith_dispute": True})
    assert result.final_pay and result.final_pay.days_late == 10
    assert result.final_pay.waiting_time_penalty == 0 and result.total == 0


def test_wages_paid_on_time_owe_nothing_and_need_no_daily_rate() -> None:
    result = run(pay=None, procedure={"final_pay_on": "2025-03-14"})
    assert result.final_pay and (result.final_pay.days_late, result.final_pay.waiting_time_penalty) == (0, 0)


def test_unpaid_final_wages_show_the_due_date_and_no_penalty_yet() -> None:
    result = run(procedure={"final_pay_on": None})
    assert result.final_pay and result.final_pay.due_on == D(2025, 3, 14)
    assert (
        result.final_pay.days_late == 0 and result.final_pay.lines[-1].what.en == "Final wages not yet paid"
    )


def test_a_late_payment_needs_the_daily_rate() -> None:
    with pytest.raises(FactsError) as error:
        run(pay=None)
    assert error.value.field == "pay.daily_rate"


def test_a_resignation_with_notice_needs_the_notice_date() -> None:
    with pytest.raises(FactsError) as error:
        run(ground="resignation_with_notice", notice=None)
    assert error.value.field == "notice.given_on"


def test_a_resignation_with_short_notice_warns_and_is_due_within_72_hours() -> None:
    result = run(ground="resignation_with_notice", notice={"given_on": "2025-03-13"})
    assert result.final_pay and result.final_pay.due_on == D(2025, 3, 17)
    assert "US-CA.LC202.SHORT_NOTICE" in codes(result.warnings)


def test_the_separation_notices_are_deadlines_on_the_effective_date() -> None:
    result = run()
    due = {d.article: d.due_on for d in result.deadlines}
    assert due["22 CCR 1089-1"] == due["UI Code 1089"] == due["HIPP"] == D(2025, 3, 14)
    assert due["LC 201"] == due["LC 227.3"] == D(2025, 3, 14)
    assert due["COBRA"] == D(2025, 4, 13)


def test_a_quit_still_lists_the_notices_and_says_sources_differ() -> None:
    result = run(ground="resignation_without_notice", notice=None)
    assert {d.article for d in result.deadlines} >= {"LC 202", "22 CCR 1089-1", "UI Code 1089"}
    assert "US-CA.UI1089.QUIT" in codes(result.warnings)


def test_a_fixed_term_contract_ended_early_is_not_at_will() -> None:
    result = run(contract={"type": "fixed_term", "end_date": "2025-12-31"})
    assert "US-CA.LC2922.FIXED_TERM" in codes(result.warnings)
    ended = run(contract={"type": "fixed_term", "end_date": "2025-03-14"})
    assert "US-CA.LC2922.FIXED_TERM" not in codes(ended.warnings)


def test_a_protected_situation_warns_that_at_will_has_limits() -> None:
    result = run(protected=[{"kind": "pregnancy", "from": "2025-01-01", "to": None}])
    assert result.lawful and "US-CA.PROTECTED.pregnancy" in codes(result.warnings)
    quit_ = run(
        ground="resignation_without_notice", protected=[{"kind": "pregnancy", "from": None, "to": None}]
    )
    assert "US-CA.PROTECTED.pregnancy" not in codes(quit_.warnings)


def test_service_is_reported_when_the_hire_date_is_known() -> None:
    assert run().service is not None
    facts = ca()
    del facts["employee"]
    assert assess(facts).service is None


@given(
    daily=st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False),
    late=st.integers(-5, 400),
    dispute=st.booleans(),
)
def test_the_penalty_never_exceeds_thirty_days_and_is_exact(daily: Decimal, late: int, dispute: bool) -> None:
    penalty = waiting_time_penalty(daily, late, dispute)
    assert Decimal(0) <= penalty <= 30 * daily
    assert isinstance(penalty, Decimal) and penalty == daily * max(min(late, 30), 0) * (not dispute)
