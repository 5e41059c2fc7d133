"""The batch layoff vocabulary: the plan, the employees, and the assessment of the whole cut.

Per-employee records are NamedTuples, not dataclasses: a batch holds hundreds of thousands of them
and a tuple is the cheapest record Python builds. Everything converts to JSON with ``to_dict``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from dueprocess.law.base import (
    Deadline,
    Finding,
    ProtectedSituation,
    Text,
    Warning,
    decimal_str,
    money_str,
)

JURISDICTION_GROUNDS = {"CN": "economic_layoff", "GB": "redundancy", "US-CA": "layoff"}


@dataclass(frozen=True)
class LayoffPlan:
    """The facts of the whole cut. Which fields matter depends on the jurisdiction.

    ``headcount``: CN the enterprise's total employees (LCL 41); GB the employees at the
    establishment; US-CA the employees at the establishment, counting the preceding 12 months
    (Cal-WARN, LC 1400.5) and excluding part-timers (federal WARN). ``others_in_period``: people
    not in this list whose dismissal counts towards the thresholds (GB: proposed at the same
    establishment within 90 days; US-CA: laid off at the site within 30 days; CN: the same cut).
    """

    jurisdiction: str
    last_day: dt.date  # the planned last day: the first dismissals take effect
    headcount: int
    ground: str = ""  # empty: the jurisdiction's layoff ground (JURISDICTION_GROUNDS)
    locality: str | None = None  # CN: the city whose figures apply (IR 14)
    establishment: str | None = None  # the site, for the record (TULRCA s.188, WARN "single site")
    others_in_period: int = 0
    notice_given_on: dt.date | None = None  # CN, GB: the day individual notices are given
    pay_in_lieu: bool = False  # GB: notice paid in lieu
    staff_explained_on: dt.date | None = None  # CN LCL 41: explanation to the union or all staff
    union_notified_on: dt.date | None = None  # CN LCL 43
    labour_bureau_reported_on: dt.date | None = None  # CN LCL 41: plan reported to the administration
    consultation_started_on: dt.date | None = None  # GB TULRCA s.188
    hr1_sent_on: dt.date | None = None  # GB TULRCA s.193
    employer_headcount: int | None = None  # US: the employer's full-time employees (WARN: 100+)
    closing: bool = False  # US: a plant closing / cessation of operations at the establishment
    warn_notice_on: dt.date | None = None  # US-CA: WARN / Cal-WARN written notice given

    @property
    def layoff_ground(self) -> str:
        return self.ground or JURISDICTION_GROUNDS.get(self.jurisdiction, "")


class LayoffEmployee(NamedTuple):
    """One employee in the cut. ``pay``: CN average monthly wage over the last 12 months (LCL 47);
    GB a week's pay before any cap; US-CA the daily rate."""

    id: str
    hire_date: dt.date
    pay: Decimal | None = None
    birth_date: dt.date | None = None
    sex: str | None = None
    protected: tuple[ProtectedSituation, ...] = ()


class PersonResult(NamedTuple):
    """One employee's figures. ``units``: CN LCL 47 units, GB weeks of redundancy pay.
    ``base``: CN monthly wage W after floor and cap, GB week's pay after the cap, US-CA daily rate.
    ``severance``: CN N, GB statutory redundancy pay. ``exposure``: what the batch's missing steps
    could cost for this person (CN 2N, GB protective award, US-CA WARN back pay); 0 when none.
    ``protected``: CN an LCL 42 situation (blocked); GB qualifies for unfair dismissal; US-CA a
    protected situation on the last day."""

    id: str
    service_months: int
    units: Decimal | None
    base: Decimal | None
    capped: bool
    severance: Decimal
    notice_weeks: int | None
    notice_pay: Decimal
    exposure: Decimal
    total: Decimal
    protected: bool
    blockers: tuple[Finding, ...] = ()
    warnings: tuple[Warning, ...] = ()

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "id": self.id,
            "service": {"years": self.service_months // 12, "months": self.service_months % 12},
            "units": decimal_str(self.units),
            "base": money_str(self.base),
            "capped": self.capped,
            "severance": money_str(self.severance),
            "notice_weeks": self.notice_weeks,
            "notice_pay": money_str(self.notice_pay),
            "exposure": money_str(self.exposure),
            "total": money_str(self.total),
            "protected": self.protected,
            "blockers": [f.to_dict(lang) for f in self.blockers],
            "warnings": [w.to_dict(lang) for w in self.warnings],
        }


@dataclass(frozen=True)
class Threshold:
    """A collective-dismissal threshold and whether this cut reaches it."""

    code: str
    article: str
    triggered: bool
    message: Text

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "code": self.code,
            "article": self.article,
            "triggered": self.triggered,
            "message": self.message(lang),
        }


class Totals(NamedTuple):
    employees: int
    blocked: int  # employees with a blocker of their own
    severance: Decimal
    notice_pay: Decimal
    exposure: Decimal
    total: Decimal  # severance + notice pay: what the cut costs on the lawful path

    def to_dict(self) -> dict:
        return {
            "employees": self.employees,
            "blocked": self.blocked,
            "severance": money_str(self.severance),
            "notice_pay": money_str(self.notice_pay),
            "exposure": money_str(self.exposure),
            "total": money_str(self.total),
        }


def totals_of(persons: list[PersonResult]) -> Totals:
    """Sums over the persons (each figure is already rounded to the cent, so the sum is exact)."""
    return Totals(
        employees=len(persons),
        blocked=sum(1 for p in persons if p.blockers),
        severance=sum((p.severance for p in persons), Decimal(0)),
        notice_pay=sum((p.notice_pay for p in persons), Decimal(0)),
        exposure=sum((p.exposure for p in persons), Decimal(0)),
        total=sum((p.total for p in persons), Decimal(0)),
    )


@dataclass(frozen=True)
class LayoffAssessment:
    jurisdiction: str
    ground: str
    last_day: dt.date
    cut: int  # employees counted towards the thresholds: this list plus others_in_period
    thresholds: tuple[Threshold, ...]
    blockers: tuple[Finding, ...]
    missing_steps: tuple[Finding, ...]
    deadlines: tuple[Deadline, ...]
    warnings: tuple[Warning, ...]
    persons: tuple[PersonResult, ...]
    totals: Totals

    @property
    def lawful(self) -> bool:
        """No blocker stands for the batch or any employee in it, and no step is missing."""
        return not self.blockers and not self.missing_steps and not self.totals.blocked

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "jurisdiction": self.jurisdiction,
            "ground": self.ground,
            "last_day": self.last_day.isoformat(),
            "cut": self.cut,
            "lawful": self.lawful,
            "thresholds": [t.to_dict(lang) for t in self.thresholds],
            "blockers": [f.to_dict(lang) for f in self.blockers],
            "missing_steps": [f.to_dict(lang) for f in self.missing_steps],
            "deadlines": [d.to_dict(lang) for d in self.deadlines],
            "warnings": [w.to_dict(lang) for w in self.warnings],
            "persons": [p.to_dict(lang) for p in self.persons],
            "totals": self.totals.to_dict(),
        }


def unique_warnings(warnings: list[Warning]) -> tuple[Warning, ...]:
    """The first warning of each code, in order (every employee meets the same figures)."""
    seen: dict[str, Warning] = {}
    for warning in warnings:
        seen.setdefault(warning.code, warning)
    return tuple(seen.values())
