"""The PRC rule set: one function per part of the assessment, put together by ``China.assess``."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from dueprocess.law.base import (
    Assessment,
    Facts,
    FactsError,
    Finding,
    Line,
    Service,
    Severance,
    Text,
    Warning,
    money_str,
)
from dueprocess.law.jurisdictions.base import Jurisdiction
from dueprocess.law.jurisdictions.china import protection, severance
from dueprocess.law.jurisdictions.china.grounds import GROUNDS, Ground
from dueprocess.law.jurisdictions.china.notice import deadlines, notice
from dueprocess.law.jurisdictions.china.procedure import ground_blockers, missing_steps
from dueprocess.law.jurisdictions.china.rules import service_months
from dueprocess.law.jurisdictions.china.wages import wage


class China(Jurisdiction):
    code = "CN"
    name = Text("People's Republic of China", "中华人民共和国")
    grounds = {code: (ground.name, ground.article) for code, ground in GROUNDS.items()}

    def assess(self, facts: Facts) -> Assessment:
        self.check_ground(facts.ground)
        ground = GROUNDS[facts.ground]
        blockers, warnings = _blockers(ground, facts)
        money = _compensation(ground, facts)
        result_notice = notice(ground, facts)
        in_lieu = result_notice.pay_in_lieu if result_notice and result_notice.pay_in_lieu else Decimal(0)
        total = (money.severance.amount if money.severance else Decimal(0)) + in_lieu
        total_line = Line(
            Text("Total owed on the lawful path", "合法解除时应付合计"), money_str(total) or "", "LCL 46"
        )
        if facts.ground == "economic_layoff":
            warnings.append(_layoff_report())
        return Assessment(
            jurisdiction=self.code,
            ground=facts.ground,
            blockers=tuple(blockers),
            missing_steps=tuple(missing_steps(facts.ground, ground, facts)),
            service=_service(facts),
            notice=result_notice,
            severance=money.severance,
            unlawful_damages=money.damages,
            total=total,
            deadlines=deadlines(facts, bool(money.severance and money.severance.amount), bool(in_lieu)),
            warnings=tuple(warnings + money.warnings),
            lines=(*money.lines, *(result_notice.lines if result_notice else ()), total_line),
        )


@dataclass
class _Compensation:
    severance: Severance | None = None
    damages: Decimal | None = None
    lines: list[Line] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def _compensation(ground: Ground, facts: Facts) -> _Compensation:
    """N on the lawful path and 2N if held unlawful, both from the same W (LCL 47, 87)."""
    n_due = _severance_due(ground, facts)
    if not (n_due or ground.damages):
        return _Compensation(lines=[_no_n_line(ground)])
    hire = facts.employee.hire_date
    if hire is None:
        raise FactsError("employee.hire_date", "is required on this ground", "此解除理由须提供入职日期")
    w = wage(facts)
    result = _Compensation(warnings=list(w.warnings))
    if n_due:
        result.severance, found = severance.compute(ground, hire, facts.last_day, w)
        result.lines += result.severance.lines
        result.warnings += found
    else:
        result.lines += w.lines
    if ground.damages:
        result.damages, damage_lines, found = severance.unlawful_damages(hire, facts.last_day, w)
        result.lines += damage_lines
        result.warnings += found
    return result


def _blockers(ground: Ground, facts: Facts) -> tuple[list[Finding], list[Warning]]:
    protection.check_kinds(facts)
    blockers, warnings = ground_blockers(facts.ground, facts)
    if ground.barred_by_42:
        found, assumed = protection.situations(facts)
        blockers += found
        warnings += assumed
    elif facts.ground == "fixed_term_expiry" and facts.contract.type != "open_ended":
        found, assumed = protection.situations(facts)
        blockers += [protection.extension(found)] if found else []
        warnings += assumed
    elif ground.article.startswith("LCL 39") and any(
        protection.KINDS[p.kind] == 4 and p.covers(facts.last_day) for p in facts.protected
    ):
        warnings.append(_pregnancy())
    return blockers, warnings


def _severance_due(ground: Ground, facts: Facts) -> bool:
    if ground.severance is None:
        return False
    # LCL 46(5): no N when the employer offered renewal on the same or better terms and was refused.
    return not (
        facts.ground == "fixed_term_expiry"
        and facts.contract.type == "fixed_term"
        and facts.procedure.renewal_offered_on_same_or_better_terms is True
    )


def _service(facts: Facts) -> Service | None:
    if facts.employee.hire_date is None:
        return None
    years, months = divmod(service_months(facts.employee.hire_date, facts.last_day), 12)
    return Service(years, months)


def _no_n_line(ground: Ground) -> Line:
    return Line(
        Text("No statutory economic compensation on this ground", "此种情形无法定经济补偿"),
        "0.00",
        ground.article,
    )


def _layoff_report() -> Warning:
    return Warning(
        "CN.LCL.41.REPORT",
        Text(
            "Report the layoff plan to the labour administration before the cut, keep the priority-retention "
            "rules, and offer re-hiring first within 6 months (LCL 41); the facts do not record these.",
            "裁减人员方案须向劳动行政部门报告，遵守优先留用规定，六个月内重新招用人员时优先招用被裁减人员（第四十一条）；"
            "事实中未记载这些事项。",
        ),
    )


def _pregnancy() -> Warning:
    return Warning(
        "CN.FEM.5",
        Text(
            "The employee is in pregnancy, maternity or nursing: the dismissal must not be because of it "
            "([FEM] Art. 5); keep the evidence of the misconduct itself.",
            "劳动者处于孕期、产期或哺乳期：不得因此解除（《女职工劳动保护特别规定》第五条）；请保存违纪事实证据。",
        ),
    )
