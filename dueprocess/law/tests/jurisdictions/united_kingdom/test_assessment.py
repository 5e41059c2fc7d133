"""The GB assessment: notice, redundancy pay by date and band, the relevant date, unfair dismissal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dueprocess.law import FactsError, assess
from dueprocess.law.tests.jurisdictions.united_kingdom.facts import ALL_ACAS_STEPS, codes, gb, run

D = dt.date


def redundancy_on(last_day: str, weekly: str = "1000.00", **changes: object) -> dict:
    """Ten years' service ending on ``last_day``, notice of ten weeks given ten weeks before."""
    day = D.fromisoformat(last_day)
    given_on = (day - dt.timedelta(weeks=10)).isoformat()
    return assess(
        gb(
            employee={"birth_date": "1970-01-01", "hire_date": (day.replace(year=day.year - 10)).isoformat()},
            last_day=last_day,
            notice={"given_on": given_on},
            pay={"weekly": weekly},
            **changes,
        )
    ).to_dict()


@pytest.mark.parametrize(
    ("last_day", "cap"),
    [("2024-04-06", "700.00"), ("2025-04-05", "700.00"), ("2025-04-06", "719.00"), ("2026-04-06", "751.00")],
)
def test_the_week_pay_cap_is_the_one_in_force_on_the_relevant_date(last_day: str, cap: str) -> None:
    result = redundancy_on(last_day)
    assert result["redundancy_pay"]["week_pay_used"] == cap
    assert result["redundancy_pay"]["amount"] == f"{Decimal(cap) * 15:.2f}"  # 10 years at 41+


def test_a_week_pay_below_the_cap_is_used_as_it_is() -> None:
    result = redundancy_on("2025-06-30", weekly="512.34")
    assert result["redundancy_pay"]["week_pay_used"] == "512.34"
    assert result["redundancy_pay"]["amount"] == "7685.10"


def test_a_relevant_date_before_the_first_cap_row_is_an_error_naming_the_date() -> None:
    with pytest.raises(FactsError) as error:
        redundancy_on("2024-04-05")
    assert error.value.field == "last_day" and "2024-04-05" in error.value.message


def test_a_cap_past_its_known_until_date_warns_to_update_it() -> None:
    result = redundancy_on("2027-06-30")
    assert "FIGURE.STALE.gb_week_pay_cap.gb.week_pay_cap" in [w["code"] for w in result["warnings"]]


def test_redundancy_pay_stops_at_twenty_years_and_thirty_weeks() -> None:
    result = run(employee={"birth_date": "1955-01-01", "hire_date": "1985-01-01"}, pay={"weekly": "2000.00"})
    assert result.service and result.service.years == 40
    assert result.redundancy_pay and result.redundancy_pay.weeks == 30
    assert result.redundancy_pay.amount == Decimal("21570.00")  # 30 x 719


def test_under_two_years_there_is_no_redundancy_pay() -> None:
    result = run(employee={"hire_date": "2023-06-28"}, notice={"given_on": "2025-06-01"})
    assert result.service and (result.service.years, result.service.months) == (2, 0)
    result = run(employee={"hire_date": "2023-06-29"}, notice={"given_on": "2025-06-01"})
    assert result.redundancy_pay and result.redundancy_pay.amount == 0 and result.total == 0
    assert result.redundancy_pay.lines[-1].article == "ERA s.155"


def test_without_qualifying_service_no_birth_date_or_week_pay_is_needed() -> None:
    facts = gb(employee={"hire_date": "2024-01-01"}, notice={"given_on": "2025-06-20"}, pay=None)
    del facts["employee"]["birth_date"]
    result = assess(facts)
    assert result.redundancy_pay and result.redundancy_pay.week_pay_used == 0


def test_pay_in_lieu_moves_the_relevant_date_and_can_add_a_year() -> None:
    # 9 years 11 months on the last day; 9 weeks' statutory notice paid in lieu -> 10 years.
    result = run(
        employee={"hire_date": "2015-07-15"},
        last_day="2025-06-30",
        notice={"given_on": "2025-06-30", "pay_in_lieu": True},
    )
    assert result.service and result.service.years == 9
    assert result.notice and result.notice.required_weeks == 9
    assert result.notice.pay_in_lieu == Decimal("7200.00")  # 9 weeks x 800, not capped
    # 10 counted years from ages 44 down to 35: 4 x 1.5 + 6 x 1 = 12 weeks (9 years would be 11).
    assert result.redundancy_pay and result.redundancy_pay.weeks == 12
    assert result.redundancy_pay.lines[0].amount == "2025-09-01"
    assert result.total == Decimal("7200.00") + Decimal("8628.00")
    assert not result.missing_steps


def test_a_relevant_date_moved_past_6_april_takes_the_new_cap() -> None:
    result = run(last_day="2026-03-31", notice={"given_on": "2026-03-31", "pay_in_lieu": True})
    assert result.redundancy_pay and result.redundancy_pay.week_pay_used == Decimal("751.00")


def test_short_notice_without_pay_in_lieu_is_a_missing_step_and_the_shortfall_is_owed() -> None:
    result = run(notice={"given_on": "2025-06-13", "pay_in_lieu": False})
    assert codes(result.missing_steps) == ["GB.ERA.86"] and not result.lawful
    assert result.notice and result.notice.pay_in_lieu == Decimal("8000.00")  # 70 days x 800 / 7
    partial = run(notice={"given_on": "2025-06-14", "pay_in_lieu": True})
    assert partial.notice and partial.notice.pay_in_lieu == Decimal("8114.29")  # 71 days x 800 / 7
    assert not partial.missing_steps


def test_no_notice_at_all_is_counted_from_the_last_day() -> None:
    facts = gb()
    del facts["notice"]
    result = assess(facts)
    assert result.notice and result.notice.pay_in_lieu == Decimal("9600.00")
    assert codes(result.missing_steps) == ["GB.ERA.86"]


@pytest.mark.parametrize(
    ("hire", "given_on", "last_day", "weeks"),
    [
        ("2025-06-02", "2025-06-23", "2025-06-23", 0),
        ("2025-06-01", "2025-07-01", "2025-07-08", 1),
        ("2024-01-01", "2025-12-01", "2025-12-08", 1),
        ("2018-01-01", "2025-05-01", "2025-06-19", 7),
        ("2010-06-01", "2025-06-01", "2025-08-24", 12),
    ],
)
def test_capability_notice_follows_the_era_s86_bands(
    hire: str, given_on: str, last_day: str, weeks: int
) -> None:
    result = run(
        ground="capability",
        employee={"hire_date": hire},
        last_day=last_day,
        notice={"given_on": given_on},
        procedure=ALL_ACAS_STEPS,
    )
    assert result.notice and result.notice.required_weeks == weeks
    assert result.lawful and result.redundancy_pay is None and result.total == 0


def test_full_notice_gives_a_deadline_for_its_earliest_end() -> None:
    result = run()
    assert [(d.article, d.due_on) for d in result.deadlines] == [
        ("ERA s.86", D(2025, 6, 20)),
        ("ERA s.165", D(2025, 6, 27)),
    ]


def test_gross_misconduct_needs_no_notice_but_the_acas_steps() -> None:
    facts = gb(ground="gross_misconduct", notice={"given_on": "2025-06-27"})
    result = assess(facts)
    assert result.notice and (result.notice.required_weeks, result.notice.pay_in_lieu) == (0, None)
    assert {f.article for f in result.missing_steps} == {"ACAS Code"} and len(result.missing_steps) == 6
    assert "GB.GROSS_MISCONDUCT.NOTICE" in codes(result.warnings)
    assert "GB.ACAS.UPLIFT" in codes(result.warnings)


def test_conduct_with_every_acas_step_and_full_notice_is_lawful() -> None:
    result = run(ground="conduct", procedure=ALL_ACAS_STEPS)
    assert result.lawful and result.total == 0
    assert "GB.ACAS.UPLIFT" not in codes(result.warnings)


def test_an_employee_resigning_owes_one_week_after_a_month() -> None:
    result = run(ground="resignation", notice={"given_on": "2025-06-20"})
    assert result.notice and result.notice.required_weeks == 1 and result.lawful
    assert result.redundancy_pay is None and not result.deadlines
    assert "GB.UNFAIR_DISMISSAL.PROTECTED" not in codes(result.warnings)


def test_a_resignation_with_less_than_a_week_warns_and_under_a_month_owes_none() -> None:
    short = run(ground="resignation", notice={"given_on": "2025-06-25"})
    assert "GB.RESIGNATION.SHORT_NOTICE" in codes(short.warnings)
    facts = gb(ground="resignation", employee={"hire_date": "2025-06-10"})
    del facts["notice"]
    new = assess(facts)
    assert new.notice and new.notice.required_weeks == 0 and not new.warnings


def test_two_years_protect_from_unfair_dismissal_before_2027() -> None:
    result = run(
        employee={"hire_date": "2025-01-10"}, last_day="2026-12-31", notice={"given_on": "2026-12-24"}
    )
    assert "GB.UNFAIR_DISMISSAL.NOT_PROTECTED" in codes(result.warnings)
    result = run(
        employee={"hire_date": "2024-12-01"}, last_day="2026-11-30", notice={"given_on": "2026-11-23"}
    )
    assert "GB.UNFAIR_DISMISSAL.PROTECTED" in codes(result.warnings)


def test_six_months_protect_from_unfair_dismissal_from_2027_01_01() -> None:
    before = run(
        ground="capability",
        employee={"hire_date": "2026-05-01"},
        last_day="2026-12-31",
        notice={"given_on": "2026-12-24"},
    )
    after = run(
        ground="capability",
        employee={"hire_date": "2026-05-01"},
        last_day="2027-01-04",
        notice={"given_on": "2026-12-28"},
    )
    assert "GB.UNFAIR_DISMISSAL.NOT_PROTECTED" in codes(before.warnings)
    assert "GB.UNFAIR_DISMISSAL.PROTECTED" in codes(after.warnings)
    assert [line.amount for line in after.lines if line.article == "ERA s.108"] == ["6"]
    assert [line.amount for line in after.lines if line.article == "ERA s.124"] == ["none"]


def test_short_notice_counts_towards_the_unfair_dismissal_period() -> None:
    # 1 year 11 months 27 days; the week's statutory notice, paid in lieu, reaches 2 years (s.97(2)).
    result = run(
        ground="capability",
        employee={"hire_date": "2023-06-20"},
        last_day="2025-06-16",
        notice={"given_on": "2025-06-16", "pay_in_lieu": True},
        procedure=ALL_ACAS_STEPS,
    )
    assert "GB.UNFAIR_DISMISSAL.PROTECTED" in codes(result.warnings)


def test_the_compensatory_award_limit_is_the_lower_of_52_weeks_and_the_cap() -> None:
    result = run(ground="conduct", procedure=ALL_ACAS_STEPS, pay={"weekly": "1000.00"})
    assert [line.amount for line in result.lines if line.article == "ERA s.124"] == ["52000.00"]
    rich = run(ground="conduct", procedure=ALL_ACAS_STEPS, pay={"weekly": "5000.00"})
    assert [line.amount for line in rich.lines if line.article == "ERA s.124"] == ["118223.00"]


def test_the_compensatory_cap_is_shown_without_a_week_pay() -> None:
    result = run(ground="conduct", procedure=ALL_ACAS_STEPS, pay=None)
    assert [line.amount for line in result.lines if line.article == "ERA s.124"] == ["118223.00"]


def test_the_week_pay_is_required_when_notice_pay_is_owed() -> None:
    with pytest.raises(FactsError) as error:
        run(ground="conduct", notice={"given_on": "2025-06-27"}, pay=None)
    assert error.value.field == "pay.weekly"


@pytest.mark.parametrize("field", ["hire_date", "birth_date"])
def test_redundancy_pay_needs_the_dates_it_counts_from(field: str) -> None:
    facts = gb()
    del facts["employee"][field]
    with pytest.raises(FactsError) as error:
        assess(facts)
    assert error.value.field == f"employee.{field}"


def test_a_pregnant_employee_gets_a_warning_not_a_blocker() -> None:
    result = run(protected=[{"kind": "pregnancy", "from": "2025-03-01", "to": None}])
    assert result.lawful and "GB.PROTECTED.pregnancy" in codes(result.warnings)
    other = run(protected=[{"kind": "disability", "from": None, "to": None}])
    assert "GB.PROTECTED.disability" in codes(other.warnings)
    over = run(protected=[{"kind": "pregnancy", "from": "2024-01-01", "to": "2024-06-01"}])
    assert "GB.PROTECTED.pregnancy" not in codes(over.warnings)


@pytest.mark.parametrize(
    ("ground", "code"),
    [
        ("some_other_substantial_reason", "GB.SOSR.PROCEDURE"),
        ("statutory_restriction", "GB.STATUTORY_RESTRICTION"),
    ],
)
def test_grounds_without_acas_steps_still_warn_about_procedure(ground: str, code: str) -> None:
    result = run(ground=ground)
    assert result.lawful and code in codes(result.warnings)


def test_the_working_is_bilingual() -> None:
    result = run().to_dict("zh-Hans")
    assert result["redundancy_pay"]["lines"][-1]["what"].startswith("裁员补偿")


# -- properties --

HIRES = st.dates(D(1975, 1, 1), D(2026, 6, 1))
PAYS = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)


LAST_DAY = D(2026, 6, 30)


def _pay(hire: D, weekly: Decimal, last_day: D = LAST_DAY) -> Decimal:
    facts = gb(
        employee={"birth_date": "1960-05-05", "hire_date": hire.isoformat()},
        last_day=last_day.isoformat(),
        notice={"given_on": min(hire + dt.timedelta(days=1), last_day).isoformat(), "pay_in_lieu": False},
        pay={"weekly": str(weekly)},
    )
    result = assess(facts).redundancy_pay
    assert result is not None
    return result.amount


@settings(max_examples=60, deadline=None)
@given(hire=HIRES, weekly=PAYS)
def test_redundancy_pay_is_never_negative_and_never_above_thirty_capped_weeks(
    hire: D, weekly: Decimal
) -> None:
    amount = _pay(hire, weekly)
    assert Decimal(0) <= amount <= 30 * Decimal("751.00")


@settings(max_examples=60, deadline=None)
@given(earlier=HIRES, later=HIRES, weekly=PAYS)
def test_redundancy_pay_never_decreases_with_service(earlier: D, later: D, weekly: Decimal) -> None:
    earlier, later = min(earlier, later), max(earlier, later)
    assert _pay(earlier, weekly) >= _pay(later, weekly)


@settings(max_examples=60, deadline=None)
@given(hire=HIRES, weekly=PAYS)
def test_money_is_an_exact_decimal_to_the_cent(hire: D, weekly: Decimal) -> None:
    amount = _pay(hire, weekly)
    assert isinstance(amount, Decimal) and amount.as_tuple().exponent == -2
