"""CN economic layoff (LCL 41): the threshold and procedure for the cut, and each employee's N and
LCL 42 status. Every China rule comes from ``jurisdictions.china``; this module only batches them.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from dueprocess.law.base import (
    CENT,
    Deadline,
    Employee,
    Facts,
    FactsError,
    Finding,
    Notice,
    Text,
    Warning,
)
from dueprocess.law.jurisdictions.china import (
    layoff_threshold,
    monthly_base,
    protection,
    retirement,
    service_months,
)
from dueprocess.law.jurisdictions.china.grounds import GROUNDS
from dueprocess.law.jurisdictions.china.rules import add_months
from dueprocess.law.jurisdictions.china.severance import LCL_START, compute, limited_units
from dueprocess.law.jurisdictions.china.wages import Wage
from dueprocess.law.layoff.model import (
    LayoffAssessment,
    LayoffEmployee,
    LayoffPlan,
    PersonResult,
    Threshold,
    totals_of,
    unique_warnings,
)

LCL41 = "LCL 41"
EXPLANATION_DAYS = 30  # LCL 41: explain to the union or all staff 30 days in advance
GROUND = "economic_layoff"
ZERO = Decimal("0.00")  # money
TWO = Decimal(2)


def assess(plan: LayoffPlan, employees: list[LayoffEmployee]) -> LayoffAssessment:
    if plan.locality is None:
        raise FactsError("locality", "is required to apply IR 27 and the LCL 47 cap", "须提供工作地城市")
    cut = len(employees) + plan.others_in_period
    triggered = layoff_threshold(cut, plan.headcount)
    blockers = [] if triggered else [_below_threshold(cut, plan.headcount)]
    missing = _missing_steps(plan) if triggered else []
    warnings: list[Warning] = []
    persons = _persons(plan, employees, bool(blockers or missing), warnings)
    warnings += _priorities()
    return LayoffAssessment(
        jurisdiction="CN",
        ground=plan.layoff_ground,
        last_day=plan.last_day,
        cut=cut,
        thresholds=(_threshold(cut, plan.headcount, triggered),),
        blockers=tuple(blockers),
        missing_steps=tuple(missing),
        deadlines=tuple(_deadlines(plan)),
        warnings=unique_warnings(warnings),
        persons=tuple(persons),
        totals=totals_of(persons),
    )


def _threshold(cut: int, headcount: int, triggered: bool) -> Threshold:
    return Threshold(
        "CN.LCL.41",
        LCL41,
        triggered,
        Text(
            f"Cutting {cut} of {headcount} employees ({cut * 100 / headcount:.1f}%): LCL 41 applies to a "
            "cut of 20 or more, or of under 20 that is at least 10% of all employees.",
            f"裁减 {cut} 人，占职工总数 {headcount} 人的 {cut * 100 / headcount:.1f}%：第四十一条适用于裁减"
            "二十人以上，或不足二十人但占职工总数百分之十以上。",
        ),
    )


def _below_threshold(cut: int, headcount: int) -> Finding:
    return Finding(
        "CN.LCL.41.THRESHOLD",
        LCL41,
        Text(
            f"A cut of {cut} of {headcount} is below the LCL 41 threshold: it is not an economic layoff. "
            "End each contract on its own ground (e.g. LCL 40(3) after consultation) or by agreement.",
            f"裁减 {cut} 人（共 {headcount} 人）未达到第四十一条的人数标准，不属于经济性裁员；应按各自理由"
            "（如协商不成后依第四十条第三项）或协商一致解除。",
        ),
    )


def _missing_steps(plan: LayoffPlan) -> list[Finding]:
    found = []
    due = plan.last_day - dt.timedelta(days=EXPLANATION_DAYS)
    explained = plan.staff_explained_on
    if explained is None or explained > due:
        shown = "not recorded" if explained is None else f"given on {explained}"
        found.append(
            Finding(
                "CN.LCL.41.EXPLAIN",
                LCL41,
                Text(
                    f"Explain the layoff to the union or all staff at least 30 days ahead, by {due}, and "
                    f"hear their views ({shown}).",
                    f"须至少提前三十日（不晚于 {due}）向工会或者全体职工说明情况并听取意见"
                    f"（{'未记载' if explained is None else f'{explained} 说明'}）。",
                ),
            )
        )
    reported = plan.labour_bureau_reported_on
    if reported is None or reported > plan.last_day:
        found.append(
            Finding(
                "CN.LCL.41.REPORT",
                LCL41,
                Text(
                    "Report the layoff plan to the labour administration before the cut.",
                    "裁减人员方案须在裁减前向劳动行政部门报告。",
                ),
            )
        )
    decided = plan.notice_given_on or plan.last_day
    if plan.union_notified_on is None or plan.union_notified_on > decided:
        found.append(
            Finding(
                "CN.LCL.43",
                "LCL 43",
                Text(
                    "Notify the union of the reasons before terminating and answer its view in writing.",
                    "解除前须将理由通知工会，并书面回复工会意见。",
                ),
            )
        )
    return found


def _deadlines(plan: LayoffPlan) -> list[Deadline]:
    day = plan.last_day
    return [
        Deadline(
            Text("Explain the layoff to the union or all staff", "向工会或者全体职工说明情况"),
            day - dt.timedelta(days=EXPLANATION_DAYS),
            LCL41,
        ),
        Deadline(
            Text("Report the layoff plan to the labour administration", "向劳动行政部门报告裁减人员方案"),
            day,
            LCL41,
        ),
        Deadline(
            Text("Issue the termination certificates (IR 24 contents)", "出具解除劳动合同的证明"),
            day,
            "LCL 50",
        ),
        Deadline(
            Text("Transfer the personnel files and social insurance", "办理档案和社会保险关系转移手续"),
            day + dt.timedelta(days=15),
            "LCL 50",
        ),
        Deadline(
            Text(
                "Re-hiring within 6 months: notify the laid-off employees and prefer them",
                "六个月内重新招用人员的，通知并优先招用被裁减人员",
            ),
            add_months(day, 6),
            LCL41,
        ),
    ]


def _priorities() -> list[Warning]:
    return [
        Warning(
            "CN.LCL.41.RETAIN",
            Text(
                "Retain with priority: longer fixed-term contracts, open-ended contracts, and employees "
                "whose family has no other employed member and who support elderly or minors (LCL 41).",
                "应优先留用：订立较长期限固定期限合同的、订立无固定期限合同的、家庭无其他就业人员且有需要扶养"
                "的老人或者未成年人的（第四十一条）。",
            ),
        )
    ]


def _persons(
    plan: LayoffPlan, employees: list[LayoffEmployee], exposed: bool, warnings: list[Warning]
) -> list[PersonResult]:
    """Each employee's service, N (LCL 46(4), 47) and LCL 42 status; 2N as the exposure when the
    batch has a blocker or a missing step (LCL 48, 87)."""
    last_day, locality = plan.last_day, plan.locality or ""
    born_by = _retirement_cutoff(last_day)
    ground = GROUNDS[GROUND]
    persons = []
    for i, e in enumerate(employees):
        pay = e.pay
        if pay is None:
            raise FactsError(
                f"employees[{i}].pay", "is required: the average monthly wage", "为必填项：月平均工资"
            )
        months = service_months(e.hire_date, last_day)
        base, capped, found = monthly_base(pay, locality, last_day)
        if i == 0:
            warnings += found
        units = limited_units(months, capped)
        if e.hire_date < LCL_START:
            severance, more = compute(ground, e.hire_date, last_day, Wage(pay, base, capped, (), ()))
            units, amount = severance.units, severance.amount
            warnings += more
        else:
            amount = (units * base).quantize(CENT, ROUND_HALF_UP)
        blockers: tuple[Finding, ...] = ()
        notes: tuple[Warning, ...] = ()
        if e.protected or (
            months >= protection.FIFTEEN_YEARS and (e.birth_date is None or e.birth_date <= born_by)
        ):
            blockers, notes = _protection(plan, e, i)
        exposure = ZERO
        if exposed or blockers:
            # IR 25: 2N counts all service from the start of employment, not segmented.
            exposure = (TWO * limited_units(months, capped) * base).quantize(CENT, ROUND_HALF_UP)
        persons.append(
            PersonResult(
                e.id,
                months,
                units,
                base,
                capped,
                amount,
                None,
                ZERO,
                exposure,
                amount,
                bool(blockers),
                blockers,
                notes,
            )
        )
    return persons


def _retirement_cutoff(last_day: dt.date) -> dt.date:
    """The latest birth date for which LCL 42(5) (under 5 years to retirement) can apply.

    No statutory retirement age is below the lowest original age in the data, so anyone younger
    than that age less 5 years on the last day is not within 5 years of retiring: the batch skips
    the full LCL 42 check for them.
    """
    youngest = min(rule.original_age_years for rule in retirement.rules().values())
    return add_months(last_day, -(youngest * 12 - protection.FIVE_YEARS))


def _protection(
    plan: LayoffPlan, e: LayoffEmployee, i: int
) -> tuple[tuple[Finding, ...], tuple[Warning, ...]]:
    facts = Facts(
        jurisdiction="CN",
        ground=GROUND,
        last_day=plan.last_day,
        locality=plan.locality,
        employee=Employee(hire_date=e.hire_date, birth_date=e.birth_date, sex=e.sex),
        notice=Notice(given_on=plan.notice_given_on) if plan.notice_given_on else None,
        protected=e.protected,
    )
    try:
        found, warnings = protection.situations(facts)
    except FactsError as error:
        field = error.field.removeprefix("employee.")
        raise FactsError(f"employees[{i}].{field}", error.message, error.zh) from None
    return tuple(found), tuple(warnings)
