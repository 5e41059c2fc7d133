"""US-CA layoffs: federal WARN and Cal-WARN thresholds and notice (RULES.md §3.3), final pay and
separation notices for the whole cut, and each employee's WARN back-pay exposure.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from dueprocess.law.base import CENT, Deadline, FactsError, Finding, Text, Warning, complete_months
from dueprocess.law.layoff.model import (
    LayoffAssessment,
    LayoffEmployee,
    LayoffPlan,
    PersonResult,
    Threshold,
    totals_of,
    unique_warnings,
)

WARN, CALWARN = "WARN", "LC 1401"
NOTICE_DAYS = 60  # WARN and LC 1401: 60 calendar days' written notice
WARN_EMPLOYER = 100  # WARN: employers with 100 or more employees, part-timers excluded
SITE_MIN = 50  # WARN plant closing / mass layoff; Cal-WARN mass layoff (LC 1400.5(d))
MASS_LAYOFF_ALONE = 500  # WARN: 500 or more is a mass layoff whatever the share
MASS_LAYOFF_SHARE = 33  # WARN: 50-499 who are at least 33% of the site's active workforce
CALWARN_ESTABLISHMENT = 75  # LC 1400.5(a): employs, or employed in the preceding 12 months, 75+
SB617_FROM = dt.date(2026, 1, 1)  # SB 617: new contents of the LC 1401 notice
ZERO = Decimal("0.00")  # money


def warn_triggered(laid_off: int, site: int, employer: int, closing: bool) -> bool:
    """Federal WARN: a covered employer's plant closing or mass layoff at a single site."""
    if employer < WARN_EMPLOYER or laid_off < SITE_MIN:
        return False
    return closing or laid_off >= MASS_LAYOFF_ALONE or laid_off * 100 >= MASS_LAYOFF_SHARE * site


def calwarn_triggered(laid_off: int, establishment: int, closing: bool) -> bool:
    """Cal-WARN: a mass layoff (50+ in 30 days) or a termination at a covered establishment (75+)."""
    return establishment >= CALWARN_ESTABLISHMENT and (closing or laid_off >= SITE_MIN)


def assess(plan: LayoffPlan, employees: list[LayoffEmployee]) -> LayoffAssessment:
    laid_off = len(employees) + plan.others_in_period
    employer = plan.employer_headcount if plan.employer_headcount is not None else plan.headcount
    federal = warn_triggered(laid_off, plan.headcount, employer, plan.closing)
    state = calwarn_triggered(laid_off, plan.headcount, plan.closing)
    due = plan.last_day - dt.timedelta(days=NOTICE_DAYS)
    missing = _missing(plan, due, federal, state)
    warnings = _warnings(plan, due, state)
    short_days = _short_days(plan) if missing else 0
    persons = _persons(plan, employees, short_days)
    return LayoffAssessment(
        jurisdiction="US-CA",
        ground=plan.layoff_ground,
        last_day=plan.last_day,
        cut=laid_off,
        thresholds=_thresholds(laid_off, plan, employer, federal, state),
        blockers=(),
        missing_steps=tuple(missing),
        deadlines=tuple(_deadlines(plan, due, federal, state)),
        warnings=unique_warnings(warnings),
        persons=tuple(persons),
        totals=totals_of(persons),
    )


def _thresholds(
    laid_off: int, plan: LayoffPlan, employer: int, federal: bool, state: bool
) -> tuple[Threshold, ...]:
    event = "closing" if plan.closing else "layoff"
    return (
        Threshold(
            "US.WARN",
            WARN,
            federal,
            Text(
                f"Federal WARN: employer of {employer} (100+ needed); {laid_off} losing employment at a "
                f"site of {plan.headcount} in 30 days ({event}); a plant closing needs 50+, a mass layoff "
                "500+, or 50-499 who are at least 33% of the site.",
                f"联邦 WARN：雇主 {employer} 人（需 100 人以上）；30 天内在 {plan.headcount} 人的"
                f"工作地点失业 {laid_off} 人（{'关闭' if plan.closing else '裁员'}）；关闭须 50 人以上，"
                "大规模裁员须 500 人以上，或 50-499 人且占该地点至少 33%。",
            ),
        ),
        Threshold(
            "US-CA.CALWARN",
            CALWARN,
            state,
            Text(
                f"Cal-WARN: establishment of {plan.headcount} in the last 12 months (75+ needed); "
                f"{laid_off} laid off in 30 days ({event}); a mass layoff needs 50+, a termination "
                "(closing) any number.",
                f"加州 WARN：该机构过去 12 个月雇用 {plan.headcount} 人（需 75 人以上）；"
                f"30 天内裁员 {laid_off} 人（{'关闭' if plan.closing else '裁员'}）；"
                "大规模裁员须 50 人以上，终止营业不论人数。",
            ),
        ),
    )


def _missing(plan: LayoffPlan, due: dt.date, federal: bool, state: bool) -> list[Finding]:
    given = plan.warn_notice_on
    if given is not None and given <= due:
        return []
    shown = "no notice recorded" if given is None else f"notice given on {given}"
    shown_zh = "未记载通知" if given is None else f"{given} 发出通知"
    found = []
    if state:
        found.append(
            Finding(
                "US-CA.LC1401",
                CALWARN,
                Text(
                    f"Give 60 days' written notice, by {due}, to the affected employees, the EDD, the local "
                    f"workforce development board and the chief elected official of each affected city and "
                    f"county ({shown}).",
                    f"须提前 60 天（不晚于 {due}）书面通知受影响员工、EDD、当地劳动力发展委员会"
                    f"以及各受影响市县的最高民选官员（{shown_zh}）。",
                ),
            )
        )
    if federal:
        found.append(
            Finding(
                "US.WARN",
                WARN,
                Text(
                    f"Give 60 days' written notice, by {due}, to each affected employee (or their union), "
                    "the state dislocated worker unit and the chief elected official of the local "
                    f"government ({shown}).",
                    f"须提前 60 天（不晚于 {due}）书面通知每名受影响员工（或其工会）、州失业工人援助部门"
                    f"及当地政府最高民选官员（{shown_zh}）。",
                ),
            )
        )
    return found


def _short_days(plan: LayoffPlan) -> int:
    """Days of the violation: the part of the 60 days' notice not given."""
    given = plan.warn_notice_on
    notice = 0 if given is None else max((plan.last_day - given).days, 0)
    return max(NOTICE_DAYS - notice, 0)


def _deadlines(plan: LayoffPlan, due: dt.date, federal: bool, state: bool) -> list[Deadline]:
    day = plan.last_day
    found = []
    if state or federal:
        found.append(
            Deadline(
                Text("Give the 60-day layoff notices", "发出 60 天裁员通知"), due, CALWARN if state else WARN
            )
        )
    found += [
        Deadline(
            Text(
                "Pay all final wages on the last day (a layoff is a discharge)",
                "最后工作日支付全部最终工资（裁员视同解雇）",
            ),
            day,
            "LC 201",
        ),
        Deadline(Text("Give EDD pamphlet DE 2320", "发放 EDD 手册 DE 2320"), day, "22 CCR 1089-1"),
        Deadline(
            Text(
                "Give each employee the Notice to Employee as to Change in Relationship",
                "向每名员工发出《雇佣关系变更通知》",
            ),
            day,
            "UI Code 1089",
        ),
        Deadline(
            Text(
                "Give the California HIPP notice with the health-coverage notices",
                "随医疗保险通知一并发放加州 HIPP 通知",
            ),
            day,
            "HIPP",
        ),
        Deadline(
            Text(
                "Where COBRA applies, notify the plan administrator of the qualifying events",
                "如适用 COBRA，通知计划管理人发生了资格事件",
            ),
            day + dt.timedelta(days=30),
            "COBRA",
        ),
    ]
    return found


def _warnings(plan: LayoffPlan, due: dt.date, state: bool) -> list[Warning]:
    found = []
    if plan.employer_headcount is None:
        found.append(
            Warning(
                "US.WARN.EMPLOYER_SIZE",
                Text(
                    "employer_headcount not given: the establishment's headcount was used as the employer's "
                    "size for federal WARN.",
                    "未提供 employer_headcount：联邦 WARN 的雇主规模按该机构人数计算。",
                ),
            )
        )
    if state and max(due, plan.warn_notice_on or due) >= SB617_FROM:
        found.append(
            Warning(
                "US-CA.LC1401.SB617",
                Text(
                    "From 2026-01-01 (SB 617) the LC 1401 notice must also say whether the employer will "
                    "coordinate rapid-response services and give the local board's contact details.",
                    "自 2026-01-01 起（SB 617），LC 1401 通知还须说明雇主是否协调快速响应服务，"
                    "并提供当地委员会的联系方式。",
                ),
            )
        )
    return found


def _persons(plan: LayoffPlan, employees: list[LayoffEmployee], short_days: int) -> list[PersonResult]:
    """Each employee's service and, when the notice is short, the WARN back pay at stake: the daily
    rate for each day of the violation, at most 60 and at most half the days employed (LC 1403 as
    amended by AB 1356; 29 U.S.C. 2104(a)(1))."""
    last_day = plan.last_day
    persons = []
    for i, e in enumerate(employees):
        pay = e.pay
        exposure = ZERO
        if short_days:
            if pay is None:
                raise FactsError(f"employees[{i}].pay", "is required: the daily rate", "为必填项：日工资")
            employed = (last_day - e.hire_date).days + 1
            days = min(Decimal(short_days), Decimal(employed) / 2)
            exposure = (pay * days).quantize(CENT, ROUND_HALF_UP)
        covered = any(p.covers(last_day) for p in e.protected) if e.protected else False
        persons.append(
            PersonResult(
                e.id,
                complete_months(e.hire_date, last_day),
                None,
                pay,
                False,
                ZERO,
                None,
                ZERO,
                exposure,
                ZERO,
                covered,
            )
        )
    return persons
