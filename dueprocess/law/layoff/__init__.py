"""Batch layoff assessment: one cut of many employees at once (CN LCL 41, GB TULRCA s.188/193,
US-CA WARN / Cal-WARN), for the Django "layoff case".

    plan, employees = parse_layoff(data)          # or build LayoffPlan / LayoffEmployee directly
    result = assess_layoff(plan, employees)       # -> LayoffAssessment
    result.to_dict("zh-Hans")                     # JSON-able

Thresholds and procedure are assessed once for the batch; each employee goes through a lean path
that reuses the jurisdiction's counting rules with the figures looked up once per batch.
"""

from __future__ import annotations

from collections.abc import Sequence

from dueprocess.law.base import FactsError
from dueprocess.law.layoff import china, united_kingdom, united_states
from dueprocess.law.layoff.model import (
    JURISDICTION_GROUNDS,
    LayoffAssessment,
    LayoffEmployee,
    LayoffPlan,
    PersonResult,
    Threshold,
    Totals,
)
from dueprocess.law.layoff.parse import check_dates, employees_from_dicts, parse_layoff, plan_from_dict

_ASSESSORS = {"CN": china.assess, "GB": united_kingdom.assess, "US-CA": united_states.assess}


def assess_layoff(plan: LayoffPlan, employees: Sequence[LayoffEmployee]) -> LayoffAssessment:
    """Assess a cut: thresholds, batch-level blockers and missing steps, each person, totals."""
    assessor = _ASSESSORS.get(plan.jurisdiction)
    if assessor is None:
        raise FactsError(
            "jurisdiction",
            f"no batch layoff assessment for {plan.jurisdiction!r}; known: {', '.join(_ASSESSORS)}",
            f"没有 {plan.jurisdiction!r} 的批量裁员评估；可用：{', '.join(_ASSESSORS)}",
        )
    expected = JURISDICTION_GROUNDS[plan.jurisdiction]
    if plan.ground and plan.ground != expected:
        raise FactsError(
            "ground",
            f"a batch layoff in {plan.jurisdiction} is on the ground {expected!r}, not {plan.ground!r}",
            f"{plan.jurisdiction} 的批量裁员理由为 {expected!r}，而不是 {plan.ground!r}",
        )
    if not employees:
        raise FactsError("employees", "must be a non-empty list", "必须是非空列表")
    employees = list(employees)
    check_dates(plan, employees)
    return assessor(plan, employees)


__all__ = [
    "LayoffAssessment",
    "LayoffEmployee",
    "LayoffPlan",
    "PersonResult",
    "Threshold",
    "Totals",
    "assess_layoff",
    "employees_from_dicts",
    "parse_layoff",
    "plan_from_dict",
]
