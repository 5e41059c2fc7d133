"""Jurisdiction codes to their rule sets, and the engine's front door."""

from __future__ import annotations

import importlib
from typing import Any

from dueprocess.law.base import Assessment, Facts, FactsError
from dueprocess.law.jurisdictions.base import Jurisdiction

# code -> "module:Class"; imported on first use so that one jurisdiction's data never loads another's.
JURISDICTIONS: dict[str, str] = {
    "CN": "dueprocess.law.jurisdictions.china:China",
    "GB": "dueprocess.law.jurisdictions.united_kingdom:UnitedKingdom",
    "US-CA": "dueprocess.law.jurisdictions.united_states:California",
}

_loaded: dict[str, Jurisdiction] = {}


def jurisdiction_for(code: str) -> Jurisdiction:
    if code not in JURISDICTIONS:
        raise FactsError(
            "jurisdiction",
            f"unknown jurisdiction {code!r}; known: {', '.join(JURISDICTIONS)}",
            f"未知的法域 {code!r}；已知：{', '.join(JURISDICTIONS)}",
        )
    if code not in _loaded:
        module_name, class_name = JURISDICTIONS[code].split(":")
        _loaded[code] = getattr(importlib.import_module(module_name), class_name)()
    return _loaded[code]


def parse_facts(data: Any) -> Facts:
    """Read facts JSON strictly, then let the jurisdiction check the ground and what it needs."""
    facts = Facts.from_dict(data)
    jurisdiction_for(facts.jurisdiction).check_ground(facts.ground)
    return facts


def assess(facts: Facts | dict) -> Assessment:
    if not isinstance(facts, Facts):
        facts = parse_facts(facts)
    return jurisdiction_for(facts.jurisdiction).assess(facts)
