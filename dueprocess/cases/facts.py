"""Facts for the law engine, built from the database: nothing about the employee is retyped.

``case_facts`` reads the employee, the contract, the wages, the protected periods and the case's own
steps, and answers with the JSON the engine reads (the same shape as ``dueprocess assess`` and the
law test vectors), so an assessment can be stored, shown and re-run exactly as it was made.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from dueprocess.people.models import Employee, WageRecord

# The people app's protected kinds in the law engine's vocabulary.
LAW_PROTECTED_KINDS = {
    "pregnancy": "pregnancy",
    "maternity_leave": "maternity",
    "nursing": "nursing",
    "medical_treatment": "medical_treatment",
    "work_injury": "work_injury",
    "occupational_disease_assessment": "suspected_occupational_disease",
    "other": "other_statutory",
}
CENT = Decimal("0.01")
# GB a week's pay from a monthly wage (ERA s.221 for a fixed wage: 12 months / 52 weeks); US-CA a
# day's pay from a monthly wage over 260 working days a year.
WEEKS_PER_YEAR, WORKING_DAYS_PER_YEAR = Decimal(52), Decimal(260)


def _money(value: Decimal) -> str:
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months_back(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def wage_facts(employee: Employee, last_day: dt.date) -> dict[str, Any]:
    """Pay over the 12 full months before the last day (LCL 47: 'the twelve months before the
    termination'): the monthly wages oldest first and the previous month's wage (IR 20)."""
    end = _month_start(last_day)
    wages = list(
        WageRecord.objects.filter(employee=employee, month__gte=_months_back(end, 12), month__lt=end)
        .order_by("month")
        .values_list("month", "gross")
    )
    if not wages:
        return {}
    monthly = [gross for _month, gross in wages]
    average = sum(monthly, Decimal(0)) / len(monthly)
    return {
        "monthly": [_money(m) for m in monthly],
        "previous_month": _money(monthly[-1]),
        "weekly": _money(average * 12 / WEEKS_PER_YEAR),
        "daily_rate": _money(average * 12 / WORKING_DAYS_PER_YEAR),
    }


def protected_facts(employee: Employee) -> list[dict[str, Any]]:
    return [
        {
            "kind": LAW_PROTECTED_KINDS[period.kind],
            "from": period.starts_on.isoformat(),
            "to": period.ends_on.isoformat() if period.ends_on else None,
        }
        for period in employee.protected_periods.order_by("starts_on")
    ]


def contract_facts(employee: Employee, on: dt.date) -> dict[str, Any]:
    contract = employee.current_contract(on)
    if contract is None:
        return {"type": "open_ended", "end_date": None, "probation_end": None}
    return {
        "type": contract.law_type,
        "end_date": contract.ends_on.isoformat() if contract.ends_on else None,
        "probation_end": contract.probation_ends_on.isoformat() if contract.probation_ends_on else None,
    }


def employee_facts(employee: Employee) -> dict[str, Any]:
    facts: dict[str, Any] = {"hire_date": employee.hire_date.isoformat()}
    if employee.birth_date:
        facts["birth_date"] = employee.birth_date.isoformat()
    if employee.sex:
        facts["sex"] = employee.sex
    return facts


def facts_for(
    employee: Employee,
    *,
    jurisdiction: str,
    locality: str,
    ground: str,
    last_day: dt.date,
    notice_given_on: dt.date | None,
    pay_in_lieu: bool,
    procedure: dict[str, Any],
) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "jurisdiction": jurisdiction,
        "ground": ground,
        "employee": employee_facts(employee),
        "contract": contract_facts(employee, last_day),
        "last_day": last_day.isoformat(),
        "notice": {
            "given_on": notice_given_on.isoformat() if notice_given_on else None,
            "pay_in_lieu": pay_in_lieu,
        },
        "pay": wage_facts(employee, last_day),
        "protected": protected_facts(employee),
        "procedure": {
            k: v.isoformat() if isinstance(v, dt.date) else v for k, v in procedure.items() if v is not None
        },
    }
    if locality:
        facts["locality"] = locality
    return facts
