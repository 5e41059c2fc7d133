"""Economic compensation N (LCL 47), service before 2008 (LCL 97, [M1994]) and 2N (LCL 87, IR 25)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from dueprocess.law.base import Line, Severance, Text, Warning, decimal_str, money, money_str
from dueprocess.law.jurisdictions.china.grounds import Ground
from dueprocess.law.jurisdictions.china.rules import add_months, service_months, severance_units
from dueprocess.law.jurisdictions.china.wages import Wage

LCL_START = dt.date(2008, 1, 1)
LAST_DAY_BEFORE_LCL = dt.date(2007, 12, 31)
TWELVE = Decimal(12)
# [M1994] Art. 11: for these articles a wage below the enterprise average is raised to it.
M1994_ENTERPRISE_AVERAGE = ("M1994 Art. 6", "M1994 Art. 8", "M1994 Art. 9")


def limited_units(months: int, capped: bool) -> Decimal:
    """LCL 47 units, limited to 12 for a high earner (the same sentence as the 3x cap)."""
    units = severance_units(months)
    return min(units, TWELVE) if capped else units


def service_text(en: str, zh: str, months: int) -> Text:
    years, rest = divmod(months, 12)
    return Text(
        f"{en}{months} whole months = {years} years {rest} months",
        f"{zh}{months} 个整月 = {years} 年 {rest} 个月",
    )


@dataclass(frozen=True)
class Segments:
    """Service split at 2008-01-01: units paid under [M1994] before, under LCL 47 after."""

    pre_units: Decimal
    post_months: int
    lines: tuple[Line, ...]


def pre2008_units(hire_date: dt.date, ground: Ground) -> tuple[Decimal, Line]:
    """Units for service before 2008 under the rule then in force ([M1994]; LCL 97 para. 3)."""
    if ground.pre2008 is None:
        what = Text(
            "Service before 2008-01-01: no compensation for this ending under the rules then in force",
            "2008 年前工作年限：当时的规定对此种终止不支付经济补偿",
        )
        return Decimal(0), Line(what, "0", "LCL 97")
    months = service_months(hire_date, LAST_DAY_BEFORE_LCL)
    years = months // 12
    # [M1994] Art. 5 (and, per secondary sources, Arts. 6-9): any part of a year counts as a year.
    if add_months(hire_date, years * 12) <= LAST_DAY_BEFORE_LCL:
        years += 1
    if ground.pre2008_cap is not None:
        years = min(years, ground.pre2008_cap)
    what = Text(
        f"Service before 2008-01-01: {months} whole months, a part year counts as a year",
        f"2008 年前工作年限：{months} 个整月，不满一年按一年计算",
    )
    return Decimal(years), Line(what, str(years), ground.pre2008)


def compute(
    ground: Ground, hire_date: dt.date, last_day: dt.date, wage: Wage
) -> tuple[Severance, list[Warning]]:
    """N on the lawful path: segmented at 2008-01-01 by default, the merged figure alongside."""
    months = service_months(hire_date, last_day)
    merged_units = limited_units(months, wage.capped)
    merged = merged_units * wage.base
    lines = list(wage.lines)
    warnings: list[Warning] = []
    counted = months
    if hire_date < LCL_START:
        pre_units, pre_line = pre2008_units(hire_date, ground)
        post_months = counted = service_months(LCL_START, last_day)
        post_units = limited_units(post_months, wage.capped)
        units = pre_units + post_units
        # The rules then in force knew no 3x cap: the pre-2008 years use the uncapped W.
        amount = pre_units * max(wage.average, wage.base) + post_units * wage.base
        lines += [
            pre_line,
            Line(
                service_text("Service from 2008-01-01: ", "2008 年起工作年限：", post_months),
                decimal_str(post_units) or "",
                "LCL 47",
            ),
        ]
        warnings += _segment_warnings(ground, money(amount), money(merged), wage.capped)
    else:
        units, amount = merged_units, merged
        lines.append(
            Line(service_text("Service: ", "工作年限：", months), decimal_str(units) or "", "LCL 47")
        )
    if wage.capped and severance_units(counted) > TWELVE:
        lines.append(
            Line(Text("Units limited to 12 (high earner)", "高收入者最多按十二年计算"), "12", "LCL 47")
        )
    lines.append(
        Line(
            Text(
                f"Economic compensation N = {decimal_str(units)} x W",
                f"经济补偿 N = {decimal_str(units)} x 月工资",
            ),
            money_str(amount) or "",
            ground.severance or "LCL 47",
        )
    )
    shown_merged = money(merged) if money(merged) != money(amount) else None
    severance = Severance(units, wage.base, wage.capped, money(amount), tuple(lines), shown_merged)
    return severance, warnings


def _segment_warnings(ground: Ground, amount: Decimal, merged: Decimal, capped: bool) -> list[Warning]:
    found = []
    if amount != merged:
        found.append(
            Warning(
                "CN.LCL.97.SEGMENTED",
                Text(
                    "Service before 2008 was counted separately "
                    f"(LCL 97; {ground.pre2008 or 'no rule then'}): N = {money_str(amount)}. "
                    f"Counted as one period it would be {money_str(merged)} "
                    "(severance.merged_amount). Practice differs between cities; have it reviewed.",
                    f"2008 年前后分段计算（第九十七条）：N = {money_str(amount)}；"
                    f"合并计算为 {money_str(merged)}"
                    "（severance.merged_amount）。各地实践不一，请复核。",
                ),
            )
        )
    if not ground.pre2008_rule_known:
        found.append(
            Warning(
                "CN.LCL.97.NO_RULE_FOUND",
                Text(
                    "No national pre-2008 compensation rule for this ending was found, so years before 2008 "
                    "were not paid; check local rules.",
                    "未找到 2008 年前此种情形的全国性经济补偿规定，2008 年前年限未计；请核查地方规定。",
                ),
            )
        )
    if ground.pre2008 in M1994_ENTERPRISE_AVERAGE:
        found.append(_m1994_review(ground.pre2008 == "M1994 Art. 6"))
    if capped:
        found.append(
            Warning(
                "CN.LCL.97.CAP",
                Text(
                    "W is above the 3x cap: the cap and the 12-year limit were applied to service from "
                    "2008 only. Whether they reach the pre-2008 segment differs in practice; "
                    "have it reviewed.",
                    "月工资高于三倍上限：上限及十二年限制仅适用于 2008 年后的年限；"
                    "是否适用于此前年限各地不一，请复核。",
                ),
            )
        )
    return found


def _m1994_review(illness: bool) -> Warning:
    subsidy_en = (
        " [M1994] Art. 6 also gave a medical subsidy of at least 6 months' wages (+50% serious, +100% "
        "terminal illness), not computed here."
        if illness
        else ""
    )
    subsidy_zh = (
        "第六条另有不低于六个月工资的医疗补助费（重病加 50%，绝症加 100%），此处未计算。" if illness else ""
    )
    return Warning(
        "CN.M1994.REVIEW",
        Text(
            "For the pre-2008 years, [M1994] Art. 11 raises a wage below the enterprise's average wage to "
            "that average; the facts do not give it, so the employee's own W was used." + subsidy_en,
            "2008 年前年限：[M1994] 第十一条规定工资低于企业平均工资的按企业平均工资计算；事实中未提供，"
            "已按劳动者本人工资计算。" + subsidy_zh,
        ),
    )


def unlawful_damages(
    hire_date: dt.date, last_day: dt.date, wage: Wage
) -> tuple[Decimal, list[Line], list[Warning]]:
    """2N (LCL 87): twice the LCL 47 standard counted from the start of employment (IR 25)."""
    months = service_months(hire_date, last_day)
    units = limited_units(months, wage.capped)
    amount = 2 * units * wage.base
    line = Line(
        Text(
            f"Damages if held unlawful: 2 x {decimal_str(units)} x W, all service counted (IR 25)",
            f"违法解除赔偿金：2 x {decimal_str(units)} x 月工资，自用工之日起计算",
        ),
        money_str(amount) or "",
        "LCL 87",
    )
    warnings = []
    if units != severance_units(months):
        warnings.append(
            Warning(
                "CN.LCL.87.TWELVE_YEARS",
                Text(
                    "The 12-year limit of LCL 47 was applied to 2N (the prevailing reading of 'the LCL 47 "
                    "standard'); the text does not say so separately. Have it reviewed.",
                    "赔偿金按第四十七条的十二年限制计算（通行理解），法律未另行明确；请复核。",
                ),
            )
        )
    return money(amount), [line], warnings
