"""Planning the locations and departments files: the frame the employees are placed in."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from dueprocess.people.importing import graph
from dueprocess.people.importing.plan import (
    Context,
    Plan,
    changed_fields,
    describe,
    first_rows,
    unknown_department,
)
from dueprocess.people.importing.tables import Table
from dueprocess.people.models import Department, Location

LOCATION_FIELDS = ("name", "name_en", "jurisdiction", "locality", "time_zone")
DEPARTMENT_FIELDS = ("name", "name_en")
# A location imported without a time zone gets the one its law's home uses.
HOME_TIME_ZONES = {"CN": "Asia/Shanghai", "GB": "Europe/London", "US-CA": "America/Los_Angeles"}


def plan_locations(ctx: Context, tables: list[Table], plan: Plan) -> None:
    existing = {
        code: (pk, dict(zip(LOCATION_FIELDS, values, strict=True)))
        for pk, code, *values in Location.objects.values_list("id", "code", *LOCATION_FIELDS)
    }
    ctx.location_ids.update({code: pk for code, (pk, _values) in existing.items()})
    first = first_rows(
        ctx, tables, "code", _("the location code %(value)s appears again; it was first on %(first)s")
    )
    for code, (table, row) in first.items():
        values = {name: row[table.at[name]] for name in LOCATION_FIELDS if table.has(name)}
        _plan_location(ctx, plan, code, values, existing.get(code))


def _plan_location(
    ctx: Context, plan: Plan, code: str, values: dict[str, Any], found: tuple[int, dict] | None
) -> None:
    counts = ctx.report.count("locations")
    if found is None:
        values.setdefault("time_zone", None)
        _default_time_zone(values, values.get("jurisdiction"))
        plan.locations.creates.append({"code": code, **values})
        ctx.location_ids[code] = None
        counts.created += 1
        ctx.report.change(_("new location %(code)s") % {"code": code})
        return
    pk, current = found
    _default_time_zone(values, values.get("jurisdiction", current["jurisdiction"]))
    changes = changed_fields(current, values)
    if not changes:
        counts.unchanged += 1
        return
    plan.locations.updates.append((pk, changes))
    counts.updated += 1
    ctx.report.change(
        _("location %(code)s: %(changes)s") % {"code": code, "changes": describe(changes, current)}
    )


def _default_time_zone(values: dict[str, Any], jurisdiction: str | None) -> None:
    if "time_zone" in values and values["time_zone"] is None:
        values["time_zone"] = HOME_TIME_ZONES.get(jurisdiction or "", "Asia/Shanghai")


def plan_departments(ctx: Context, tables: list[Table], plan: Plan) -> None:
    existing: dict[str, tuple[int, dict[str, Any]]] = {}
    parent_of: dict[str, str | None] = {}
    for pk, code, name, name_en, parent in Department.objects.values_list(
        "id", "code", "name", "name_en", "parent__code"
    ):
        existing[code] = (pk, {"name": name, "name_en": name_en, "parent_code": parent})
        parent_of[code] = parent
    ctx.department_ids.update({code: pk for code, (pk, _values) in existing.items()})
    first = first_rows(
        ctx, tables, "code", _("the department code %(value)s appears again; it was first on %(first)s")
    )
    ctx.department_ids.update({code: None for code in first if code not in existing})
    for code, (table, row) in first.items():
        parent = _parent(ctx, table, row, code, existing)
        parent_of[code] = parent
        _plan_department(ctx, plan, table, row, code, parent, existing.get(code))
    for cycle in graph.cycles(parent_of, first):
        table, row = first[next(code for code in cycle if code in first)]
        ctx.error(
            table,
            row,
            "parent_code",
            _("the department tree goes round in a circle: %(path)s")
            % {"path": " → ".join([*cycle, cycle[0]])},
        )


def _parent(ctx: Context, table: Table, row: tuple, code: str, existing: dict) -> str | None:
    if not table.has("parent_code"):
        return existing[code][1]["parent_code"] if code in existing else None
    parent = row[table.at["parent_code"]]
    if parent == code:
        ctx.error(table, row, "parent_code", _("a department cannot sit below itself"))
        return None
    if parent is not None and parent not in ctx.department_ids:
        ctx.error(table, row, "parent_code", unknown_department(parent))
        return None
    return parent


def _plan_department(
    ctx: Context, plan: Plan, table: Table, row: tuple, code: str, parent: str | None, found: tuple | None
) -> None:
    counts = ctx.report.count("departments")
    values = {name: row[table.at[name]] for name in DEPARTMENT_FIELDS if table.has(name)}
    if found is None:
        plan.departments.creates.append({"code": code, **values})
        if parent is not None:
            plan.parents[code] = parent
        counts.created += 1
        ctx.report.change(_("new department %(code)s") % {"code": code})
        return
    pk, current = found
    changes = changed_fields(current, {**values, "parent_code": parent})
    if not changes:
        counts.unchanged += 1
        return
    description = describe(changes, current)
    if "parent_code" in changes:
        plan.parents[code] = changes.pop("parent_code")
    if changes:
        plan.departments.updates.append((pk, changes))
    counts.updated += 1
    ctx.report.change(_("department %(code)s: %(changes)s") % {"code": code, "changes": description})
