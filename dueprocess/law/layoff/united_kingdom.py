"""GB collective redundancies (TULRCA ss.188, 193) and each employee's redundancy and notice pay.

The per-employee path calls the same counting rules as the single assessment
(``jurisdictions.united_kingdom.rules``) and looks each figure up once per relevant date.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from dueprocess.law.base import CENT, Deadline, FactsError, Finding, Text, Warning
from dueprocess.law.jurisdictions.united_kingdom.rules import (
    PROTECTIVE_AWARD_MAX,
    QUALIFYING_YEARS,
    UNFAIR_DISMISSAL_QUALIFYING,
    WEEK_PAY_CAP,
    complete_months,
    gb_figure,
    redundancy_bands,
    relevant_date,
)
from dueprocess.law.layoff.model import (
    LayoffAssessment,
    LayoffEmployee,
    LayoffPlan,
    PersonResult,
    Threshold,
    totals_of,
    unique_warnings,
)

S188 = "TULRCA s.188"
S193 = "TULRCA s.193"
COLLECTIVE_MIN = 20  # s.188(1): 20 or more at one establishment within 90 days
LARGE = 100  # s.188(1A)(a): 100 or more -> 45 days, otherwise 30
LONG_DAYS, SHORT_DAYS = 45, 30
ZERO = Decimal("0.00")  # money
FAIR_SELECTION = Warning(
    "GB.REDUNDANCY.FAIRNESS",
    Text(
        "Each dismissal also needs a fair selection pool and criteria, individual consultation and an "
        "offer of any suitable alternative employment (ERA s.98(4), s.141); employees on maternity or "
        "family leave have priority for suitable vacancies.",
        "每一项解雇还需要公平的选择范围和标准、个别协商，并提供任何合适的替代工作（ERA 第 98(4)、141 条）；"
        "休产假或家庭假的员工对合适的空缺职位享有优先权。",
    ),
)


def assess(plan: LayoffPlan, employees: list[LayoffEmployee]) -> LayoffAssessment:
    proposed = len(employees) + plan.others_in_period
    triggered = proposed >= COLLECTIVE_MIN
    days = LONG_DAYS if proposed >= LARGE else SHORT_DAYS
    missing, deadlines, warnings = _collective(plan, triggered, days) if triggered else ([], [], [])
    award_days, award_warnings = gb_figure(PROTECTIVE_AWARD_MAX, plan.last_day)
    award_weeks = award_days / 7 if missing else Decimal(0)
    persons = _persons(plan, employees, award_weeks, warnings)
    short = sum(1 for p in persons if p.notice_pay)
    if short and not plan.pay_in_lieu:
        missing.append(_short_notice(short))
    warnings += award_warnings if missing else ()
    warnings.append(FAIR_SELECTION)
    return LayoffAssessment(
        jurisdiction="GB",
        ground=plan.layoff_ground,
        last_day=plan.last_day,
        cut=proposed,
        thresholds=(_threshold(proposed, triggered, days),),
        blockers=(),
        missing_steps=tuple(missing),
        deadlines=tuple(deadlines),
        warnings=unique_warnings(warnings),
        persons=tuple(persons),
        totals=totals_of(persons),
    )


def _threshold(proposed: int, triggered: bool, days: int) -> Threshold:
    if triggered:
        text = Text(
            f"{proposed} redundancies proposed at one establishment within 90 days (20 or more): "
            f"consult at least {days} days before the first dismissal takes effect.",
            f"拟在 90 天内于同一机构裁员 {proposed} 人（20 人以上）："
            f"须在首个解雇生效前至少 {days} 天开始协商。",
        )
    else:
        text = Text(
            f"{proposed} redundancies proposed at one establishment within 90 days: under 20, no "
            "collective consultation; individual consultation is still needed.",
            f"拟在 90 天内于同一机构裁员 {proposed} 人：不足 20 人，无须集体协商；仍须个别协商。",
        )
    return Threshold("GB.TULRCA.188", S188, triggered, text)


def _collective(
    plan: LayoffPlan, triggered: bool, days: int
) -> tuple[list[Finding], list[Deadline], list[Warning]]:
    due = plan.last_day - dt.timedelta(days=days)
    deadlines = [
        Deadline(
            Text(
                "Start collective consultation with the union or elected employee representatives",
                "与工会或选出的员工代表开始集体协商",
            ),
            due,
            S188,
        ),
        Deadline(
            Text("Send form HR1 to the Redundancy Payments Service", "向裁员补偿服务机构提交 HR1 表"),
            due,
            S193,
        ),
    ]
    missing = []
    started = plan.consultation_started_on
    if started is None or started > due:
        missing.append(_late(S188, "GB.TULRCA.188", started, due, days, "consultation started", "协商开始"))
    sent = plan.hr1_sent_on
    if sent is None or sent > due:
        missing.append(_late(S193, "GB.TULRCA.193", sent, due, days, "form HR1 sent", "HR1 表提交"))
    warnings = []
    if plan.notice_given_on and (started is None or plan.notice_given_on < started):
        warnings.append(
            Warning(
                "GB.TULRCA.188.NOTICE_BEFORE_CONSULTATION",
                Text(
                    "Individual notices are given before collective consultation began: consultation "
                    "must come first, and notices should wait until it is complete.",
                    "在集体协商开始之前就发出了个人解雇通知：应先协商，并在协商完成后再发出通知。",
                ),
            )
        )
    return missing, deadlines, warnings


def _late(
    article: str, code: str, done: dt.date | None, due: dt.date, days: int, en: str, zh: str
) -> Finding:
    shown = "not recorded" if done is None else f"recorded on {done}"
    shown_zh = "未记载" if done is None else f"记载于 {done}"
    return Finding(
        code,
        article,
        Text(
            f"{en[0].upper()}{en[1:]} at least {days} days before the first dismissal, by {due} ({shown}).",
            f"{zh}须不晚于首个解雇生效前 {days} 天，即 {due}（{shown_zh}）。",
        ),
    )


def _short_notice(count: int) -> Finding:
    return Finding(
        "GB.ERA.86",
        "ERA s.86",
        Text(
            f"Employees getting less than their statutory minimum notice: {count}. Give it, or pay in "
            "lieu (notice_pay per employee).",
            f"通知期短于法定最短通知期的员工：{count} 名。"
            "须补足通知期或支付代通知金（见每人的 notice_pay）。",
        ),
    )


def _persons(
    plan: LayoffPlan, employees: list[LayoffEmployee], award_weeks: Decimal, warnings: list[Warning]
) -> list[PersonResult]:
    """Each employee's service, notice, redundancy pay and unfair-dismissal status (ERA ss.86, 162)."""
    last_day = plan.last_day
    notice_on = plan.notice_given_on
    qualifying, found = gb_figure(UNFAIR_DISMISSAL_QUALIFYING, last_day)
    warnings += found
    caps: dict[dt.date, Decimal] = {}
    persons = []
    for i, e in enumerate(employees):
        rel = relevant_date(e.hire_date, last_day, notice_on)
        months = complete_months(e.hire_date, rel.day)
        years = months // 12
        pay = e.pay
        if pay is None:
            raise FactsError(f"employees[{i}].pay", "is required: a week's pay", "为必填项：周工资")
        cap = caps.get(rel.day)
        if cap is None:
            cap, found = gb_figure(WEEK_PAY_CAP, rel.day)
            caps[rel.day] = cap
            warnings += found
        used = pay if pay < cap else cap
        if years >= QUALIFYING_YEARS:
            if e.birth_date is None:
                raise FactsError(
                    f"employees[{i}].birth_date", "is required for redundancy pay", "计算裁员补偿时为必填项"
                )
            weeks = redundancy_bands(e.birth_date, years, rel.day).weeks
            severance = (weeks * used).quantize(CENT, ROUND_HALF_UP)
        else:
            weeks, severance = Decimal(0), ZERO
        notice_pay = ZERO
        if rel.moved:
            notice_pay = (pay * (rel.expiry - last_day).days / 7).quantize(CENT, ROUND_HALF_UP)
        exposure = (pay * award_weeks).quantize(CENT, ROUND_HALF_UP) if award_weeks else ZERO
        persons.append(
            PersonResult(
                e.id,
                complete_months(e.hire_date, last_day) if rel.moved else months,
                weeks,
                used,
                used != pay,
                severance,
                rel.weeks,
                notice_pay,
                exposure,
                severance + notice_pay,
                months >= qualifying,
            )
        )
    return persons
