"""The sections every letter has: the letter itself, the organisation, and the employee.

Each builder returns plain data (strings, numbers, booleans, lists and dicts; dates as ISO strings,
money as decimal strings), never a model instance: the template engine can reach nothing but this.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError

from dueprocess.letters.wording import is_zh
from dueprocess.people.models import Department, Employee

Data = dict[str, Any]


def missing(field: str, message: str) -> ValidationError:
    """The record lacks a fact the letter states: say which, so HR can complete it first."""
    return ValidationError({field: message})


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def law_language(language: str) -> str:
    """The law engine's name for the language."""
    return "zh-Hans" if is_zh(language) else "en"


def localised(name: str, name_en: str, language: str) -> str:
    return name if is_zh(language) or not name_en else name_en


def letter_section(public_id: uuid.UUID, issued_on: dt.date, language: str) -> Data:
    return {
        "reference": f"L-{issued_on:%Y%m%d}-{public_id.hex[:8].upper()}",
        "date": iso(issued_on),
        "language": language,
    }


def organisation_section(employee: Employee, language: str) -> Data:
    """The employer is the top of the department tree the employee works in."""
    root: Department = employee.department
    seen = {root.pk}
    while root.parent_id and root.parent_id not in seen:
        root = root.parent  # type: ignore[assignment]
        seen.add(root.pk)
    return {
        "name": localised(root.name, root.name_en, language),
        "name_zh": root.name,
        "name_en": root.name_en,
    }


def employee_section(employee: Employee, language: str) -> Data:
    return {
        "legal_name": employee.legal_name,
        "other_name": employee.other_name,
        "number": employee.number,
        "position": employee.position,
        "department": localised(employee.department.name, employee.department.name_en, language),
        "location": localised(employee.location.name, employee.location.name_en, language),
        "email": employee.email,
    }
