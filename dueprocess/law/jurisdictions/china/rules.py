"""PRC counting rules: service months, LCL 47 units, probation limits, layoff threshold, medical period.

These are module-level functions on purpose: the batch layoff assessment calls them once per
employee, so they avoid allocation and look-ups they do not need.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from dueprocess.law.base import FactsError

ONE_DAY = dt.timedelta(days=1)
HALF = Decimal("0.5")
# LCL 47: a remainder of 6 months or more counts as a full year ("六个月以上" includes 6, CC 1259);
# a remainder of 1-5 months counts as half a year. Precomputed for 100 years of service.
_UNITS = tuple(
    Decimal(m // 12) + (Decimal(1) if m % 12 >= 6 else HALF if m % 12 else Decimal(0)) for m in range(1201)
)


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later; the month's last day when there is none (CC 202)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def service_months(hire_date: dt.date, last_day: dt.date) -> int:
    """Whole calendar months from ``hire_date`` to ``last_day``, both days included.

    Month k is complete when hire_date + k months - 1 day <= last_day (CC 201-202, the convention
    of the shared vectors): hire 2024-01-01, last day 2024-12-31 is 12 months.
    """
    end = last_day + ONE_DAY
    months = (end.year - hire_date.year) * 12 + end.month - hire_date.month
    if months > 0 and add_months(hire_date, months) > end:
        months -= 1
    return max(months, 0)


def severance_units(months: int) -> Decimal:
    """LCL 47 units for ``months`` of service: one per year, remainder >= 6 -> 1, 1-5 -> 0.5."""
    if months < 0:
        raise ValueError("months must not be negative")
    if months < len(_UNITS):
        return _UNITS[months]
    return _UNITS[months % 12] + Decimal(months // 12)


def probation_limit(contract_type: str, term_months: int | None = None) -> int:
    """The longest probation in months that LCL 19 allows (0: none allowed).

    task-based or term < 3 months: none; 3 months to < 1 year: 1; 1 to < 3 years: 2;
    3 years or more, or open-ended: 6. "以上" includes the number, "不满" excludes it (CC 1259).
    """
    if contract_type == "open_ended":
        return 6
    if contract_type == "task_based":
        return 0
    if contract_type != "fixed_term":
        raise FactsError("contract.type", f"unknown contract type {contract_type!r}", "未知的合同类型")
    if term_months is None or term_months < 0:
        raise FactsError("contract.end_date", "a fixed-term contract needs its term", "固定期限合同须有期限")
    if term_months < 3:
        return 0
    if term_months < 12:
        return 1
    return 2 if term_months < 36 else 6


def layoff_threshold(cut: int, headcount: int) -> bool:
    """LCL 41: a layoff procedure is required when cutting >= 20, or < 20 but >= 10% of headcount."""
    if headcount <= 0:
        raise FactsError("headcount", "must be a positive number of employees", "必须是正数")
    if cut < 0 or cut > headcount:
        raise FactsError("cut", "must be between 0 and the headcount", "必须在 0 与职工总数之间")
    return cut >= 20 or cut * 10 >= headcount


class MedicalPeriod(NamedTuple):
    months: int  # the medical treatment period ([MED] Art. 3)
    window_months: int  # the period within which it is counted cumulatively ([MED] Art. 4)
    boundary: bool  # an exact 5/10/15/20-year boundary: the employee-favourable band was chosen


# [MED] Art. 3 with total working years >= 10: (years with this employer at least, months, window).
_MED_SENIOR = ((20, 24, 30), (15, 18, 24), (10, 12, 18), (5, 9, 15), (0, 6, 12))


def medical_treatment_period(total_years: Decimal | int, company_years: Decimal | int) -> MedicalPeriod:
    """The [MED] medical treatment period for the years worked in total and with this employer.

    The 1994 text's "以下 / 以上" both include the boundary year once read with CC 1259, so at
    exactly 10 total years or 5, 10, 15, 20 years with the employer the longer band is chosen and
    ``boundary`` is set for review.
    """
    if company_years < 0 or total_years < company_years:
        raise FactsError(
            "protected",
            "total working years must be at least the years with this employer",
            "累计工作年限不得少于本单位工作年限",
        )
    boundary = total_years == 10 or company_years in (5, 10, 15, 20)
    if total_years < 10:
        return MedicalPeriod(6, 12, boundary) if company_years >= 5 else MedicalPeriod(3, 6, boundary)
    # The last floor is 0, so a band is always found.
    return next(MedicalPeriod(m, w, boundary) for floor, m, w in _MED_SENIOR if company_years >= floor)
