"""Strict reading of the batch layoff JSON: unknown keys and wrong types name the field at fault.

```jsonc
{
  "jurisdiction": "CN", "last_day": "2025-09-30", "headcount": 400, "locality": "shanghai",
  "staff_explained_on": "2025-08-01", "labour_bureau_reported_on": "2025-09-05", ...,
  "employees": [{"id": "E1", "hire_date": "2019-04-01", "birth_date": "1980-09-15",
                 "sex": "female", "pay": "20000.00", "protected": []}]
}
```
"""

from __future__ import annotations

from typing import Any

from dueprocess.law.base import FactsError, ProtectedSituation
from dueprocess.law.base import _FactsParser as _P
from dueprocess.law.layoff.model import JURISDICTION_GROUNDS, LayoffEmployee, LayoffPlan

PLAN_DATES = (
    "last_day", "notice_given_on", "staff_explained_on", "union_notified_on",
    "labour_bureau_reported_on", "consultation_started_on", "hr1_sent_on", "warn_notice_on",
)  # fmt: skip
PLAN_KEYS = {
    "jurisdiction", "ground", "locality", "establishment", "headcount", "others_in_period",
    "pay_in_lieu", "employer_headcount", "closing", "employees", *PLAN_DATES,
}  # fmt: skip
EMPLOYEE_KEYS = frozenset({"id", "hire_date", "birth_date", "sex", "pay", "protected"})


def parse_layoff(data: Any) -> tuple[LayoffPlan, list[LayoffEmployee]]:
    """The plan and its employees from the batch JSON (one object with an ``employees`` list)."""
    plan = plan_from_dict(data)
    rows = data.get("employees")
    if not isinstance(rows, list) or not rows:
        raise FactsError("employees", "must be a non-empty list", "必须是非空列表")
    return plan, employees_from_dicts(rows)


def plan_from_dict(data: Any) -> LayoffPlan:
    if not isinstance(data, dict):
        raise FactsError("layoff", "must be an object", "必须是对象")
    unknown = sorted(set(data) - PLAN_KEYS)
    if unknown:
        raise FactsError(unknown[0], "unknown key", "未知字段")
    jurisdiction = _P._string(data, "jurisdiction", "jurisdiction", required=True)
    if jurisdiction not in JURISDICTION_GROUNDS:
        raise FactsError(
            "jurisdiction",
            f"no batch layoff assessment for {jurisdiction!r}; known: {', '.join(JURISDICTION_GROUNDS)}",
            f"没有 {jurisdiction!r} 的批量裁员评估；可用：{', '.join(JURISDICTION_GROUNDS)}",
        )
    dates = {key: _P._date(data, key, key, required=key == "last_day") for key in PLAN_DATES}
    return LayoffPlan(
        jurisdiction=jurisdiction,
        ground=_P._string(data, "ground", "ground") or "",
        locality=_P._string(data, "locality", "locality"),
        establishment=_P._string(data, "establishment", "establishment"),
        headcount=_count(data, "headcount", required=True) or 0,
        others_in_period=_count(data, "others_in_period") or 0,
        employer_headcount=_count(data, "employer_headcount"),
        pay_in_lieu=bool(_P._flag(data, "pay_in_lieu", "pay_in_lieu")),
        closing=bool(_P._flag(data, "closing", "closing")),
        **dates,
    )


def _count(data: dict, key: str, required: bool = False) -> int | None:
    value = data.get(key)
    if value is None:
        if required:
            raise FactsError(key, "is required", "为必填项")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FactsError(key, "must be a whole number, 0 or more", "必须是非负整数")
    return value


def employees_from_dicts(rows: list[Any]) -> list[LayoffEmployee]:
    return [_employee(row, f"employees[{i}]") for i, row in enumerate(rows)]


def _employee(row: Any, path: str) -> LayoffEmployee:
    if not isinstance(row, dict):
        raise FactsError(path, "must be an object", "必须是对象")
    if not row.keys() <= EMPLOYEE_KEYS:
        unknown = sorted(set(row) - EMPLOYEE_KEYS)[0]
        raise FactsError(f"{path}.{unknown}", "unknown key", "未知字段")
    ident = row.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident:
        raise FactsError(f"{path}.id", "must be a non-empty string", "必须是非空字符串")
    hire = _P._date(row, "hire_date", f"{path}.hire_date", required=True)
    birth = _P._date(row, "birth_date", f"{path}.birth_date")
    if birth is not None and hire <= birth:
        raise FactsError(f"{path}.hire_date", "is not after birth_date", "不晚于出生日期")
    protected = row.get("protected")
    return LayoffEmployee(
        id=ident,
        hire_date=hire,
        pay=_P._money(row, "pay", f"{path}.pay"),
        birth_date=birth,
        sex=_P._string(row, "sex", f"{path}.sex"),
        protected=_protected(protected, path) if protected else (),
    )


def _protected(raw: Any, path: str) -> tuple[ProtectedSituation, ...]:
    try:
        return _P()._protected(raw)
    except FactsError as error:
        raise FactsError(f"{path}.{error.field}", error.message, error.zh) from None


def check_dates(plan: LayoffPlan, employees: list[LayoffEmployee]) -> None:
    """Dates out of order: an employee hired after the last day, a notice after it."""
    if plan.notice_given_on and plan.notice_given_on > plan.last_day:
        raise FactsError("notice_given_on", "is after last_day", "晚于最后工作日")
    last = plan.last_day
    for i, employee in enumerate(employees):
        if employee.hire_date > last:
            raise FactsError(f"employees[{i}].hire_date", "is after last_day", "晚于最后工作日")
