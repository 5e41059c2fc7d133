"""Notice on each route (LCL 37, 39, 40, 41) and the LCL 50 deadlines after the last day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dueprocess.law.base import Deadline, Facts, FactsError, Line, NoticeResult, Text, money_str
from dueprocess.law.jurisdictions.china.grounds import NOTICE_LCL40, NOTICE_NONE, NOTICE_RESIGNATION, Ground
from dueprocess.law.jurisdictions.china.rules import add_months

FILE_TRANSFER = dt.timedelta(days=15)  # personnel file and social insurance transfer (LCL 50)


def notice(ground: Ground, facts: Facts) -> NoticeResult | None:
    if ground.notice == NOTICE_LCL40:
        return _lcl40(facts)
    if ground.notice == NOTICE_RESIGNATION:
        return _resignation(facts)
    if ground.notice == NOTICE_NONE:
        what = Text("No individual notice on this route", "此种解除无须提前通知劳动者本人")
        return NoticeResult(required_days=0, lines=(Line(what, "0", ground.article),))
    return None


def _lcl40(facts: Facts) -> NoticeResult:
    given = facts.notice
    if given is not None and given.pay_in_lieu:
        if facts.pay.previous_month is None:
            raise FactsError(
                "pay.previous_month",
                "is required for pay in lieu of notice (IR 20: the previous month's wage)",
                "代通知金须提供上一个月工资（实施条例第二十条）",
            )
        amount = facts.pay.previous_month
        line = Line(
            Text("Pay in lieu of notice: the previous month's wage", "代通知金：劳动者上一个月的工资"),
            money_str(amount) or "",
            "IR 20",
        )
        return NoticeResult(required_days=30, pay_in_lieu=amount, lines=(line,))
    days = (facts.last_day - given.given_on).days if given and given.given_on else 0
    line = Line(
        Text(
            f"Written notice: {days} days before the last day (30 required)",
            f"书面通知：提前 {days} 日（须三十日）",
        ),
        str(days),
        "LCL 40",
    )
    return NoticeResult(required_days=30, pay_in_lieu=Decimal(0), lines=(line,))


def _resignation(facts: Facts) -> NoticeResult:
    probation = facts.contract.probation_end
    given = facts.notice.given_on if facts.notice else None
    in_probation = probation is not None and (given or facts.last_day) <= probation
    days = 3 if in_probation else 30
    what = Text(
        f"The employee's written notice: {days} days" + (" (in probation)" if in_probation else ""),
        f"劳动者书面通知：提前 {days} 日" + ("（试用期内）" if in_probation else ""),
    )
    return NoticeResult(required_days=days, lines=(Line(what, str(days), "LCL 37"),))


def deadlines(facts: Facts, severance_due: bool, pay_in_lieu: bool) -> tuple[Deadline, ...]:
    """LCL 50: certificate at termination, file transfer in 15 days, N at handover, keep 2 years."""
    day = facts.last_day
    found = [
        Deadline(
            Text("Issue the termination certificate (IR 24 contents)", "出具解除或终止劳动合同的证明"),
            day,
            "LCL 50",
        ),
        Deadline(
            Text("Transfer the personnel file and social insurance", "办理档案和社会保险关系转移手续"),
            day + FILE_TRANSFER,
            "LCL 50",
        ),
    ]
    if severance_due:
        found.append(
            Deadline(
                Text("Pay N when the handover is completed", "办结工作交接时支付经济补偿"),
                day,
                "LCL 50",
            )
        )
    if pay_in_lieu:
        found.append(Deadline(Text("Pay the wage in lieu of notice", "支付代通知金"), day, "IR 20"))
    found.append(
        Deadline(
            Text("Keep the terminated contract text at least until", "已解除或终止的劳动合同文本至少保存至"),
            add_months(day, 24),
            "LCL 50",
        )
    )
    return tuple(found)
