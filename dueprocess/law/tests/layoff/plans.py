"""Plans and employees for the batch layoff tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from dueprocess.law.base import ProtectedSituation
from dueprocess.law.layoff import LayoffEmployee, LayoffPlan

D = dt.date

CN_PLAN = LayoffPlan(
    jurisdiction="CN",
    last_day=D(2025, 9, 30),
    headcount=1000,
    locality="shanghai",
    notice_given_on=D(2025, 9, 1),
    staff_explained_on=D(2025, 8, 29),
    union_notified_on=D(2025, 8, 29),
    labour_bureau_reported_on=D(2025, 9, 10),
)
GB_PLAN = LayoffPlan(
    jurisdiction="GB",
    last_day=D(2025, 9, 30),
    headcount=500,
    notice_given_on=D(2025, 7, 1),
    consultation_started_on=D(2025, 6, 1),
    hr1_sent_on=D(2025, 6, 1),
)
US_PLAN = LayoffPlan(
    jurisdiction="US-CA",
    last_day=D(2025, 9, 30),
    headcount=300,
    employer_headcount=2000,
    warn_notice_on=D(2025, 8, 1),
)
PAY = {"CN": Decimal("15000.00"), "GB": Decimal("600.00"), "US-CA": Decimal("240.00")}


def plan(base: LayoffPlan, **changes: Any) -> LayoffPlan:
    return dataclasses.replace(base, **changes)


def person(jurisdiction: str, i: int = 0, **changes: Any) -> LayoffEmployee:
    """An employee hired in 2015, born in 1985, on the jurisdiction's usual pay."""
    base = LayoffEmployee(
        id=f"E{i}",
        hire_date=D(2015, 3, 1),
        pay=PAY[jurisdiction],
        birth_date=D(1985, 6, 15),
        sex="female",
    )
    return base._replace(**changes)


def people(jurisdiction: str, count: int, **changes: Any) -> list[LayoffEmployee]:
    return [person(jurisdiction, i, **changes) for i in range(count)]


PREGNANT = (ProtectedSituation("pregnancy", D(2025, 5, 1), None),)
