"""GB fair-procedure findings: the ACAS Code steps, and warnings about the ground and protected status."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dueprocess.law.base import Facts, Finding, Text, Warning

ACAS = "ACAS Code"
# Grounds to which the ACAS Code of Practice on disciplinary procedures applies (Code para. 1:
# misconduct and poor performance; a separate capability procedure follows the same principles).
ACAS_GROUNDS = frozenset({"capability", "conduct", "gross_misconduct"})

# (procedure flag, code, what the employer must do) in the Code's order (RULES.md §2.4).
ACAS_STEPS: tuple[tuple[str, str, Text], ...] = (
    (
        "investigation_held",
        "GB.ACAS.INVESTIGATE",
        Text(
            "Investigate to establish the facts before any disciplinary hearing.",
            "在任何纪律听证之前进行调查以查明事实。",
        ),
    ),
    (
        "invited_in_writing",
        "GB.ACAS.INFORM",
        Text(
            "Tell the employee in writing what the problem is and invite them to a meeting.",
            "以书面形式告知员工问题所在，并邀请其参加会议。",
        ),
    ),
    (
        "hearing_held",
        "GB.ACAS.HEARING",
        Text(
            "Hold a meeting at which the employee can put their case before any decision.",
            "在作出任何决定之前举行会议，让员工陈述自己的意见。",
        ),
    ),
    (
        "accompanied_offered",
        "GB.ACAS.COMPANION",
        Text(
            "Allow the employee to be accompanied by a colleague or a trade union representative "
            "(Employment Relations Act 1999 s.10).",
            "允许员工由同事或工会代表陪同（1999 年《劳动关系法》第 10 条）。",
        ),
    ),
    (
        "decision_in_writing",
        "GB.ACAS.DECISION",
        Text(
            "Decide and tell the employee in writing; for performance, state the improvement needed, "
            "the review period and the consequences.",
            "作出决定并书面通知员工；如涉及绩效，应写明需要的改进、考核期及后果。",
        ),
    ),
    (
        "appeal_offered",
        "GB.ACAS.APPEAL",
        Text(
            "Offer an appeal, heard where possible by a manager not previously involved.",
            "提供申诉机会，并尽可能由此前未参与的经理审理。",
        ),
    ),
)

# Protected situations tied to pregnancy and family leave (the kinds the facts use, as in CN).
FAMILY_KINDS = frozenset({"pregnancy", "maternity", "nursing", "family_leave"})


def acas_missing_steps(facts: Facts) -> list[Finding]:
    """Each ACAS Code step the procedure facts do not show as taken is a missing step."""
    if facts.ground not in ACAS_GROUNDS:
        return []
    return [
        Finding(code, ACAS, text)
        for flag, code, text in ACAS_STEPS
        if getattr(facts.procedure, flag) is not True
    ]


ACAS_UPLIFT = Warning(
    "GB.ACAS.UPLIFT",
    Text(
        "An unreasonable failure to follow the ACAS Code lets a tribunal raise any award by up to 25% "
        "(TULRCA s.207A).",
        "无理由不遵守 ACAS 守则的，劳动仲裁庭可将赔偿最多提高 25%（TULRCA 第 207A 条）。",
    ),
)

GROUND_WARNINGS: dict[str, Warning] = {
    "redundancy": Warning(
        "GB.REDUNDANCY.FAIRNESS",
        Text(
            "A fair redundancy also needs a fair selection pool and criteria, individual consultation "
            "and an offer of any suitable alternative employment (ERA s.98(4), s.141). Proposing 20 or "
            "more redundancies at one establishment within 90 days needs collective consultation "
            "(TULRCA s.188): use the layoff assessment.",
            "公平的裁员还需要公平的选择范围和标准、个别协商，并提供任何合适的替代工作（ERA 第 98(4)、"
            "141 条）。在 90 天内于同一机构拟裁员 20 人以上的，须进行集体协商（TULRCA 第 188 条）：请使用"
            "批量裁员评估。",
        ),
    ),
    "some_other_substantial_reason": Warning(
        "GB.SOSR.PROCEDURE",
        Text(
            "Some other substantial reason (ERA s.98(1)(b)) still needs a fair procedure (s.98(4)); "
            "where the reason concerns conduct, follow the ACAS Code.",
            "“其他实质性理由”（ERA 第 98(1)(b) 条）仍须遵循公平程序（第 98(4) 条）；理由涉及行为的，"
            "应遵守 ACAS 守则。",
        ),
    ),
    "statutory_restriction": Warning(
        "GB.STATUTORY_RESTRICTION",
        Text(
            "Continuing to employ must itself break a statutory duty (ERA s.98(2)(d)); consider "
            "redeployment first, and follow a fair procedure (s.98(4)).",
            "必须是继续雇用本身违反法定义务（ERA 第 98(2)(d) 条）；应先考虑调岗，并遵循公平程序"
            "（第 98(4) 条）。",
        ),
    ),
    "gross_misconduct": Warning(
        "GB.GROSS_MISCONDUCT.NOTICE",
        Text(
            "No notice is due only if the conduct really is gross misconduct (ERA s.86(6)); otherwise "
            "the statutory notice, or pay in lieu, is owed.",
            "只有在行为确属严重不当行为时才无须通知（ERA 第 86(6) 条）；否则仍须给予法定通知期或代通知金。",
        ),
    ),
}


def protected_warnings(facts: Facts, day: dt.date) -> list[Warning]:
    """A protected situation covering the last day: in GB it does not bar the dismissal, but
    dismissing because of it is automatically unfair or discrimination."""
    found = []
    for situation in facts.protected:
        if not situation.covers(day):
            continue
        if situation.kind in FAMILY_KINDS:
            text = Text(
                f"Protected situation '{situation.kind}': dismissal because of pregnancy, maternity or "
                "family leave is automatically unfair whatever the length of service (ERA s.99) and "
                "discrimination (Equality Act 2010 s.18). In a redundancy, offer any suitable "
                "alternative vacancy first (Maternity and Parental Leave etc. Regulations 1999 reg. 10).",
                f"受保护情形“{situation.kind}”：因怀孕、产假或家庭假而解雇，无论工龄长短均属自动不公平"
                "解雇（ERA 第 99 条），并构成歧视（2010 年《平等法》第 18 条）。裁员时应优先提供任何合适的"
                "空缺职位（1999 年《产假及育儿假等条例》第 10 条）。",
            )
        else:
            text = Text(
                f"Protected situation '{situation.kind}': make sure the dismissal is not because of it "
                "(Equality Act 2010; ERA Part X).",
                f"受保护情形“{situation.kind}”：须确保解雇并非因该情形（2010 年《平等法》；ERA 第十部分）。",
            )
        found.append(Warning(f"GB.PROTECTED.{situation.kind}", text))
    return found


def protection_warning(protected: bool, months: int, needed: Decimal) -> Warning:
    """Whether the employee can claim ordinary unfair dismissal (the brief's yes/no report)."""
    if protected:
        return Warning(
            "GB.UNFAIR_DISMISSAL.PROTECTED",
            Text(
                f"Protected from unfair dismissal: yes ({months} months' continuous employment, "
                f"{needed} needed, ERA s.108). The dismissal needs a fair reason and a fair procedure "
                "(ERA s.98).",
                f"受不公平解雇保护：是（连续工作 {months} 个月，需 {needed} 个月，ERA 第 108 条）。解雇须有"
                "公平的理由和公平的程序（ERA 第 98 条）。",
            ),
        )
    return Warning(
        "GB.UNFAIR_DISMISSAL.NOT_PROTECTED",
        Text(
            f"Protected from unfair dismissal: no ({months} months' continuous employment, {needed} "
            "needed, ERA s.108). Automatically unfair reasons (pregnancy, whistleblowing, asserting a "
            "statutory right) and discrimination claims need no qualifying period.",
            f"受不公平解雇保护：否（连续工作 {months} 个月，需 {needed} 个月，ERA 第 108 条）。自动不公平"
            "的理由（怀孕、举报、主张法定权利）及歧视索赔不要求资格期。",
        ),
    )
