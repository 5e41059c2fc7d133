"""Writing a plan: inside the caller's transaction, in batches, in the order rows point at each other.

New rows go in with ``bulk_create`` (wages, by the million, with ``bulk.insert_rows``); changes
with ``bulk.update_rows``. Employees are created top-down, level by level of the reporting tree, so
that each row's manager exists when it is written and no second pass over new employees is needed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import models

from dueprocess.people.bulk import BATCH, Money, insert_rows, update_rows
from dueprocess.people.importing import graph
from dueprocess.people.importing.plan import Context, Plan
from dueprocess.people.importing.wages import PARTS
from dueprocess.people.models import Contract, Department, Employee, Location, WageRecord

# File columns that point at other rows → (model field, the context map that resolves them).
_POINTERS = {"department": "department_ids", "location": "location_ids", "manager_number": "employee_ids"}
_FIELD = {"manager_number": "manager"}


def write(plan: Plan, ctx: Context) -> None:
    _create(Location, plan.locations.creates, "code", ctx.location_ids)
    update_rows(Location, plan.locations.updates)
    _create(Department, plan.departments.creates, "code", ctx.department_ids)
    update_rows(Department, plan.departments.updates)
    parents = [
        (ctx.department_ids[code], {"parent": ctx.department_ids.get(p)}) for code, p in plan.parents.items()
    ]
    update_rows(Department, parents)
    _create_employees(plan, ctx)
    update_rows(Employee, [(pk, _resolve(changes, ctx)) for pk, changes in plan.employees.updates])
    _create_contracts(plan, ctx)
    update_rows(Contract, plan.contracts.updates)
    _create_wages(plan, ctx)
    money = Money()
    update_rows(
        WageRecord, [(pk, {p: money[c] for p, c in changes.items()}) for pk, changes in plan.wages.updates]
    )


def _create(
    model: type[models.Model], rows: list[dict[str, Any]], key: str, ids: dict[str, int | None]
) -> None:
    objects = [model(**row) for row in rows]
    model.objects.bulk_create(objects, batch_size=BATCH)
    for obj in objects:
        ids[getattr(obj, key)] = obj.pk
    if any(obj.pk is None for obj in objects):  # a database that cannot return ids from a bulk insert
        wanted = {getattr(obj, key) for obj in objects}
        ids.update((k, pk) for k, pk in model.objects.values_list(key, "pk") if k in wanted)


def _resolve(values: dict[str, Any], ctx: Context) -> dict[str, Any]:
    """File values → model field values: codes and numbers become the ids of the rows they name."""
    resolved = {}
    for name, value in values.items():
        if name in _POINTERS:
            value = None if value is None else getattr(ctx, _POINTERS[name])[value]
        resolved[_FIELD.get(name, name) + ("_id" if name in _POINTERS else "")] = value
    return resolved


def _create_employees(plan: Plan, ctx: Context) -> None:
    rows = {row["number"]: row for row in plan.employees.creates}
    depth = graph.depths({n: row.get("manager_number") for n, row in rows.items()}, rows)
    levels: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for number, row in rows.items():  # file order within a level: ids then follow the file
        levels[depth[number]].append(row)
    for level in sorted(levels):
        _create(Employee, [_resolve(row, ctx) for row in levels[level]], "number", ctx.employee_ids)


def _create_contracts(plan: Plan, ctx: Context) -> None:
    rows = []
    for row in plan.contracts.creates:
        values = {k: v for k, v in row.items() if k not in ("employee", "renews")}
        rows.append(
            Contract(employee_id=ctx.employee_ids[row["employee"]], renews_id=row["renews"], **values)
        )
    Contract.objects.bulk_create(rows, batch_size=BATCH)


def _create_wages(plan: Plan, ctx: Context) -> None:
    # Built as they are written: a million rows at once would not fit in memory.
    money, ids = Money(), ctx.employee_ids
    rows = (
        (ids[number], month, money[base], money[bonus], money[allowances], money[other])
        for number, month, base, bonus, allowances, other in plan.wages.creates
    )
    insert_rows(WageRecord, ("employee", "month", *PARTS), rows)
