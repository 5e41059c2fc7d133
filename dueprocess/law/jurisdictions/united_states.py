"""United States, California (US-CA): at-will employment, final pay, waiting-time penalties and the
notices due at separation (shared/law/RULES.md §3). WARN and Cal-WARN are in the batch layoff
assessment (``dueprocess.law.layoff``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar, NamedTuple

from dueprocess.law.base import (
    Assessment,
    Deadline,
    Facts,
    FactsError,
    FinalPay,
    Line,
    Service,
    Text,
    Warning,
    complete_months,
    money,
)
from dueprocess.law.jurisdictions.base import Jurisdiction

QUIT_NOTICE_DAYS = 3  # LC 202: at least 72 hours' notice of quitting
MAX_PENALTY_DAYS = 30  # LC 203: wages continue as a penalty for at most 30 days

GROUNDS: dict[str, tuple[Text, str]] = {
    "discharge": (Text("Discharge", "解雇"), "LC 2922"),
    "layoff": (Text("Layoff", "裁员"), "LC 2922"),
    "resignation_with_notice": (
        Text("Resignation with at least 72 hours' notice", "提前至少 72 小时通知的辞职"),
        "LC 202",
    ),
    "resignation_without_notice": (
        Text("Resignation without 72 hours' notice", "未提前 72 小时通知的辞职"),
        "LC 202",
    ),
}
QUITS = frozenset({"resignation_with_notice", "resignation_without_notice"})


class Due(NamedTuple):
    day: dt.date
    article: str
    why: Text


def final_pay_due(ground: str, last_day: dt.date, notice_given_on: dt.date | None) -> Due:
    """When final wages are due (LC 201, 202).

    A discharge or a layoff: immediately, on the last day (LC 201; a layoff is a discharge). A quit
    with at least 72 hours' notice: at the time of quitting (LC 202); otherwise within 72 hours.
    """
    if ground not in QUITS:
        return Due(
            last_day, "LC 201", Text("Discharge: final wages due immediately", "解雇：最终工资须立即支付")
        )
    if notice_given_on is not None and (last_day - notice_given_on).days >= QUIT_NOTICE_DAYS:
        return Due(
            last_day,
            "LC 202",
            Text(
                "Quit with 72 hours' notice or more: due at the time of quitting",
                "提前 72 小时以上通知辞职：离职时支付",
            ),
        )
    return Due(
        last_day + dt.timedelta(days=QUIT_NOTICE_DAYS),
        "LC 202",
        Text("Quit without 72 hours' notice: due within 72 hours", "未提前 72 小时通知辞职：72 小时内支付"),
    )


def days_late(due_on: dt.date, paid_on: dt.date | None) -> int:
    """Calendar days after the due date up to and including the day of payment (weekends count)."""
    return 0 if paid_on is None else max((paid_on - due_on).days, 0)


def waiting_time_penalty(daily_rate: Decimal, late: int, good_faith_dispute: bool = False) -> Decimal:
    """LC 203: the daily rate for each calendar day late, at most 30; none on a good-faith dispute."""
    if good_faith_dispute or late <= 0:
        return Decimal(0)
    return daily_rate * min(late, MAX_PENALTY_DAYS)


class California(Jurisdiction):
    code = "US-CA"
    name = Text("United States, California", "美国加利福尼亚州")
    grounds: ClassVar[dict[str, tuple[Text, str]]] = GROUNDS

    def assess(self, facts: Facts) -> Assessment:
        self.check_ground(facts.ground)
        warnings = _warnings(facts)
        final_pay = _final_pay(facts, warnings)
        hire = facts.employee.hire_date
        months = None if hire is None else complete_months(hire, facts.last_day)
        return Assessment(
            jurisdiction=self.code,
            ground=facts.ground,
            service=None if months is None else Service(months // 12, months % 12),
            final_pay=final_pay,
            total=money(final_pay.waiting_time_penalty),
            deadlines=tuple(_deadlines(facts, final_pay.due_on)),
            warnings=tuple(warnings),
            lines=final_pay.lines,
        )


def _final_pay(facts: Facts, warnings: list[Warning]) -> FinalPay:
    given_on = facts.notice.given_on if facts.notice else None
    if facts.ground == "resignation_with_notice" and given_on is None:
        raise FactsError(
            "notice.given_on", "is required for a resignation with notice", "提前通知辞职时为必填项"
        )
    due = final_pay_due(facts.ground, facts.last_day, given_on)
    if facts.ground == "resignation_with_notice" and due.day != facts.last_day:
        warnings.append(_SHORT_QUIT_NOTICE)
    paid_on = facts.procedure.final_pay_on
    late = days_late(due.day, paid_on)
    lines = [Line(due.why, due.day.isoformat(), due.article)]
    if paid_on is None:
        lines.append(Line(Text("Final wages not yet paid", "最终工资尚未支付"), "", due.article))
        return FinalPay(due.day, 0, Decimal(0), tuple(lines))
    lines.append(
        Line(
            Text(f"Paid on {paid_on}: calendar days late", f"{paid_on} 支付：迟延日历天数"),
            str(late),
            "LC 203",
        )
    )
    dispute = facts.procedure.good_faith_dispute is True
    if late and dispute:
        lines.append(
            Line(
                Text("Good-faith dispute over the wages: no penalty", "对工资存在善意争议：不计罚金"),
                "0.00",
                "LC 203",
            )
        )
        return FinalPay(due.day, late, Decimal(0), tuple(lines))
    penalty = Decimal(0)
    if late:
        daily = facts.pay.daily_rate
        if daily is None:
            raise FactsError(
                "pay.daily_rate", "is required when final wages were paid late", "最终工资迟延支付时为必填项"
            )
        penalty = waiting_time_penalty(daily, late)
        counted = min(late, MAX_PENALTY_DAYS)
        lines += [
            Line(Text("Days counted (at most 30)", "计罚天数（最多 30 天）"), str(counted), "LC 203"),
            Line(
                Text(
                    f"Waiting-time penalty: {counted} x daily rate {daily:.2f}",
                    f"等待期罚金：{counted} x 日工资 {daily:.2f}",
                ),
                f"{money(penalty):.2f}",
                "LC 203",
            ),
        ]
    return FinalPay(due.day, late, penalty, tuple(lines))


def _deadlines(facts: Facts, due_on: dt.date) -> list[Deadline]:
    last = facts.last_day
    return [
        Deadline(
            Text("Pay all final wages", "支付全部最终工资"),
            due_on,
            "LC 201" if facts.ground not in QUITS else "LC 202",
        ),
        Deadline(
            Text(
                "Pay accrued, unused vacation or PTO with the final wages",
                "随最终工资支付已累积未使用的带薪假",
            ),
            due_on,
            "LC 227.3",
        ),
        Deadline(
            Text(
                "Give EDD pamphlet DE 2320 'For Your Benefit: California's Programs for the Unemployed'",
                "发放 EDD 手册 DE 2320《为了您的权益：加州失业援助项目》",
            ),
            last,
            "22 CCR 1089-1",
        ),
        Deadline(
            Text(
                "Give the written Notice to Employee as to Change in Relationship (employer, employee, "
                "SSN, discharge/layoff/leave/quit, date of action)",
                "发出书面《雇佣关系变更通知》（雇主、员工、社会安全号、解雇/裁员/休假/辞职、生效日期）",
            ),
            last,
            "UI Code 1089",
        ),
        Deadline(
            Text(
                "Give the California HIPP notice with the health-coverage notices",
                "随医疗保险通知一并发放加州 HIPP 通知",
            ),
            last,
            "HIPP",
        ),
        Deadline(
            Text(
                "Where COBRA applies, notify the group health plan administrator of the qualifying event",
                "如适用 COBRA，通知团体医疗计划管理人发生了资格事件",
            ),
            last + dt.timedelta(days=30),
            "COBRA",
        ),
    ]


_SHORT_QUIT_NOTICE = Warning(
    "US-CA.LC202.SHORT_NOTICE",
    Text(
        "The notice of quitting was under 72 hours, so final wages are due within 72 hours (LC 202).",
        "辞职通知不足 72 小时，最终工资应在 72 小时内支付（LC 202）。",
    ),
)


def _warnings(facts: Facts) -> list[Warning]:
    found = []
    if facts.ground in QUITS:
        found.append(
            Warning(
                "US-CA.UI1089.QUIT",
                Text(
                    "Sources differ on whether the DE 2320 pamphlet and the change-in-relationship notice "
                    "are required on a voluntary quit; giving both at every separation is the safe default.",
                    "对于员工主动辞职是否须发放 DE 2320 手册和关系变更通知，资料说法不一；每次离职都发放两者"
                    "较为稳妥。",
                ),
            )
        )
    end = facts.contract.end_date
    if facts.ground not in QUITS and facts.contract.type != "open_ended" and end and end > facts.last_day:
        found.append(
            Warning(
                "US-CA.LC2922.FIXED_TERM",
                Text(
                    f"The contract runs to {end}: employment for a specified term is not at will "
                    "(LC 2922); ending it early needs wilful breach, habitual neglect or continued "
                    "incapacity (LC 2924).",
                    f"合同期限至 {end}：有固定期限的雇佣不适用随意雇佣（LC 2922）；提前终止须有故意违约、"
                    "习惯性疏忽或持续丧失能力等理由（LC 2924）。",
                ),
            )
        )
    for situation in facts.protected:
        if situation.covers(facts.last_day) and facts.ground not in QUITS:
            found.append(
                Warning(
                    f"US-CA.PROTECTED.{situation.kind}",
                    Text(
                        f"Protected situation '{situation.kind}': at-will employment does not allow a "
                        "dismissal because of it (FEHA, Gov. Code 12940; public policy).",
                        f"受保护情形“{situation.kind}”：随意雇佣亦不允许因该情形解雇"
                        "（FEHA，政府法典第 12940 条；公共政策）。",
                    ),
                )
            )
    return found
