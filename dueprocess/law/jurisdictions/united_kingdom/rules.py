"""GB counting rules: continuous employment, statutory notice, relevant date, redundancy pay weeks.

Module-level functions on integers and dates, with no look-ups, because the batch layoff
assessment calls them once per employee (RULES.md §2; the vectors' conventions in UK-01).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from dueprocess.law.base import Text, Warning, complete_months
from dueprocess.law.figures import figure_on

ONE_DAY = dt.timedelta(days=1)
MAX_NOTICE_WEEKS = 12  # ERA s.86(1)(c)
MAX_COUNTED_YEARS = 20  # ERA s.162(3)
QUALIFYING_YEARS = 2  # ERA s.155: two years' continuous employment for a redundancy payment
# ERA s.162(2): the age at which a counted year earns 1.5 weeks, and 1 week (below it: 0.5 week).
UPPER_BAND_AGE = 41
MIDDLE_BAND_AGE = 22

# Figure tables (dueprocess/law/data/gb_*.csv); the place is always "gb".
WEEK_PAY_CAP = "gb_week_pay_cap"
COMPENSATORY_CAP = "gb_compensatory_award_cap"
UNFAIR_DISMISSAL_QUALIFYING = "gb_unfair_dismissal_qualifying"
PROTECTIVE_AWARD_MAX = "gb_protective_award_max"

__all__ = ["complete_months"]  # continuous employment is counted in calendar months (ERA ss.210-211)


def notice_weeks(months: int) -> int:
    """ERA s.86(1): the employer's minimum notice after ``months`` of continuous employment.

    Under one month: none; one month to under 2 years: 1 week; then 1 week per complete year
    up to 12 weeks.
    """
    if months < 1:
        return 0
    return min(max(months // 12, 1), MAX_NOTICE_WEEKS)


class RelevantDate(NamedTuple):
    day: dt.date  # the relevant date (ERA s.145) and, for s.108, the effective date of termination
    material: dt.date  # the day notice was given, or the last day when none was (s.145(6))
    weeks: int  # the ERA s.86 notice due on the material date
    expiry: dt.date  # when that notice, given on the material date, would expire
    moved: bool  # the notice given was short or paid in lieu, so the date moved (s.145(5), s.97(2))


def relevant_date(
    hire: dt.date, last_day: dt.date, given_on: dt.date | None, summary: bool = False
) -> RelevantDate:
    """The last day, moved to the end of the ERA s.86 notice when the notice given was shorter.

    ERA s.145(5) (redundancy pay) and s.97(2) (unfair-dismissal qualifying period): where the
    statutory notice, duly given on the material date, would expire after the last day, that later
    date counts. ``summary``: dismissal without notice for gross misconduct, where s.86(6) leaves
    the employer's right to dismiss without notice untouched, so nothing moves.
    """
    material = given_on or last_day
    weeks = 0 if summary else notice_weeks(complete_months(hire, material))
    expiry = material + dt.timedelta(weeks=weeks)
    moved = expiry > last_day
    return RelevantDate(expiry if moved else last_day, material, weeks, expiry, moved)


class Bands(NamedTuple):
    """Counted years by ERA s.162(2) band: 0.5, 1 and 1.5 weeks' pay a year."""

    half: int
    one: int
    one_and_half: int

    @property
    def half_weeks(self) -> int:
        return self.half + 2 * self.one + 3 * self.one_and_half

    @property
    def weeks(self) -> Decimal:
        return Decimal(self.half_weeks) / 2


def counted_year_start(relevant: dt.date, k: int) -> dt.date:
    """The first day of the k-th year counted back from the relevant date (k = 1 is the last).

    It is the same calendar date k years before the day after the relevant date (UK-01: relevant
    date 2025-06-27, the last counted year starts on 2024-06-28); 29 February in a common year
    becomes 1 March.
    """
    end = relevant + ONE_DAY
    try:
        return end.replace(year=end.year - k)
    except ValueError:  # 29 February
        return dt.date(end.year - k, 3, 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day`` (someone born on 29 February is older from 1 March)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def redundancy_bands(birth: dt.date, years: int, relevant: dt.date) -> Bands:
    """ERA s.162(1)-(3): the last ``years`` complete years (at most 20) by age band.

    A counted year's band is fixed by the age on its first day (UK-01): 41 or over 1.5 weeks,
    22 to 40 1 week, under 22 half a week. Ages fall by one a counted year, so the bands are
    counted in closed form; only a relevant date of 28 February in a leap year (years that start
    on 29 February or 1 March) needs the year-by-year walk.
    """
    n = min(years, MAX_COUNTED_YEARS)
    if n <= 0:
        return Bands(0, 0, 0)
    end = relevant + ONE_DAY
    if end.month == 2 and end.day == 29:
        ages = [age_on(birth, counted_year_start(relevant, k)) for k in range(1, n + 1)]
        upper = sum(age >= UPPER_BAND_AGE for age in ages)
        middle = sum(age >= MIDDLE_BAND_AGE for age in ages)
    else:
        first = end.year - 1 - birth.year - ((end.month, end.day) < (birth.month, birth.day))
        upper = min(max(first - UPPER_BAND_AGE + 1, 0), n)
        middle = min(max(first - MIDDLE_BAND_AGE + 1, 0), n)
    return Bands(n - middle, middle - upper, upper)


def gb_figure(table: str, day: dt.date) -> tuple[Decimal, tuple[Warning, ...]]:
    """The GB figure of ``table`` in force on ``day``, with the warnings that come with it."""
    found = figure_on(table, "gb", day, place_field="jurisdiction", day_field="last_day")
    return found.row.amount, found.warnings


def months_text(months: int) -> Text:
    years, rest = divmod(months, 12)
    year_word = "year" if years == 1 else "years"
    month_word = "month" if rest == 1 else "months"
    return Text(f"{years} {year_word} {rest} {month_word}", f"{years} 年 {rest} 个月")
