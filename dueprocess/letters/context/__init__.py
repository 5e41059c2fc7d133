"""The data a letter is rendered from: the sections its kind lists (kinds.SECTIONS), each built from
the record as plain data. The same dict is stored with the letter, so what was printed can always be
shown again exactly."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db import models

from dueprocess.letters.context import case as case_data
from dueprocess.letters.context import plans as plan_data
from dueprocess.letters.context.common import employee_section, letter_section, organisation_section
from dueprocess.letters.kinds import CASE, CHECK_IN, PLAN, WARNING, sections, target_of

__all__ = ["build_context", "employee_of", "targets_of"]


def targets_of(kind: str, target: models.Model) -> dict[str, Any]:
    """The letter's foreign keys for a target: a check-in letter also belongs to its plan."""
    kind_target = target_of(kind)
    if kind_target == CHECK_IN:
        return {"check_in": target, "plan": target.plan}  # type: ignore[attr-defined]
    return {{CASE: "case", PLAN: "plan", WARNING: "warning"}[kind_target]: target}


def employee_of(kind: str, target: models.Model):
    if target_of(kind) == CHECK_IN:
        return target.plan.employee  # type: ignore[attr-defined]
    return target.employee  # type: ignore[attr-defined]


def build_context(
    kind: str, target: models.Model, language: str, *, public_id: uuid.UUID, issued_on: dt.date
) -> dict[str, Any]:
    employee = employee_of(kind, target)
    linked = targets_of(kind, target)
    builders = {
        "letter": lambda: letter_section(public_id, issued_on, language),
        "organisation": lambda: organisation_section(employee, language),
        "employee": lambda: employee_section(employee, language),
        "plan": lambda: plan_data.plan_section(linked["plan"], language),
        "check_in": lambda: plan_data.check_in_section(linked["check_in"], language),
        "warning": lambda: plan_data.warning_section(linked["warning"], language),
        "case": lambda: case_data.case_section(linked["case"], language),
        "assessment": lambda: case_data.assessment_section(linked["case"], language),
        "employment": lambda: case_data.employment_section(linked["case"], language),
        "contract": lambda: case_data.contract_section(linked["case"], language),
        "hearing": lambda: case_data.hearing_section(linked["case"], language),
        "union_notice": lambda: case_data.union_notice_section(linked["case"], language),
        "appeal": lambda: case_data.appeal_section(linked["case"], language, issued_on),
    }
    return {name: builders[name]() for name in sections(kind)}
