"""The current contract on an employee's row: a new start date makes a new contract, which renews the
one before it; the same start date updates that contract. Contracts are never deleted by an import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dueprocess.people.importing.plan import Context, Plan, changed_fields, describe
from dueprocess.people.importing.tables import Table
from dueprocess.people.models import Contract, ContractType

# File column → Contract field.
COLUMNS = {
    "contract_type": "type",
    "contract_start": "starts_on",
    "contract_end": "ends_on",
    "probation_end": "probation_ends_on",
}
_STORED = ("type", "ends_on", "probation_ends_on")


@dataclass
class History:
    """One employee's contracts: by start date, and the latest."""

    by_start: dict[dt.date, dict[str, Any]] = field(default_factory=dict)
    latest: dict[str, Any] | None = None


def load_contracts(employee_ids: list[int]) -> dict[int, History]:
    wanted = set(employee_ids)
    histories: dict[int, History] = {}
    if not wanted:
        return histories
    rows = Contract.objects.order_by("starts_on").values_list("employee_id", "id", "starts_on", *_STORED)
    for employee_id, pk, starts_on, *values in rows.iterator(chunk_size=5000):
        if employee_id in wanted:
            history = histories.setdefault(employee_id, History())
            record = {"id": pk, "starts_on": starts_on, **dict(zip(_STORED, values, strict=True))}
            history.by_start[starts_on] = record
            history.latest = record
    return histories


def _row_values(table: Table, row: tuple) -> dict[str, Any] | None:
    values = {COLUMNS[c]: row[table.at[c]] for c in COLUMNS if table.has(c)}
    return values if any(v is not None for v in values.values()) else None


def plan_contract(
    ctx: Context, plan: Plan, table: Table, row: tuple, number: str, history: History | None
) -> None:
    values = _row_values(table, row)
    if values is None:
        return
    start = values.get("starts_on")
    if start is None:
        column = "contract_start" if table.has("contract_start") else "contract_type"
        ctx.error(table, row, column, _("a contract needs its start date in the column contract_start"))
        return
    history = history or History()
    existing = history.by_start.get(start)
    merged = {**(existing or {}), **values}
    if not _valid(ctx, table, row, merged):
        return
    if existing is not None:
        _update(ctx, plan, number, existing, values)
    elif history.latest is not None and history.latest["starts_on"] > start:
        ctx.error(
            table,
            row,
            "contract_start",
            _(
                "this employee already has a later contract (from %(date)s); "
                "the file must hold the current contract"
            )
            % {"date": history.latest["starts_on"].isoformat()},
        )
    else:
        _create(ctx, plan, number, values, history.latest)


def _valid(ctx: Context, table: Table, row: tuple, merged: dict[str, Any]) -> bool:
    before = ctx.problems.total
    start, end, probation = merged["starts_on"], merged.get("ends_on"), merged.get("probation_ends_on")
    if not merged.get("type"):
        ctx.error(
            table,
            row,
            "contract_type" if table.has("contract_type") else "contract_start",
            _("the contract type is missing"),
        )
    if end and end < start:
        ctx.error(table, row, "contract_end", _("the contract cannot end before it starts"))
    if probation and probation < start:
        ctx.error(table, row, "probation_end", _("probation cannot end before the contract starts"))
    if merged.get("type") == ContractType.FIXED_TERM and not end:
        ctx.error(
            table,
            row,
            "contract_end" if table.has("contract_end") else "contract_type",
            _("a fixed-term contract needs an end date"),
        )
    return ctx.problems.total == before


def _update(ctx: Context, plan: Plan, number: str, existing: dict[str, Any], values: dict[str, Any]) -> None:
    counts = ctx.report.count("contracts")
    changes = changed_fields(existing, values)
    if not changes:
        counts.unchanged += 1
        return
    plan.contracts.updates.append((existing["id"], changes))
    counts.updated += 1
    ctx.report.change(
        _("contract of %(number)s from %(start)s: %(changes)s")
        % {
            "number": number,
            "start": existing["starts_on"].isoformat(),
            "changes": describe(changes, existing),
        }
    )


def _create(
    ctx: Context, plan: Plan, number: str, values: dict[str, Any], latest: dict[str, Any] | None
) -> None:
    plan.contracts.creates.append({"employee": number, **values, "renews": latest["id"] if latest else None})
    ctx.report.count("contracts").created += 1
    ctx.report.change(lambda: _new_contract(number, values["starts_on"], latest))


def _new_contract(number: str, start: dt.date, latest: dict[str, Any] | None) -> str:
    if latest is None:
        return _("new contract for %(number)s from %(start)s") % {
            "number": number,
            "start": start.isoformat(),
        }
    return _("new contract for %(number)s from %(start)s (renews the one from %(date)s)") % {
        "number": number,
        "start": start.isoformat(),
        "date": latest["starts_on"].isoformat(),
    }
