"""Planning the employees file: one row per employee, upserted by number, with the current contract.

A row is checked against the organisation as it will be after the import: the departments,
locations and employees in the files together with those already in the database. A column the file
leaves out keeps the value in the database; an empty cell in a column the file has clears it.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from dueprocess.people.importing import graph
from dueprocess.people.importing.contracts import load_contracts, plan_contract
from dueprocess.people.importing.plan import (
    Context,
    Plan,
    changed_fields,
    describe,
    first_rows,
    unknown_department,
    unknown_employee,
    unknown_location,
)
from dueprocess.people.importing.tables import Table
from dueprocess.people.models import Employee

FIELDS = (
    "legal_name",
    "other_name",
    "email",
    "phone",
    "birth_date",
    "sex",
    "department",
    "manager_number",
    "location",
    "position",
    "hire_date",
    "left_on",
)
# The same, as read from the database: foreign keys by code and number, as the file writes them.
_STORED = tuple(
    {"department": "department__code", "location": "location__code", "manager_number": "manager_id"}.get(f, f)
    for f in FIELDS
)


def plan_employees(ctx: Context, tables: list[Table], plan: Plan) -> None:
    first = first_rows(
        ctx, tables, "number", _("the employee number %(value)s appears again; it was first on %(first)s")
    )
    current, manager_of = _load(ctx, set(first))
    ctx.employee_ids.update({number: None for number in first if number not in ctx.employee_ids})
    contracts = load_contracts([current[n]["id"] for n in first if n in current])
    for number, (table, row) in first.items():
        values = {name: row[table.at[name]] for name in FIELDS if table.has(name)}
        old = current.get(number)
        _check(ctx, table, row, number, {**(old or {}), **values})
        if table.has("manager_number"):
            manager = values["manager_number"]
            manager_of[number] = manager if manager != number else None
        _plan_employee(ctx, plan, number, values, old)
        plan_contract(ctx, plan, table, row, number, contracts.get(old["id"]) if old else None)
    _check_cycles(ctx, manager_of, first)


def _load(ctx: Context, wanted: set[str]) -> tuple[dict[str, dict[str, Any]], dict[str, str | None]]:
    """The file's employees as the database holds them, and every employee's manager's number."""
    number_of: dict[int, str] = {}
    manager_ids: dict[str, int] = {}
    current: dict[str, dict[str, Any]] = {}
    rows = Employee.objects.order_by().values_list("id", "number", *_STORED)
    for pk, number, *values in rows.iterator(chunk_size=5000):
        number_of[pk] = number
        ctx.employee_ids[number] = pk
        record = dict(zip(FIELDS, values, strict=True))
        if record["manager_number"] is not None:
            manager_ids[number] = record["manager_number"]
        if number in wanted:
            current[number] = {**record, "id": pk}
    for record in current.values():
        record["manager_number"] = number_of.get(record["manager_number"])
    manager_of: dict[str, str | None] = {n: number_of[m] for n, m in manager_ids.items()}
    return current, manager_of


def _check(ctx: Context, table: Table, row: tuple, number: str, merged: dict[str, Any]) -> None:
    """The rules one employee's row must keep, on its values merged with the database's."""
    department, location = merged.get("department"), merged.get("location")
    if department is not None and department not in ctx.department_ids:
        ctx.error(table, row, "department", unknown_department(department))
    if location is not None and location not in ctx.location_ids:
        ctx.error(table, row, "location", unknown_location(location))
    manager = merged.get("manager_number")
    if table.has("manager_number") and manager is not None:
        if manager == number:
            ctx.error(table, row, "manager_number", _("an employee cannot be their own manager"))
        elif manager not in ctx.employee_ids:
            ctx.error(table, row, "manager_number", unknown_employee(manager))
    _check_dates(ctx, table, row, merged)


def _check_dates(ctx: Context, table: Table, row: tuple, merged: dict[str, Any]) -> None:
    born, hired, left = merged.get("birth_date"), merged.get("hire_date"), merged.get("left_on")
    if born and hired and hired <= born:
        ctx.error(table, row, "hire_date", _("the start of employment must come after the date of birth"))
    if hired and left and left < hired:
        column = "left_on" if table.has("left_on") else "hire_date"
        ctx.error(table, row, column, _("the last day of employment cannot come before its start"))


def _check_cycles(
    ctx: Context, manager_of: dict[str, str | None], first: dict[str, tuple[Table, tuple]]
) -> None:
    for cycle in graph.cycles(manager_of, first):
        members = [n for n in cycle if n in first and first[n][0].has("manager_number")] or cycle[:1]
        table, row = first[members[0]]
        path = " → ".join([*cycle, cycle[0]])
        ctx.error(
            table,
            row,
            "manager_number",
            _("the reporting line goes round in a circle: %(path)s") % {"path": path},
        )


def _plan_employee(
    ctx: Context, plan: Plan, number: str, values: dict[str, Any], old: dict[str, Any] | None
) -> None:
    counts = ctx.report.count("employees")
    if old is None:
        plan.employees.creates.append({"number": number, **values})
        counts.created += 1
        name = values.get("legal_name")
        ctx.report.change(lambda: _("new employee %(number)s %(name)s") % {"number": number, "name": name})
        return
    changes = changed_fields(old, values)
    if not changes:
        counts.unchanged += 1
        return
    plan.employees.updates.append((old["id"], changes))
    counts.updated += 1
    ctx.report.change(
        lambda: _("employee %(number)s: %(changes)s") % {"number": number, "changes": describe(changes, old)}
    )
