"""Whether the ground fits the facts (blockers) and what the employer must still do (missing steps)."""

from __future__ import annotations

import datetime as dt

from dueprocess.law.base import Facts, FactsError, Finding, Text, Warning
from dueprocess.law.jurisdictions.china.grounds import NOTICE_LCL40, Ground
from dueprocess.law.jurisdictions.china.rules import ONE_DAY, add_months, probation_limit, service_months

NOTICE_DAYS = 30  # LCL 40 written notice; LCL 41 explanation to the union or all staff


def decision_day(facts: Facts) -> dt.date:
    """The day the employer decides: when notice is given, else the last day."""
    return facts.notice.given_on if facts.notice and facts.notice.given_on else facts.last_day


def _find(article: str, en: str, zh: str) -> Finding:
    code = "CN." + article.replace("(", ".").replace(")", "").replace(" ", ".")
    return Finding(code=code, article=article, message=Text(en, zh))


def ground_blockers(code: str, facts: Facts) -> tuple[list[Finding], list[Warning]]:
    """Blockers for a ground that does not fit the facts."""
    if code == "probation_unqualified":
        return _probation(facts), []
    if code == "fixed_term_expiry":
        return _expiry(facts)
    if code in ("changed_circumstances", "economic_layoff") and _in_probation(facts):
        return [
            _find(
                "LCL 21",
                "In probation the employer may terminate only under LCL 39 or LCL 40(1)/(2).",
                "试用期内用人单位仅可依第三十九条或第四十条第一项、第二项解除劳动合同。",
            )
        ], []
    return [], []


def _in_probation(facts: Facts) -> bool:
    end = facts.contract.probation_end
    return end is not None and decision_day(facts) <= end


def lawful_probation_end(facts: Facts) -> dt.date:
    """The last day of the longest probation LCL 19 allows for this contract."""
    hire = facts.employee.hire_date
    if hire is None:
        raise FactsError("employee.hire_date", "is required on this ground", "此解除理由须提供入职日期")
    term = None
    if facts.contract.type == "fixed_term":
        if facts.contract.end_date is None:
            raise FactsError(
                "contract.end_date", "is required for a fixed-term contract", "固定期限合同须提供终止日期"
            )
        term = service_months(hire, facts.contract.end_date)
    return add_months(hire, probation_limit(facts.contract.type, term)) - ONE_DAY


def _probation(facts: Facts) -> list[Finding]:
    end = facts.contract.probation_end
    day = decision_day(facts)
    if end is None:
        return [_find("LCL 39(1)", "No probation was agreed.", "劳动合同未约定试用期。")]
    if day > end:
        return [
            _find(
                "LCL 39(1)",
                f"Probation ended on {end}; the decision on {day} is too late.",
                f"试用期已于 {end} 届满；{day} 作出决定已逾期。",
            )
        ]
    lawful_end = lawful_probation_end(facts)
    if day > lawful_end:
        return [
            _find(
                "LCL 19",
                f"LCL 19 allows probation only until {lawful_end} for this contract; the decision on {day} "
                "falls after it.",
                f"依第十九条，本合同试用期最长至 {lawful_end}；{day} 作出决定已超出。",
            )
        ]
    return []


def _expiry(facts: Facts) -> tuple[list[Finding], list[Warning]]:
    contract = facts.contract
    if contract.type == "open_ended":
        return [
            _find(
                "LCL 44(1)", "An open-ended contract does not expire.", "无固定期限劳动合同不存在期满终止。"
            )
        ], []
    if contract.type == "task_based":
        return [], []  # ends when the task is done; N is due (IR 22)
    if contract.end_date is None:
        raise FactsError(
            "contract.end_date", "is required for fixed_term_expiry", "期满终止须提供合同终止日期"
        )
    if facts.procedure.renewal_offered_on_same_or_better_terms is None:
        raise FactsError(
            "procedure.renewal_offered_on_same_or_better_terms",
            "is required for fixed_term_expiry (LCL 46(5))",
            "期满终止须说明是否以维持或提高的条件提出续订（第四十六条第五项）",
        )
    if facts.last_day < contract.end_date:
        return [
            _find(
                "LCL 44(1)",
                f"The contract runs until {contract.end_date}; it has not expired on {facts.last_day}.",
                f"劳动合同至 {contract.end_date} 届满，{facts.last_day} 尚未期满。",
            )
        ], []
    if facts.last_day > contract.end_date:
        return [], [
            Warning(
                "CN.LCL.44.1.LATE",
                Text(
                    f"The employee kept working after the contract ended on {contract.end_date}: "
                    "the contract is treated as continuing on its terms; ending it still requires N.",
                    f"合同于 {contract.end_date} 期满后劳动者继续工作，视为按原条件继续履行；"
                    "终止仍须支付经济补偿。",
                ),
            )
        ]
    return [], []


def missing_steps(ground_code: str, ground: Ground, facts: Facts) -> list[Finding]:
    found = []
    if ground.unilateral:
        found += _union(facts)
    if ground_code == "incompetence" and facts.procedure.training_or_job_adjustment is not True:
        found.append(
            _find(
                "LCL 40(2)",
                "Train the employee or adjust the job first, then re-assess: LCL 40(2) needs incompetence "
                "that remains after training or a job adjustment.",
                "须先培训或调整工作岗位并重新考核：第四十条第二项要求经培训或调岗后仍不能胜任。",
            )
        )
    if ground.notice == NOTICE_LCL40:
        found += _notice(facts)
    if ground_code == "economic_layoff":
        found += _explanation(facts)
    return found


def _union(facts: Facts) -> list[Finding]:
    notified = facts.procedure.union_notified_on
    day = decision_day(facts)
    if notified is not None and notified <= day:
        return []
    late = "" if notified is None else f" (notified on {notified}, after the decision on {day})"
    late_zh = "" if notified is None else f"（{notified} 通知，晚于 {day} 的决定）"
    return [
        _find(
            "LCL 43",
            f"Notify the union of the reasons before terminating and answer its view in writing{late}. "
            "Without it a court upholds a 2N claim unless cured before suit "
            "(SPC Interpretation (I) Art. 47).",
            f"解除前须将理由通知工会并书面回复工会意见{late_zh}。未通知的，除起诉前补正外，赔偿金请求将获支持。",
        )
    ]


def _notice(facts: Facts) -> list[Finding]:
    notice = facts.notice
    if notice is not None and notice.pay_in_lieu:
        return []
    given = notice.given_on if notice else None
    days = (facts.last_day - given).days if given else None
    if days is not None and days >= NOTICE_DAYS:
        return []
    shown = "no written notice was given" if days is None else f"notice was given only {days} days ahead"
    shown_zh = "未书面通知" if days is None else f"仅提前 {days} 日通知"
    return [
        _find(
            "LCL 40",
            f"Give 30 days' written notice or pay one month's wage in lieu: {shown}.",
            f"须提前三十日书面通知或额外支付一个月工资：{shown_zh}。",
        )
    ]


def _explanation(facts: Facts) -> list[Finding]:
    notified = facts.procedure.union_notified_on
    if notified is not None and (facts.last_day - notified).days >= NOTICE_DAYS:
        return []
    return [
        _find(
            "LCL 41",
            "Explain the layoff to the union or all staff 30 days in advance and hear their views.",
            "须提前三十日向工会或者全体职工说明情况，听取意见。",
        )
    ]
