"""What an import would write: the rows to create and the changes to rows that exist.

Planning reads the database but never writes; the dry run stops after it, the real import hands
the plan to ``writer``. Rows point at each other by code and number (department code, manager's
number), which the writer turns into database ids once the rows they point at exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dueprocess.people.importing.report import ImportReport, Problems
from dueprocess.people.importing.tables import Table


@dataclass
class Step:
    creates: Any = field(default_factory=list)  # a list of dicts; for wages, rows built on demand
    updates: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (id, {field: new value})


@dataclass
class Plan:
    locations: Step = field(default_factory=Step)
    departments: Step = field(default_factory=Step)
    # Department code → parent code, for new departments and changed parents: set after all exist.
    parents: dict[str, str | None] = field(default_factory=dict)
    employees: Step = field(default_factory=Step)
    contracts: Step = field(default_factory=Step)
    wages: Step = field(default_factory=Step)


@dataclass
class Context:
    """What planning one kind of file tells the planning of the next."""

    problems: Problems
    report: ImportReport
    location_ids: dict[str, int | None] = field(default_factory=dict)  # None: created by this import
    department_ids: dict[str, int | None] = field(default_factory=dict)
    employee_ids: dict[str, int | None] = field(default_factory=dict)

    def error(self, table: Table, row: tuple[Any, ...], column: str, problem: str) -> None:
        self.problems.add(table.label, row[0], table.header(column), problem)


def first_rows(ctx: Context, tables: list[Table], key: str, message: str) -> dict[Any, tuple[Table, tuple]]:
    """Each key's first row across the files; a key seen again is an error at the later row."""
    first: dict[Any, tuple[Table, tuple]] = {}
    for table in tables:
        at = table.at[key]
        for row in table.rows:
            value = row[at]
            if value is None:
                continue
            if value in first:
                earlier_table, earlier = first[value]
                where = _where(earlier_table, earlier, table)
                ctx.error(table, row, key, message % {"value": value, "first": where})
            else:
                first[value] = (table, row)
    return first


def _where(earlier_table: Table, earlier: tuple, table: Table) -> str:
    if earlier_table is table:
        return _("row %(row)s") % {"row": earlier[0]}
    return _("row %(row)s of %(file)s") % {"row": earlier[0], "file": earlier_table.label}


def changed_fields(current: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in new.items() if not same(current.get(name), value)}


def same(old: Any, new: Any) -> bool:
    return old == new or (old in (None, "") and new in (None, ""))


def describe(changes: dict[str, Any], current: dict[str, Any]) -> str:
    return "; ".join(
        f"{name}: {_shown(current.get(name))} → {_shown(value)}" for name, value in changes.items()
    )


def _shown(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def unknown_department(code: str) -> str:
    return _('there is no department with the code "%(code)s" in the files or in the database') % {
        "code": code
    }


def unknown_location(code: str) -> str:
    return _('there is no work location with the code "%(code)s" in the files or in the database') % {
        "code": code
    }


def unknown_employee(number: str) -> str:
    return _('there is no employee with the number "%(number)s" in the files or in the database') % {
        "number": number
    }
