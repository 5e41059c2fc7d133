"""Facts for the US-CA tests: a discharge paid ten days late (CA-01), changed one part at a time."""

from __future__ import annotations

import copy
from typing import Any

from dueprocess.law import assess
from dueprocess.law.base import Assessment

DISCHARGE: dict[str, Any] = {
    "jurisdiction": "US-CA",
    "ground": "discharge",
    "employee": {"hire_date": "2022-01-10"},
    "contract": {"type": "open_ended", "end_date": None, "probation_end": None},
    "last_day": "2025-03-14",
    "notice": {"given_on": "2025-03-01", "pay_in_lieu": False},
    "pay": {"daily_rate": "240.00"},
    "procedure": {"final_pay_on": "2025-03-24", "good_faith_dispute": False},
}


def ca(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(DISCHARGE)
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return data


def run(**changes: Any) -> Assessment:
    return assess(ca(**changes))
