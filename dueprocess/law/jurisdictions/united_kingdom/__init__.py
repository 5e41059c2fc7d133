"""United Kingdom (England, Wales, Scotland): ERA 1996 notice and redundancy pay, unfair-dismissal
qualification and the ACAS Code (shared/law/RULES.md §2).

The counting rules live in ``rules.py`` (the batch layoff assessment calls them per employee); this
module turns them into an explained assessment.

For conduct, capability and gross misconduct the facts may record the ACAS Code steps as optional
``procedure`` flags: ``investigation_held``, ``invited_in_writing``, ``hearing_held``,
``accompanied_offered``, ``decision_in_writing``, ``appeal_offered``. Each flag that is absent or
false is a missing step (article ``ACAS Code``), so the dismissal is not ``lawful`` until all six
are true. Whether the employee can claim unfair dismissal is reported as the warning
``GB.UNFAIR_DISMISSAL.PROTECTED`` or ``GB.UNFAIR_DISMISSAL.NOT_PROTECTED``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, TypeVar

from dueprocess.law.base import (
    Assessment,
    Deadline,
    Facts,
    FactsError,
    Finding,
    Line,
    NoticeResult,
    RedundancyPay,
    Service,
    Text,
    Warning,
    money,
)
from dueprocess.law.jurisdictions.base import Jurisdiction
from dueprocess.law.jurisdictions.united_kingdom import procedure
from dueprocess.law.jurisdictions.united_kingdom.rules import (
    COMPENSATORY_CAP,
    QUALIFYING_YEARS,
    UNFAIR_DISMISSAL_QUALIFYING,
    WEEK_PAY_CAP,
    Bands,
    RelevantDate,
    complete_months,
    gb_figure,
    months_text,
    notice_weeks,
    redundancy_bands,
    relevant_date,
)

T = TypeVar("T")
ERA_86 = "ERA s.86"
ERA_162 = "ERA s.162"

GROUNDS: dict[str, tuple[Text, str]] = {
    "redundancy": (Text("Redundancy", "裁员（冗员）"), "ERA s.98(2)(c)"),
    "capability": (Text("Capability", "能力不足"), "ERA s.98(2)(a)"),
    "conduct": (Text("Conduct", "行为不当"), "ERA s.98(2)(b)"),
    "gross_misconduct": (Text("Gross misconduct", "严重不当行为"), "ERA s.98(2)(b)"),
    "statutory_restriction": (Text("Statutory restriction", "法定限制"), "ERA s.98(2)(d)"),
    "some_other_substantial_reason": (
        Text("Some other substantial reason", "其他实质性理由"),
        "ERA s.98(1)(b)",
    ),
    "resignation": (Text("Resignation by the employee", "员工辞职"), "ERA s.86(2)"),
}


class UnitedKingdom(Jurisdiction):
    code = "GB"
    name = Text("United Kingdom (England, Wales, Scotland)", "英国（英格兰、威尔士、苏格兰）")
    grounds: ClassVar[dict[str, tuple[Text, str]]] = GROUNDS

    def assess(self, facts: Facts) -> Assessment:
        self.check_ground(facts.ground)
        return _Assessor(facts).run()


def _required(value: T | None, path: str) -> T:
    if value is None:
        raise FactsError(path, "is required for this ground in GB", "在英国的此解除理由下为必填项")
    return value


class _Assessor:
    """One GB assessment: collects the working (lines), findings, deadlines and warnings in order."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.hire = _required(facts.employee.hire_date, "employee.hire_date")
        self.lines: list[Line] = []
        self.missing: list[Finding] = []
        self.deadlines: list[Deadline] = []
        self.warnings: list[Warning] = []

    def run(self) -> Assessment:
        facts = self.facts
        months = complete_months(self.hire, facts.last_day)
        service = Service(months // 12, months % 12)
        if facts.ground == "resignation":
            notice = self._employee_notice()
            redundancy = None
        else:
            given_on = facts.notice.given_on if facts.notice else None
            summary = facts.ground == "gross_misconduct"
            rel = relevant_date(self.hire, facts.last_day, given_on, summary)
            notice = self._notice(rel)
            redundancy = self._redundancy(rel) if facts.ground == "redundancy" else None
            self._unfair_dismissal(rel)
            self.missing += procedure.acas_missing_steps(facts)
            if self.missing and facts.ground in procedure.ACAS_GROUNDS:
                self.warnings.append(procedure.ACAS_UPLIFT)
        if facts.ground in procedure.GROUND_WARNINGS:
            self.warnings.append(procedure.GROUND_WARNINGS[facts.ground])
        self.warnings += procedure.protected_warnings(facts, facts.last_day)
        total = (notice.pay_in_lieu or Decimal(0)) + (redundancy.amount if redundancy else Decimal(0))
        return Assessment(
            jurisdiction="GB",
            ground=facts.ground,
            missing_steps=tuple(self.missing),
            service=service,
            notice=notice,
            redundancy_pay=redundancy,
            total=money(total),
            deadlines=tuple(self.deadlines),
            warnings=tuple(_unique(self.warnings)),
            lines=tuple(self.lines),
        )

    # -- notice (ERA s.86) --

    def _employee_notice(self) -> NoticeResult:
        """ERA s.86(2): an employee employed for a month or more gives at least one week's notice."""
        facts = self.facts
        given_on = facts.notice.given_on if facts.notice else None
        material = given_on or facts.last_day
        weeks = 1 if complete_months(self.hire, material) >= 1 else 0
        lines = [
            Line(
                Text("Employee's minimum notice (weeks)", "员工最短辞职通知期（周）"),
                str(weeks),
                "ERA s.86(2)",
            )
        ]
        if (facts.last_day - material).days < 7 * weeks:
            self.warnings.append(
                Warning(
                    "GB.RESIGNATION.SHORT_NOTICE",
                    Text(
                        "The employee gave less than the statutory week's notice (ERA s.86(2)); the "
                        "employer may waive it.",
                        "员工给予的通知期少于法定的一周（ERA 第 86(2) 条）；雇主可以放弃该要求。",
                    ),
                )
            )
        self.lines += lines
        return NoticeResult(required_weeks=weeks, lines=tuple(lines))

    def _notice(self, rel: RelevantDate) -> NoticeResult:
        facts = self.facts
        months = complete_months(self.hire, rel.material)
        lines = [
            Line(
                Text(
                    f"Continuous employment on {rel.material.isoformat()}, when notice was given "
                    f"({months_text(months).en}), in months",
                    f"{rel.material.isoformat()}（发出通知之日）的连续工作期间（{months_text(months).zh}），按月计",
                ),
                str(months),
                ERA_86,
            )
        ]
        if facts.ground == "gross_misconduct":
            lines.append(Line(Text("No notice: summary dismissal", "无须通知：即时解雇"), "0", "ERA s.86(6)"))
            return self._notice_result(rel, lines, None)
        lines.append(
            Line(Text("Statutory minimum notice (weeks)", "法定最短通知期（周）"), str(rel.weeks), ERA_86)
        )
        if rel.weeks:
            self.deadlines.append(
                Deadline(
                    Text(
                        f"Earliest end of employment with statutory notice given on {rel.material}",
                        f"于 {rel.material} 发出法定通知时，雇佣关系最早的结束日",
                    ),
                    rel.expiry,
                    ERA_86,
                )
            )
        owed = None
        if rel.moved:
            owed = self._notice_pay(rel, lines)
        return self._notice_result(rel, lines, owed)

    def _notice_pay(self, rel: RelevantDate, lines: list[Line]) -> Decimal:
        """Notice short of ERA s.86, or paid in lieu: a week's pay for each week not worked."""
        facts = self.facts
        weekly = _required(facts.pay.weekly, "pay.weekly")
        short_days = (rel.expiry - facts.last_day).days
        owed = weekly * short_days / 7
        lines.append(
            Line(
                Text(
                    f"Notice not worked: {short_days} days x week's pay {weekly:.2f} / 7",
                    f"未工作的通知期：{short_days} 天 x 周工资 {weekly:.2f} / 7",
                ),
                f"{money(owed):.2f}",
                ERA_86,
            )
        )
        if not (facts.notice and facts.notice.pay_in_lieu):
            self.missing.append(
                Finding(
                    "GB.ERA.86",
                    ERA_86,
                    Text(
                        f"Give the statutory minimum notice of {rel.weeks} weeks, or pay in lieu of the "
                        f"{short_days} days not given.",
                        f"给予 {rel.weeks} 周的法定最短通知期，或就未给予的 {short_days} 天支付代通知金。",
                    ),
                )
            )
        return owed

    def _notice_result(self, rel: RelevantDate, lines: list[Line], owed: Decimal | None) -> NoticeResult:
        self.lines += lines
        return NoticeResult(
            required_weeks=rel.weeks,
            pay_in_lieu=None if owed is None else money(owed),
            lines=tuple(lines),
        )

    # -- redundancy pay (ERA s.162) --

    def _redundancy(self, rel: RelevantDate) -> RedundancyPay:
        facts = self.facts
        years = complete_months(self.hire, rel.day) // 12
        lines = [_relevant_date_line(rel), _years_line(years)]
        cap, warnings = gb_figure(WEEK_PAY_CAP, rel.day)
        self.warnings += warnings
        if years < QUALIFYING_YEARS:
            lines.append(
                Line(
                    Text(
                        "Under 2 years' continuous employment: no statutory redundancy pay",
                        "连续工作不满 2 年：无法定裁员补偿",
                    ),
                    "0.00",
                    "ERA s.155",
                )
            )
            weekly = facts.pay.weekly
            used = Decimal(0) if weekly is None else min(weekly, cap)
            return self._redundancy_result(Decimal(0), used, Decimal(0), lines)
        birth = _required(facts.employee.birth_date, "employee.birth_date")
        pay = _required(facts.pay.weekly, "pay.weekly")
        bands = redundancy_bands(birth, years, rel.day)
        used = min(pay, cap)
        amount = bands.weeks * used
        lines += _band_lines(bands)
        lines += [
            Line(Text("Week's pay", "周工资"), f"{pay:.2f}", ERA_162),
            Line(
                Text(f"Week's-pay cap on {rel.day.isoformat()}", f"{rel.day.isoformat()} 的周工资上限"),
                f"{cap:.2f}",
                "ERA s.227",
            ),
            Line(
                Text(
                    f"Redundancy pay: {bands.weeks} weeks x {used:.2f}",
                    f"裁员补偿：{bands.weeks} 周 x {used:.2f}",
                ),
                f"{money(amount):.2f}",
                ERA_162,
            ),
        ]
        self.deadlines.append(
            Deadline(
                Text(
                    "Pay the redundancy payment with a written statement of how it was calculated",
                    "支付裁员补偿，并附上书面计算说明",
                ),
                facts.last_day,
                "ERA s.165",
            )
        )
        return self._redundancy_result(bands.weeks, used, amount, lines)

    def _redundancy_result(
        self, weeks: Decimal, used: Decimal, amount: Decimal, lines: list[Line]
    ) -> RedundancyPay:
        self.lines += lines
        return RedundancyPay(weeks=weeks, week_pay_used=used, amount=money(amount), lines=tuple(lines))

    # -- unfair dismissal (ERA s.108, s.124) --

    def _unfair_dismissal(self, rel: RelevantDate) -> None:
        """Report whether the employee can claim ordinary unfair dismissal, by the EDT's rules.

        The qualifying period is the one in force on the effective date of termination (the last
        day; 6 months from 2027-01-01), measured to the s.97(2) date when notice was short.
        """
        facts = self.facts
        needed, warnings = gb_figure(UNFAIR_DISMISSAL_QUALIFYING, facts.last_day)
        cap, cap_warnings = gb_figure(COMPENSATORY_CAP, facts.last_day)
        months = complete_months(self.hire, rel.day)
        protected = months >= needed
        self.lines += [
            Line(
                Text(
                    "Continuous employment for unfair dismissal (months)",
                    "计算不公平解雇保护的连续工作期间（月）",
                ),
                str(months),
                "ERA s.97(2)",
            ),
            Line(Text("Qualifying period (months)", "资格期（月）"), str(needed), "ERA s.108"),
        ]
        self.warnings += warnings
        if protected:
            self.warnings += cap_warnings
            self.lines.append(_compensatory_cap_line(cap, facts.pay.weekly))
        self.warnings.append(procedure.protection_warning(protected, months, needed))


def _relevant_date_line(rel: RelevantDate) -> Line:
    if rel.moved:
        what = Text(
            "Relevant date, moved to the end of the statutory notice (notice short or paid in lieu)",
            "相关日期：因通知期不足或以代通知金替代，顺延至法定通知期届满之日",
        )
    else:
        what = Text("Relevant date (the last day)", "相关日期（最后工作日）")
    return Line(what, rel.day.isoformat(), "ERA s.145")


def _years_line(years: int) -> Line:
    return Line(Text("Complete years of continuous employment", "连续工作满年数"), str(years), ERA_162)


def _band_lines(bands: Bands) -> list[Line]:
    counted = bands.half + bands.one + bands.one_and_half
    return [
        Line(
            Text("Years counted (the last 20 at most)", "计入的年数（最多最近 20 年）"), str(counted), ERA_162
        ),
        Line(
            Text("Years at 1.5 weeks (aged 41 or over)", "按 1.5 周计的年数（41 岁及以上）"),
            str(bands.one_and_half),
            ERA_162,
        ),
        Line(
            Text("Years at 1 week (aged 22 to 40)", "按 1 周计的年数（22 至 40 岁）"), str(bands.one), ERA_162
        ),
        Line(
            Text("Years at 0.5 week (under 22)", "按 0.5 周计的年数（22 岁以下）"), str(bands.half), ERA_162
        ),
        Line(Text("Weeks' pay due", "应付周数"), f"{bands.weeks}", ERA_162),
    ]


def _compensatory_cap_line(cap: Decimal, weekly: Decimal | None) -> Line:
    """ERA s.124(1ZA): the lower of 52 weeks' pay and the cap; a cap of 0 in the data means none."""
    if not cap:
        return Line(
            Text(
                "Compensatory award if found unfair: no statutory cap",
                "如被认定不公平解雇：补偿性赔偿无法定上限",
            ),
            "none",
            "ERA s.124",
        )
    limit = cap if weekly is None else min(cap, weekly * 52)
    return Line(
        Text(
            f"Compensatory award if found unfair: at most the lower of 52 weeks' pay and {cap:.2f}",
            f"如被认定不公平解雇：补偿性赔偿最高为 52 周工资与 {cap:.2f} 中的较低者",
        ),
        f"{money(limit):.2f}",
        "ERA s.124",
    )


def _unique(warnings: list[Warning]) -> list[Warning]:
    """The first warning of each code, in order (the same figure can be looked up twice)."""
    return list({w.code: w for w in reversed(warnings)}.values())[::-1]


__all__ = ["GROUNDS", "UnitedKingdom", "notice_weeks"]
