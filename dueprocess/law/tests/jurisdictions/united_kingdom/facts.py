"""Facts for the GB tests: a redundancy with full notice (UK-01), changed one part at a time."""

from __future__ import annotations

import copy
from typing import Any

from dueprocess.law import assess
from dueprocess.law.base import Assessment

ALL_ACAS_STEPS = {
    "investigation_held": True,
    "invited_in_writing": True,
    "hearing_held": True,
    "accompanied_offered": True,
    "decision_in_writing": True,
    "appeal_offered": True,
}

REDUNDANCY: dict[str, Any] = {
    "jurisdiction": "GB",
    "ground": "redundancy",
    "employee": {"birth_date": "1980-01-15", "hire_date": "2010-06-01"},
    "contract": {"type": "open_ended", "end_date": None, "probation_end": None},
    "last_day": "2025-06-27",
    "notice": {"given_on": "2025-03-28", "pay_in_lieu": False},
    "pay": {"weekly": "800.00"},
}


def gb(**changes: Any) -> dict[str, Any]:
    """The UK-01 facts with top-level keys replaced; a dict value is merged into the section."""
    data = copy.deepcopy(REDUNDANCY)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def run(**changes: Any) -> Assessment:
    return assess(gb(**changes))


def codes(items: Any) -> list[str]:
    return [item.code for item in items]
