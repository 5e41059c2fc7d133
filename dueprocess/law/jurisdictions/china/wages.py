"""The monthly wage W of LCL 47 / IR 27: the employee's average, the local floor and the 3x cap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from dueprocess.law.base import Facts, FactsError, Line, Text, Warning, money_str
from dueprocess.law.figures import cache_key, figure_on

AVERAGE_TABLE = "cn_average_monthly_wage"
AVERAGE_FIGURE = "average_monthly_wage"  # the severance series (Beijing also has a social-insurance one)
MINIMUM_TABLE = "cn_minimum_wage"
THREE = Decimal(3)
CITIES = {
    "beijing": Text("Beijing", "北京"),
    "shanghai": Text("Shanghai", "上海"),
    "guangzhou": Text("Guangzhou", "广州"),
    "shenzhen": Text("Shenzhen", "深圳"),
    "hangzhou": Text("Hangzhou", "杭州"),
}


@dataclass(frozen=True)
class LocalFigures:
    """The figures in force in a city on a day (IR 14: the place of performance)."""

    minimum: Decimal
    average: Decimal
    average_year: int | None
    cap: Decimal  # LCL 47: three times the local average monthly wage
    warnings: tuple[Warning, ...]


def local_figures(locality: str, day: dt.date) -> LocalFigures:
    return _local_figures(locality, day, cache_key())


@lru_cache(maxsize=8192)
def _local_figures(locality: str, day: dt.date, key: tuple[str | None, int]) -> LocalFigures:
    average = figure_on(AVERAGE_TABLE, locality, day, AVERAGE_FIGURE)
    minimum = figure_on(MINIMUM_TABLE, locality, day)
    return LocalFigures(
        minimum=minimum.row.amount,
        average=average.row.amount,
        average_year=average.row.data_year,
        cap=THREE * average.row.amount,
        warnings=average.warnings + minimum.warnings,
    )


def monthly_base(average: Decimal, locality: str, day: dt.date) -> tuple[Decimal, bool, tuple[Warning, ...]]:
    """W for LCL 47 on ``day``: raised to the minimum wage (IR 27), limited to 3x the local average.

    Returns (base, capped, warnings). ``capped`` is True only when W is *higher than* three times
    the average ("高于", LCL 47); the caller then limits the units to 12.
    """
    figures = local_figures(locality, day)
    if average > figures.cap:
        return figures.cap, True, figures.warnings
    return max(average, figures.minimum), False, figures.warnings


@dataclass(frozen=True)
class Wage:
    """The employee's W before and after the local floor and cap, with the working lines."""

    average: Decimal
    base: Decimal
    capped: bool
    lines: tuple[Line, ...]
    warnings: tuple[Warning, ...]


def employee_average(facts: Facts) -> tuple[Decimal, Line, tuple[Warning, ...]]:
    """The 12-month average from ``pay.average_monthly`` or the list ``pay.monthly`` (LCL 47)."""
    pay = facts.pay
    if pay.average_monthly is not None:
        warnings: tuple[Warning, ...] = ()
        if pay.monthly and sum(pay.monthly) / len(pay.monthly) != pay.average_monthly:
            warnings = (_differs(pay.average_monthly),)
        line = Line(
            Text("Average monthly wage over the last 12 months", "前十二个月平均工资"),
            money_str(pay.average_monthly) or "",
            "LCL 47",
        )
        return pay.average_monthly, line, warnings
    if not pay.monthly:
        raise FactsError(
            "pay.average_monthly",
            "is required on this ground (or give pay.monthly, the last months' wages)",
            "此解除理由须提供（或提供 pay.monthly 各月工资）",
        )
    count = len(pay.monthly)
    average = sum(pay.monthly, Decimal(0)) / count
    line = Line(
        Text(
            f"Average of the {count} monthly wages given (fewer than 12 months: months worked, IR 27)",
            f"所列 {count} 个月工资的平均值（不满十二个月的按实际工作月数计算）",
        ),
        money_str(average) or "",
        "IR 27" if count < 12 else "LCL 47",
    )
    return average, line, ()


def _differs(average: Decimal) -> Warning:
    return Warning(
        "CN.PAY.AVERAGE_DIFFERS",
        Text(
            f"pay.average_monthly ({money_str(average)}) differs from the average of pay.monthly; "
            "pay.average_monthly was used.",
            f"pay.average_monthly（{money_str(average)}）与 pay.monthly 的平均值不一致；已采用前者。",
        ),
    )


def wage(facts: Facts) -> Wage:
    """W with its floor and cap for the facts' city on the last day."""
    if facts.locality is None:
        raise FactsError("locality", "is required to apply IR 27 and the LCL 47 cap", "须提供工作地城市")
    average, first, warnings = employee_average(facts)
    base, capped, figure_warnings = monthly_base(average, facts.locality, facts.last_day)
    figures = local_figures(facts.locality, facts.last_day)
    city = CITIES.get(facts.locality.lower()) or Text(facts.locality, facts.locality)
    lines = [
        first,
        Line(
            Text(
                f"Minimum monthly wage in {city.en} on {facts.last_day}",
                f"{city.zh} {facts.last_day} 最低月工资",
            ),
            money_str(figures.minimum) or "",
            "IR 27",
        ),
        Line(
            Text(
                f"Cap: 3 x {city.en} average monthly wage {money_str(figures.average)} "
                f"({figures.average_year} data)",
                f"上限：{city.zh}职工月平均工资 {money_str(figures.average)}"
                f"（{figures.average_year} 年数据）的三倍",
            ),
            money_str(figures.cap) or "",
            "LCL 47",
        ),
    ]
    if average < figures.minimum:
        lines.append(
            Line(
                Text("W raised to the minimum wage", "按当地最低工资标准计算"), money_str(base) or "", "IR 27"
            )
        )
    if capped:
        lines.append(
            Line(
                Text("W is higher than the cap: the cap is used", "高于三倍上限：按上限计算"),
                money_str(base) or "",
                "LCL 47",
            )
        )
    return Wage(
        average, base, capped, tuple(lines), warnings + figure_warnings + _equal_to_cap(average, figures)
    )


def _equal_to_cap(average: Decimal, figures: LocalFigures) -> tuple[Warning, ...]:
    if average != figures.cap:
        return ()
    return (
        Warning(
            "CN.LCL.47.EQUAL_TO_CAP",
            Text(
                "W equals exactly 3 x the local average: LCL 47 caps only a wage 'higher than' it, so "
                "neither the cap nor the 12-year limit was applied. Literal reading; have it reviewed.",
                "月工资恰好等于三倍上限：第四十七条仅对“高于”三倍者封顶，故未适用上限及十二年限制（字面解释，请复核）。",
            ),
        ),
    )
