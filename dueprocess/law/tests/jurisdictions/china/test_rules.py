"""PRC counting rules: months of service, LCL 47 units, LCL 19, LCL 41 threshold, [MED] periods."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dueprocess.law import FactsError
from dueprocess.law.jurisdictions.china import (
    layoff_threshold,
    medical_treatment_period,
    probation_limit,
    service_months,
    severance_units,
)
from dueprocess.law.jurisdictions.china.rules import add_months

D = dt.date


@pytest.mark.parametrize(
    ("hire", "last", "months"),
    [
        (D(2024, 1, 1), D(2024, 12, 31), 12),  # the README's example
        (D(2024, 1, 1), D(2024, 12, 30), 11),
        (D(2022, 7, 15), D(2025, 9, 14), 38),  # PRC-11: month 38 ends on 2025-09-15 - 1 day
        (D(2022, 7, 15), D(2025, 9, 13), 37),
        (D(2025, 3, 1), D(2025, 3, 1), 0),
        (D(2025, 3, 1), D(2025, 3, 31), 1),
        (D(2024, 1, 31), D(2024, 2, 28), 1),  # no 31 February: the month ends on its last day (CC 202)
        (D(2024, 1, 31), D(2024, 2, 27), 0),
        (D(2004, 12, 1), D(2007, 12, 31), 37),
    ],
)
def test_service_is_counted_in_whole_calendar_months_both_days_included(
    hire: D, last: D, months: int
) -> None:
    assert service_months(hire, last) == months


def test_corresponding_day_falls_back_to_the_last_day_of_a_shorter_month() -> None:
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 11, 15), 2) == D(2025, 1, 15)


@pytest.mark.parametrize(
    ("months", "units"),
    [(0, "0"), (1, "0.5"), (5, "0.5"), (6, "1"), (11, "1"), (12, "1"), (13, "1.5"), (18, "2"), (222, "19")],
)
def test_units_are_a_year_each_with_half_for_under_six_months_and_one_for_six_or_more(
    months: int, units: str
) -> None:
    assert severance_units(months) == Decimal(units)


def test_units_are_counted_beyond_a_century_of_service_too() -> None:
    assert severance_units(1205) == Decimal("100.5")


def test_negative_service_has_no_units() -> None:
    with pytest.raises(ValueError):
        severance_units(-1)


@pytest.mark.parametrize(
    ("contract_type", "term", "limit"),
    [
        ("task_based", None, 0),
        ("fixed_term", 2, 0),
        ("fixed_term", 3, 1),  # "三个月以上" includes 3 months
        ("fixed_term", 11, 1),
        ("fixed_term", 12, 2),
        ("fixed_term", 35, 2),
        ("fixed_term", 36, 6),
        ("open_ended", None, 6),
    ],
)
def test_probation_is_limited_by_the_contract_term(contract_type: str, term: int | None, limit: int) -> None:
    assert probation_limit(contract_type, term) == limit


def test_a_fixed_term_probation_limit_needs_the_term() -> None:
    with pytest.raises(FactsError) as error:
        probation_limit("fixed_term")
    assert error.value.field == "contract.end_date"


def test_an_unknown_contract_type_has_no_probation_limit() -> None:
    with pytest.raises(FactsError) as error:
        probation_limit("seasonal", 6)
    assert error.value.field == "contract.type"


@pytest.mark.parametrize(
    ("cut", "headcount", "applies"),
    [(20, 5000, True), (19, 190, True), (19, 191, False), (1, 10, True), (0, 10, False), (25, 25, True)],
)
def test_the_layoff_procedure_applies_from_20_people_or_10_percent(
    cut: int, headcount: int, applies: bool
) -> None:
    assert layoff_threshold(cut, headcount) is applies


@pytest.mark.parametrize(
    ("cut", "headcount", "field"), [(1, 0, "headcount"), (-1, 10, "cut"), (11, 10, "cut")]
)
def test_an_impossible_layoff_is_refused(cut: int, headcount: int, field: str) -> None:
    with pytest.raises(FactsError) as error:
        layoff_threshold(cut, headcount)
    assert error.value.field == field


@pytest.mark.parametrize(
    ("total", "company", "months", "window", "boundary"),
    [
        (3, 1, 3, 6, False),
        (9, 6, 6, 12, False),
        (12, 4, 6, 12, False),
        (12, 7, 9, 15, False),
        (14, 12, 12, 18, False),
        (19, 17, 18, 24, False),
        (30, 25, 24, 30, False),
        (Decimal("9.9"), Decimal("4.9"), 3, 6, False),
    ],
)
def test_the_medical_treatment_period_follows_the_1994_table(
    total: int, company: int, months: int, window: int, boundary: bool
) -> None:
    assert tuple(medical_treatment_period(total, company)) == (months, window, boundary)


@pytest.mark.parametrize(
    ("total", "company", "months"),
    [(10, 2, 6), (8, 5, 6), (12, 5, 9), (12, 10, 12), (16, 15, 18), (25, 20, 24)],
)
def test_at_an_exact_boundary_the_longer_band_is_chosen_and_flagged(
    total: int, company: int, months: int
) -> None:
    period = medical_treatment_period(total, company)
    assert period.months == months and period.boundary


@pytest.mark.parametrize(("total", "company"), [(3, 4), (3, -1)])
def test_a_medical_period_with_impossible_years_is_refused(total: int, company: int) -> None:
    with pytest.raises(FactsError):
        medical_treatment_period(total, company)
