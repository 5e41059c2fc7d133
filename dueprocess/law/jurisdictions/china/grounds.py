"""The PRC ground catalogue (shared/law/README.md) and what each ground brings with it."""

from __future__ import annotations

from dataclasses import dataclass

from dueprocess.law.base import Text

# How notice works on a ground: LCL 40's 30 days or a month's wage in lieu; an employee's own
# resignation (LCL 37: 30 days, 3 in probation); none (LCL 38, 39, 41); or no notice section at all.
NOTICE_LCL40 = "lcl40"
NOTICE_RESIGNATION = "resignation"
NOTICE_NONE = "none"


@dataclass(frozen=True)
class Ground:
    name: Text
    article: str
    severance: str | None = None  # the article that makes N due on this ground, None: no N
    unilateral: bool = False  # LCL 39/40/41: LCL 43 union notice required
    barred_by_42: bool = False  # LCL 40/41: LCL 42 situations forbid it
    damages: bool = False  # the employer ends the contract: show what 2N would cost (LCL 87)
    notice: str | None = None
    pre2008: str | None = None  # [M1994] article paying service before 2008 (LCL 97), None: none
    pre2008_cap: int | None = None  # that article's cap in months
    pre2008_rule_known: bool = True  # False: RULES.md names no pre-2008 rule; ask for review


def _summary(name: Text, article: str) -> Ground:
    return Ground(name, article, unilateral=True, damages=True, notice=NOTICE_NONE)


def _no_fault(name: Text, article: str, m1994: str, cap: int | None) -> Ground:
    return Ground(
        name,
        article,
        severance="LCL 46(3)",
        unilateral=True,
        barred_by_42=True,
        damages=True,
        notice=NOTICE_LCL40,
        pre2008=m1994,
        pre2008_cap=cap,
    )


GROUNDS: dict[str, Ground] = {
    "mutual_agreement_employer_proposed": Ground(
        Text("Mutual agreement proposed by the employer", "用人单位提出、协商一致解除"),
        "LCL 36",
        severance="LCL 46(2)",
        pre2008="M1994 Art. 5",
        pre2008_cap=12,
    ),
    "mutual_agreement_employee_proposed": Ground(
        Text("Mutual agreement proposed by the employee", "劳动者提出、协商一致解除"), "LCL 36"
    ),
    "resignation": Ground(
        Text("Resignation by the employee", "劳动者提前通知解除"), "LCL 37", notice=NOTICE_RESIGNATION
    ),
    "resignation_employer_fault": Ground(
        Text("Resignation for the employer's fault", "因用人单位过错劳动者解除"),
        "LCL 38",
        severance="LCL 46(1)",
        notice=NOTICE_NONE,
        pre2008_rule_known=False,
    ),
    "probation_unqualified": _summary(
        Text("Fails the hiring criteria during probation", "试用期间被证明不符合录用条件"), "LCL 39(1)"
    ),
    "serious_misconduct": _summary(
        Text("Serious breach of the employer's rules", "严重违反用人单位的规章制度"), "LCL 39(2)"
    ),
    "serious_dereliction": _summary(
        Text("Serious dereliction of duty or graft causing major damage", "严重失职，营私舞弊，造成重大损害"),
        "LCL 39(3)",
    ),
    "dual_employment": _summary(
        Text("Dual employment affecting the work", "同时与其他用人单位建立劳动关系"), "LCL 39(4)"
    ),
    "fraudulent_contract": _summary(
        Text("Contract void for fraud or coercion", "以欺诈、胁迫等手段致使劳动合同无效"), "LCL 39(5)"
    ),
    "criminal_liability": _summary(Text("Criminal liability pursued", "被依法追究刑事责任"), "LCL 39(6)"),
    "illness_incapacity": _no_fault(
        Text(
            "Illness or non-work injury: unable to work after the medical period",
            "患病或非因工负伤不能胜任工作",
        ),
        "LCL 40(1)",
        "M1994 Art. 6",
        None,
    ),
    "incompetence": _no_fault(
        Text("Incompetent after training or a job adjustment", "不能胜任工作，经培训或调岗仍不能胜任"),
        "LCL 40(2)",
        "M1994 Art. 7",
        12,
    ),
    "changed_circumstances": _no_fault(
        Text("Major change of objective circumstances", "客观情况发生重大变化"),
        "LCL 40(3)",
        "M1994 Art. 8",
        None,
    ),
    "economic_layoff": Ground(
        Text("Economic layoff", "经济性裁员"),
        "LCL 41",
        severance="LCL 46(4)",
        unilateral=True,
        barred_by_42=True,
        damages=True,
        notice=NOTICE_NONE,
        pre2008="M1994 Art. 9",
    ),
    "fixed_term_expiry": Ground(
        Text("Fixed-term contract expires", "固定期限劳动合同期满终止"),
        "LCL 44(1)",
        severance="LCL 46(5)",
        damages=True,
    ),
    "employer_closure": Ground(
        Text("Employer bankrupt, closed or dissolved", "用人单位破产、被吊销、关闭或解散"),
        "LCL 44(4)",
        severance="LCL 46(6)",
        damages=True,
        pre2008_rule_known=False,
    ),
}
