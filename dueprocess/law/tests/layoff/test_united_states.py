"""US-CA layoffs in a batch: federal WARN and Cal-WARN thresholds, the 60-day notice, back pay."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dueprocess.law import FactsError
from dueprocess.law.base import ProtectedSituation
from dueprocess.law.layoff import assess_layoff
from dueprocess.law.layoff.united_states import calwarn_triggered, warn_triggered
from dueprocess.law.tests.layoff.plans import US_PLAN, people, person, plan

D = dt.date


def codes(items: tuple) -> list[str]:
    return [item.code for item in items]


@pytest.mark.parametrize(
    ("laid_off", "establishment", "closing", "triggered"),
    [
        (50, 75, False, True),
        (49, 75, False, False),
        (50, 74, False, False),
        (3, 75, True, True),
        (3, 74, True, False),
    ],
)
def test_cal_warn_covers_75_and_a_mass_layoff_of_50_or_any_closing(
    laid_off: int, establishment: int, closing: bool, triggered: bool
) -> None:
    assert calwarn_triggered(laid_off, establishment, closing) is triggered


@pytest.mark.parametrize(
    ("laid_off", "site", "employer", "closing", "triggered"),
    [
        (50, 151, 100, False, True),  # 33.1% of the site
        (50, 152, 100, False, False),  # 32.9%
        (50, 151, 99, False, False),  # employer under 100
        (499, 5000, 5000, False, False),
        (500, 5000, 5000, False, True),  # 500 whatever the share
        (50, 5000, 5000, True, True),  # plant closing
        (49, 60, 5000, True, False),
    ],
)
def test_federal_warn_needs_100_employees_and_a_closing_or_mass_layoff(
    laid_off: int, site: int, employer: int, closing: bool, triggered: bool
) -> None:
    assert warn_triggered(laid_off, site, employer, closing) is triggered


def test_a_covered_cut_without_notice_misses_both_notices_and_owes_back_pay() -> None:
    cut = plan(US_PLAN, warn_notice_on=None, headcount=150)
    result = assess_layoff(cut, [*people("US-CA", 49), person("US-CA", 49, hire_date=D(2025, 9, 1))])
    assert [t.triggered for t in result.thresholds] == [True, True]
    assert sorted(f.article for f in result.missing_steps) == ["LC 1401", "WARN"]
    assert result.persons[0].exposure == Decimal("14400.00")  # 60 days x 240
    assert result.persons[-1].exposure == Decimal("3600.00")  # 30 days employed: at most 15
    assert result.totals.total == 0 and result.totals.exposure == 49 * Decimal("14400.00") + Decimal(
        "3600.00"
    )


@pytest.mark.parametrize(("notice_on", "missing"), [(D(2025, 8, 1), False), (D(2025, 8, 2), True)])
def test_sixty_days_notice_is_enough_and_fifty_nine_is_not(notice_on: D, missing: bool) -> None:
    result = assess_layoff(plan(US_PLAN, warn_notice_on=notice_on), people("US-CA", 50))
    assert bool(result.missing_steps) is missing
    assert result.persons[0].exposure == (Decimal("240.00") if missing else 0)


def test_a_small_cut_needs_no_warn_notice_but_still_the_separation_deadlines() -> None:
    result = assess_layoff(plan(US_PLAN, warn_notice_on=None), people("US-CA", 10))
    assert not any(t.triggered for t in result.thresholds) and result.lawful
    assert {d.article for d in result.deadlines} == {
        "LC 201",
        "22 CCR 1089-1",
        "UI Code 1089",
        "HIPP",
        "COBRA",
    }


def test_federal_warn_alone_dates_the_notice_under_warn() -> None:
    result = assess_layoff(plan(US_PLAN, headcount=70), people("US-CA", 50))
    assert [t.triggered for t in result.thresholds] == [True, False]
    assert ("WARN", D(2025, 8, 1)) in [(d.article, d.due_on) for d in result.deadlines]


def test_from_2026_the_cal_warn_notice_has_new_contents() -> None:
    result = assess_layoff(
        plan(US_PLAN, last_day=D(2026, 3, 31), warn_notice_on=D(2026, 1, 15)), people("US-CA", 50)
    )
    assert "US-CA.LC1401.SB617" in codes(result.warnings)
    assert "US-CA.LC1401.SB617" not in codes(assess_layoff(US_PLAN, people("US-CA", 50)).warnings)


def test_without_the_employer_size_the_site_is_used_and_it_says_so() -> None:
    result = assess_layoff(plan(US_PLAN, employer_headcount=None, headcount=150), people("US-CA", 50))
    assert "US.WARN.EMPLOYER_SIZE" in codes(result.warnings) and result.thresholds[0].triggered


def test_the_daily_rate_is_needed_only_for_back_pay() -> None:
    assert assess_layoff(US_PLAN, people("US-CA", 50, pay=None)).persons[0].base is None
    with pytest.raises(FactsError) as error:
        assess_layoff(plan(US_PLAN, warn_notice_on=None), people("US-CA", 50, pay=None))
    assert error.value.field == "employees[0].pay"


def test_a_protected_situation_on_the_last_day_is_flagged() -> None:
    on = (ProtectedSituation("disability", None, None),)
    off = (ProtectedSituation("disability", None, D(2025, 1, 1)),)
    result = assess_layoff(US_PLAN, [person("US-CA", 0, protected=on), person("US-CA", 1, protected=off)])
    assert [p.protected for p in result.persons] == [True, False]
    assert result.persons[0].service_months == 127 and result.persons[0].units is None
