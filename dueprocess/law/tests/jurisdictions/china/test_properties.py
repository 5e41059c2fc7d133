"""Properties of N that hold for any facts: never negative, monotone in service, capped, exact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from dueprocess.law.jurisdictions.china import monthly_base, service_months, severance_units
from dueprocess.law.jurisdictions.china.wages import local_figures
from dueprocess.law.tests.jurisdictions.china.facts import run

CITIES = st.sampled_from(["shanghai", "beijing", "guangzhou", "shenzhen"])
LAST_DAYS = st.dates(dt.date(2025, 9, 1), dt.date(2026, 6, 30))
WAGES = st.decimals(Decimal("0.00"), Decimal("200000.00"), places=2)
HIRES = st.dates(dt.date(1995, 1, 1), dt.date(2025, 8, 31))
GROUNDS = st.sampled_from(
    ["mutual_agreement_employer_proposed", "changed_circumstances", "economic_layoff", "employer_closure"]
)


def _severance(
    ground: str, city: str, hire: dt.date, last: dt.date, wage: Decimal
) -> tuple[Decimal, Decimal]:
    result = run(
        ground=ground,
        locality=city,
        employee={"hire_date": hire.isoformat(), "birth_date": "1970-01-01", "sex": "female"},
        last_day=last.isoformat(),
        notice={"given_on": last.isoformat(), "pay_in_lieu": True},
        pay={"average_monthly": str(wage), "previous_month": str(wage)},
        procedure={"union_notified_on": last.isoformat()},
    )
    assert result.severance is not None
    return result.severance.amount, result.severance.units


@settings(max_examples=150, deadline=None)
@given(GROUNDS, CITIES, HIRES, LAST_DAYS, WAGES)
def test_n_is_never_negative_and_stays_exact_to_the_cent(
    ground: str, city: str, hire: dt.date, last: dt.date, wage: Decimal
) -> None:
    amount, units = _severance(ground, city, min(hire, last), last, wage)
    assert isinstance(amount, Decimal) and amount >= 0
    assert amount == amount.quantize(Decimal("0.01"))
    assert units >= 0 and units * 2 == int(units * 2)


@settings(max_examples=150, deadline=None)
@given(GROUNDS, CITIES, HIRES, HIRES, LAST_DAYS, WAGES)
def test_n_never_decreases_as_service_grows(
    ground: str, city: str, a: dt.date, b: dt.date, last: dt.date, wage: Decimal
) -> None:
    longer, shorter = sorted((a, b))
    assert _severance(ground, city, longer, last, wage)[0] >= _severance(ground, city, shorter, last, wage)[0]


@settings(max_examples=300, deadline=None)
@given(CITIES, LAST_DAYS, WAGES)
def test_the_base_never_exceeds_three_times_the_local_average(city: str, day: dt.date, wage: Decimal) -> None:
    base, capped, _ = monthly_base(wage, city, day)
    figures = local_figures(city, day)
    assert figures.minimum <= base <= 3 * figures.average
    assert capped is (wage > 3 * figures.average)


@settings(max_examples=100, deadline=None)
@given(CITIES, st.dates(dt.date(2008, 1, 1), dt.date(2025, 8, 31)), LAST_DAYS, WAGES)
def test_a_capped_severance_has_at_most_12_units(
    city: str, hire: dt.date, last: dt.date, wage: Decimal
) -> None:
    amount, units = _severance("changed_circumstances", city, hire, last, wage)
    if wage > 3 * local_figures(city, last).average:
        assert units <= 12
        assert amount <= 12 * 3 * local_figures(city, last).average


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_service_months_grow_with_the_last_day_and_units_with_the_months(a: dt.date, b: dt.date) -> None:
    first, second = sorted((a, b))
    hire = dt.date(1990, 1, 1)
    assert service_months(hire, first) <= service_months(hire, second)
    assert severance_units(service_months(hire, first)) <= severance_units(service_months(hire, second))
