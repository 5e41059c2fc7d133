"""LCL 42: the situations in which an employer may not terminate under LCL 40 or 41.

``protected_blockers`` is public: the batch layoff assessment calls it for every employee.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dueprocess.law.base import Facts, FactsError, Finding, ProtectedSituation, Text, Warning
from dueprocess.law.jurisdictions.china.retirement import categories_for, retirement_date
from dueprocess.law.jurisdictions.china.rules import (
    ONE_DAY,
    add_months,
    medical_treatment_period,
    service_months,
)

# protected[].kind -> the LCL 42 item it falls under
KINDS = {
    "occupational_disease_exam": 1,  # no pre-departure occupational health exam
    "suspected_occupational_disease": 1,
    "occupational_disease": 2,
    "work_injury": 2,
    "medical_treatment": 3,  # illness or non-work injury within the medical treatment period
    "pregnancy": 4,
    "maternity": 4,
    "nursing": 4,
    "other_statutory": 6,
}
SITUATIONS = {
    1: Text("occupational-disease exposure without an exit exam, or a suspected occupational disease",
            "从事接触职业病危害作业未进行离岗前职业健康检查，或疑似职业病病人在诊断或者医学观察期间"),
    2: Text("occupational disease or work injury with a confirmed loss of working capacity",
            "在本单位患职业病或者因工负伤并被确认丧失或者部分丧失劳动能力"),
    3: Text("illness or non-work injury within the medical treatment period",
            "患病或者非因工负伤，在规定的医疗期内"),
    4: Text("pregnancy, maternity or nursing period", "女职工在孕期、产期、哺乳期"),
    5: Text("15 consecutive years with the employer and less than 5 years to statutory retirement",
            "在本单位连续工作满十五年，且距法定退休年龄不足五年"),
    6: Text("another situation set by law or administrative regulation", "法律、行政法规规定的其他情形"),
}  # fmt: skip
FIFTEEN_YEARS = 180  # months
FIVE_YEARS = 60  # months
SEXES = ("male", "female")


def finding(item: int) -> Finding:
    situation = SITUATIONS[item]
    return Finding(
        code=f"CN.LCL.42.{item}",
        article=f"LCL 42({item})",
        message=Text(
            f"Protected: {situation.en}. LCL 42 forbids termination under LCL 40 or 41.",
            f"受保护情形：{situation.zh}。第四十二条禁止依第四十条、第四十一条解除。",
        ),
    )


def protected_blockers(facts: Facts) -> list[Finding]:
    """The LCL 42 situations that stand on the facts' termination, whatever the ground."""
    return situations(facts)[0]


def situations(facts: Facts) -> tuple[list[Finding], list[Warning]]:
    """LCL 42 findings with the warnings their employee-favourable assumptions need."""
    start = facts.notice.given_on if facts.notice and facts.notice.given_on else facts.last_day
    items: set[int] = set()
    warnings: list[Warning] = []
    check_kinds(facts)
    for index, entry in enumerate(facts.protected):
        item = KINDS[entry.kind]
        if item == 3 and entry.end is None:
            entry = _medical_period(facts, index, entry, warnings)
        if _overlaps(entry, start, facts.last_day):
            items.add(item)
    if _near_retirement(facts, warnings):
        items.add(5)
    return [finding(item) for item in sorted(items)], warnings


def check_kinds(facts: Facts) -> None:
    """Every protected[].kind must be one the PRC rules know."""
    for index, entry in enumerate(facts.protected):
        if entry.kind not in KINDS:
            raise FactsError(
                f"protected[{index}].kind",
                f"unknown kind {entry.kind!r}; known: {', '.join(KINDS)}",
                f"未知的受保护情形 {entry.kind!r}；可用：{', '.join(KINDS)}",
            )


def _overlaps(entry: ProtectedSituation, start: dt.date, end: dt.date) -> bool:
    return (entry.start is None or entry.start <= end) and (entry.end is None or start <= entry.end)


def _medical_period(
    facts: Facts, index: int, entry: ProtectedSituation, warnings: list[Warning]
) -> ProtectedSituation:
    """An open medical-treatment entry ends with the [MED] period counted from its start."""
    hire = facts.employee.hire_date
    if entry.start is None or hire is None:
        field = f"protected[{index}].from" if entry.start is None else "employee.hire_date"
        raise FactsError(field, "is needed to compute the medical treatment period", "计算医疗期所必需")
    company_years = Decimal(service_months(hire, max(entry.start - ONE_DAY, hire))) / 12
    # Total working years are not in the facts: 10 or more is assumed, the longer (favourable) band.
    period = medical_treatment_period(max(company_years, Decimal(10)), company_years)
    end = add_months(entry.start, period.months) - ONE_DAY
    boundary = company_years in (5, 10, 15, 20)
    warnings.append(
        Warning(
            "CN.MED.PERIOD",
            Text(
                f"protected[{index}]: medical treatment period of {period.months} months assumed "
                f"({company_years:.1f} years with the employer, 10 or more years' total service assumed), "
                f"ending {end}"
                + ("; the service is on a band boundary and the longer band was used" if boundary else "")
                + ". Give 'to' if the period is known.",
                f"protected[{index}]：按医疗期 {period.months} 个月计算（本单位工作 {company_years:.1f} 年，"
                f"假定累计工作十年以上），至 {end} 止"
                + ("；年限恰在分档界点，按较长档计算" if boundary else "")
                + "。如已知医疗期请填写 to。",
            ),
        )
    )
    return ProtectedSituation(entry.kind, entry.start, end)


def _near_retirement(facts: Facts, warnings: list[Warning]) -> bool:
    """LCL 42(5): 15 years with the employer and under 5 years to the statutory retirement age."""
    employee = facts.employee
    if employee.hire_date is None or service_months(employee.hire_date, facts.last_day) < FIFTEEN_YEARS:
        return False
    if employee.birth_date is None:
        raise FactsError(
            "employee.birth_date",
            "is required: 15 years' service, so LCL 42(5) (near retirement) must be checked",
            "本单位工作满十五年，须提供出生日期以核对第四十二条第五项",
        )
    if employee.sex is not None and employee.sex not in SEXES:
        raise FactsError("employee.sex", "must be 'male' or 'female'", "必须是 male 或 female")
    limit = add_months(facts.last_day, FIVE_YEARS)
    dates = {
        category: retirement_date(employee.birth_date, category) for category in categories_for(employee.sex)
    }
    readings = {category: facts.last_day < day < limit for category, day in dates.items()}
    if len(set(readings.values())) > 1:
        warnings.append(_assumed_category(employee.sex, dates))
    if all(day <= facts.last_day for day in dates.values()):
        warnings.append(_retired(min(dates.values())))
    return any(readings.values())


def _assumed_category(sex: str | None, dates: dict[str, dt.date]) -> Warning:
    listed = ", ".join(f"{category} {day}" for category, day in dates.items())
    unknown = "the sex" if sex is None else "whether she retires as a worker (50) or cadre (55)"
    return Warning(
        "CN.RETIREMENT.CATEGORY",
        Text(
            f"The facts do not say {unknown}; the readings differ ({listed}). The employee-favourable "
            "reading was used for LCL 42(5); confirm the category.",
            f"事实未载明{'性别' if sex is None else '女职工的退休类别（工人 50 岁或干部 55 岁）'}，"
            f"各类别结论不同（{listed}）。第四十二条第五项按有利于劳动者的理解处理，请核实。",
        ),
    )


def _retired(day: dt.date) -> Warning:
    return Warning(
        "CN.IR.21",
        Text(
            f"The employee reached statutory retirement age on {day}: the contract ends under IR 21 / "
            "LCL 44(2), not under this ground.",
            f"劳动者已于 {day} 达到法定退休年龄：劳动合同依实施条例第二十一条 / 第四十四条第二项终止。",
        ),
    )


def extension(findings: list[Finding]) -> Finding:
    """LCL 45: a fixed-term contract expiring in an LCL 42 situation runs on until it ends."""
    items = ", ".join(f.article for f in findings)
    injury = any(f.code == "CN.LCL.42.2" for f in findings)
    return Finding(
        code="CN.LCL.45",
        article="LCL 45",
        message=Text(
            f"The contract is extended until the situation ends ({items}); it cannot end on expiry now."
            + (
                " Work-injury disability follows the work-injury insurance rules by disability grade."
                if injury
                else ""
            ),
            f"存在 {items} 情形，劳动合同应当续延至相应情形消失时终止，现不得期满终止。"
            + ("因工致残的，按工伤保险规定（依伤残等级）处理。" if injury else ""),
        ),
    )
