"""Writing a plan: inside the caller's transaction, in batches, in the order rows point at each other.

New rows go in with ``bulk_create``. Changes go in with one ``UPDATE … WHERE id = %s`` per row,
sent with ``executemany`` and grouped by the set of columns that change: Django's ``bulk_update``
builds a ``CASE`` over the whole batch, which grows with the square of the batch on SQLite.
Employees are created top-down, level by level of the reporting tree, so that each row's manager
exists when it is written and no second pass over new employees is needed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import islice
from typing import Any

from django.db import connection, models

from dueprocess.people.importing import graph
from dueprocess.people.importing.plan import Context, Plan
from dueprocess.people.models import Contract, Department, Employee, Location, WageRecord

BATCH = 2000
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
    update_rows(
        WageRecord, [(pk, {p: _decimal(c) for p, c in changes.items()}) for pk, changes in plan.wages.updates]
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
    # Built a batch at a time: a million model instances at once would not fit in memory.
    records = (
        WageRecord(
            employee_id=ctx.employee_ids[number],
            month=month,
            base=_decimal(base),
            bonus=_decimal(bonus),
            allowances=_decimal(allowances),
            other=_decimal(other),
        )
        for number, month, base, bonus, allowances, other in plan.wages.creates
    )
    for batch in _batches(records, BATCH * 5):
        WageRecord.objects.bulk_create(batch, batch_size=BATCH)


def _decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def update_rows(model: type[models.Model], updates: Iterable[tuple[int, dict[str, Any]]]) -> None:
    """Apply ``(id, {field: value})`` changes, one statement per set of changed fields."""
    groups: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for pk, changes in updates:
        groups[tuple(sorted(changes))].append((pk, changes))
    quote = connection.ops.quote_name
    meta = model._meta
    for names, items in groups.items():
        fields = [meta.get_field(name) for name in names]  # an attname (manager_id) is found too
        assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
        sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608 — names come from the model, values are parameters
        for batch in _batches(items, BATCH):
            params = [
                [f.get_db_prep_save(changes[n], connection) for f, n in zip(fields, names, strict=True)]
                + [pk]
                for pk, changes in batch
            ]
            with connection.cursor() as cursor:
                cursor.executemany(sql, params)
