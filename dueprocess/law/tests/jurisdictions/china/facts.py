"""Facts for the PRC tests: a lawful LCL 40(2) dismissal in Shanghai, changed one part at a time."""

from __future__ import annotations

import copy
from typing import Any

from dueprocess.law import assess
from dueprocess.law.base import Assessment, Facts

LAWFUL_INCOMPETENCE: dict[str, Any] = {
    "jurisdiction": "CN",
    "locality": "shanghai",
    "ground": "incompetence",
    "employee": {"birth_date": "1985-05-20", "sex": "male", "hire_date": "2019-04-01"},
    "contract": {"type": "open_ended", "end_date": None, "probation_end": None},
    "last_day": "2025-06-30",
    "notice": {"given_on": "2025-05-31", "pay_in_lieu": False},
    "pay": {"average_monthly": "20000.00", "previous_month": "21000.00"},
    "protected": [],
    "procedure": {"union_notified_on": "2025-05-20", "training_or_job_adjustment": True},
}


def cn(**changes: Any) -> dict[str, Any]:
    """The lawful facts with top-level keys replaced; a dict value is merged into the section."""
    data = copy.deepcopy(LAWFUL_INCOMPETENCE)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def parsed(**changes: Any) -> Facts:
    return Facts.from_dict(cn(**changes))


def run(**changes: Any) -> Assessment:
    return assess(cn(**changes))


def articles(findings: Any) -> list[str]:
    return sorted(f.article for f in findings)


def codes(warnings: Any) -> list[str]:
    return [w.code for w in warnings]
