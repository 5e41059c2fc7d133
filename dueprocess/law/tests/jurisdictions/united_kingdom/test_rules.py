"""GB counting rules: continuous employment, ERA s.86 notice, the relevant date, ERA s.162 bands."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dueprocess.law.base import complete_months
from dueprocess.law.jurisdictions.united_kingdom.rules import (
    Bands,
    age_on,
    counted_year_start,
    notice_weeks,
    redundancy_bands,
    relevant_date,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "last", "months"),
    [
        (D(2024, 9, 1), D(2026, 6, 30), 22),  # UK-07: 1 year 10 months
        (D(2010, 6, 1), D(2025, 6, 27), 180),  # UK-01: 15 years
        (D(2025, 6, 2), D(2025, 6, 23), 0),  # UK-08a: 3 weeks
        (D(2025, 6, 1), D(2025, 7, 1), 1),  # UK-08b
        (D(2024, 1, 1), D(2024, 12, 31), 12),
        (D(2024, 1, 1), D(2024, 12, 30), 11),
        (D(2024, 1, 31), D(2024, 2, 29), 1),  # the month runs to the end of February
        (D(2024, 1, 31), D(2024, 2, 28), 0),
        (D(2020, 2, 29), D(2021, 2, 28), 12),
        (D(2020, 2, 29), D(2021, 2, 27), 11),
        (D(2025, 3, 1), D(2025, 2, 1), 0),  # never negative
    ],
)
def test_continuous_employment_is_counted_in_calendar_months_both_days_included(
    start: D, last: D, months: int
) -> None:
    assert complete_months(start, last) == months


@pytest.mark.parametrize(
    ("months", "weeks"),
    [(0, 0), (1, 1), (11, 1), (23, 1), (24, 2), (35, 2), (36, 3), (89, 7), (143, 11), (144, 12), (400, 12)],
)
def test_statutory_notice_is_none_under_a_month_then_a_week_a_year_up_to_twelve(
    months: int, weeks: int
) -> None:
    assert notice_weeks(months) == weeks


def test_full_notice_leaves_the_relevant_date_on_the_last_day() -> None:
    rel = relevant_date(D(2016, 3, 1), D(2026, 6, 30), D(2026, 4, 21))  # UK-03: exactly 10 weeks
    assert (rel.day, rel.weeks, rel.expiry, rel.moved) == (D(2026, 6, 30), 10, D(2026, 6, 30), False)


def test_short_notice_moves_the_relevant_date_to_the_end_of_the_statutory_notice() -> None:
    rel = relevant_date(D(2016, 3, 1), D(2026, 6, 30), D(2026, 5, 1))
    assert (rel.day, rel.material, rel.weeks, rel.moved) == (D(2026, 7, 10), D(2026, 5, 1), 10, True)


def test_no_notice_counts_the_statutory_notice_from_the_last_day() -> None:
    rel = relevant_date(D(2016, 3, 1), D(2026, 6, 30), None)
    assert (rel.material, rel.day) == (D(2026, 6, 30), D(2026, 9, 8))


def test_a_summary_dismissal_moves_nothing() -> None:
    rel = relevant_date(D(2016, 3, 1), D(2026, 6, 30), None, summary=True)
    assert (rel.day, rel.weeks, rel.moved) == (D(2026, 6, 30), 0, False)


def test_the_bands_of_the_lrd_example_give_seventeen_weeks() -> None:
    bands = redundancy_bands(D(1980, 1, 15), 15, D(2025, 6, 27))
    assert bands == Bands(half=0, one=11, one_and_half=4)
    assert (bands.half_weeks, str(bands.weeks)) == (34, "17")


def test_years_under_twenty_two_earn_half_a_week() -> None:
    bands = redundancy_bands(D(2002, 3, 10), 4, D(2026, 6, 30))  # UK-05
    assert bands == Bands(half=2, one=2, one_and_half=0) and str(bands.weeks) == "3"


def test_at_most_twenty_years_are_counted() -> None:
    bands = redundancy_bands(D(1960, 1, 1), 35, D(2025, 6, 30))
    assert bands == Bands(0, 0, 20) and bands.weeks == 30


def test_no_years_no_bands() -> None:
    assert redundancy_bands(D(1960, 1, 1), 0, D(2025, 6, 30)) == Bands(0, 0, 0)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (D(1983, 7, 1), "one_and_half"),  # 41 on the first day of the last counted year
        (D(1983, 7, 2), "one"),  # 41 only the day after it starts
        (D(2002, 7, 1), "one"),  # 22 on the first day
        (D(2002, 7, 2), "half"),
    ],
)
def test_a_year_band_is_fixed_by_the_age_on_its_first_day(birth: D, band: str) -> None:
    bands = redundancy_bands(birth, 1, D(2025, 6, 30))  # the counted year starts on 2024-07-01
    assert getattr(bands, band) == 1


def test_counted_years_start_the_day_after_the_same_date_earlier() -> None:
    assert counted_year_start(D(2025, 6, 27), 1) == D(2024, 6, 28)
    assert counted_year_start(D(2024, 2, 28), 1) == D(2023, 3, 1)  # no 29 February 2023
    assert counted_year_start(D(2024, 2, 28), 4) == D(2020, 2, 29)


def test_someone_born_on_29_february_is_older_from_1_march() -> None:
    assert age_on(D(2000, 2, 29), D(2023, 2, 28)) == 22
    assert age_on(D(2000, 2, 29), D(2023, 3, 1)) == 23


def test_a_relevant_date_of_28_february_in_a_leap_year_walks_year_by_year() -> None:
    # Born 1 March 1983: 40 on 2023-03-01 (a year starting 1 March), 37 on 2020-02-29.
    bands = redundancy_bands(D(1983, 3, 1), 5, D(2024, 2, 28))
    assert bands == _walk(D(1983, 3, 1), 5, D(2024, 2, 28)) == Bands(0, 5, 0)


def _walk(birth: D, years: int, relevant: D) -> Bands:
    """ERA s.162 read literally: each counted year, its first day, the age on that day."""
    ages = [age_on(birth, counted_year_start(relevant, k)) for k in range(1, min(years, 20) + 1)]
    return Bands(
        sum(age < 22 for age in ages), sum(22 <= age < 41 for age in ages), sum(age >= 41 for age in ages)
    )


@given(
    birth=st.dates(D(1940, 1, 1), D(2008, 12, 31)),
    years=st.integers(0, 45),
    relevant=st.dates(D(2020, 1, 1), D(2030, 12, 31)),
)
def test_the_closed_form_bands_equal_the_year_by_year_reading(birth: D, years: int, relevant: D) -> None:
    assert redundancy_bands(birth, years, relevant) == _walk(birth, years, relevant)


@given(start=st.dates(D(1990, 1, 1), D(2026, 12, 31)), last=st.dates(D(1990, 1, 1), D(2030, 12, 31)))
def test_complete_years_agree_with_counting_back_from_the_last_day(start: D, last: D) -> None:
    years = complete_months(start, last) // 12
    if years > 0:
        assert counted_year_start(last, years) >= start
    assert counted_year_start(last, years + 1) < start or last < start
