"""Planning the wages file: one row per employee and month, upserted by (number, month).

A wage history can run to a million rows, so this module keeps each row as a few integers: the key
packs the employee and the month into one int, the amounts are whole cents. The database's rows
for the months in the file are read once, in order, and matched against those keys.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext as _

from dueprocess.people.importing.plan import Context, Plan, unknown_employee
from dueprocess.people.importing.tables import Table
from dueprocess.people.models import WageRecord

PARTS = ("base", "bonus", "allowances", "other")
# With few employees in the file, ask the database for theirs only; with many, scan the months.
FEW_EMPLOYEES = 500


def _month_index(month: dt.date) -> int:
    return month.year * 12 + month.month - 1


def _month(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def plan_wages(ctx: Context, tables: list[Table], plan: Plan) -> None:
    employees: dict[str, int] = {}  # number → small int, for the packed keys
    rows = _index_rows(ctx, tables, employees)
    if not rows:
        return
    numbers = list(employees)
    _match_existing(ctx, plan, tables, rows, numbers)
    ctx.report.count("wages").created += len(rows)
    for key in rows:
        number, month = numbers[key >> 16], f"{_month(key & 0xFFFF):%Y-%m}"
        ctx.report.change(
            lambda n=number, m=month: _("new wages of %(number)s for %(month)s") % {"number": n, "month": m}
        )
    plan.wages.creates = _Creates(tables, rows, numbers)


def _new_wages(number: str, month: dt.date) -> str:
    return _("new wages of %(number)s for %(month)s") % {"number": number, "month": f"{month:%Y-%m}"}


class _Creates:
    """The new wage rows, built as the writer takes them: ``(number, month, base, bonus,
    allowances, other)`` in cents. A list of a million tuples would cost a few hundred MB more."""

    def __init__(self, tables: list[Table], rows: dict[int, int], numbers: list[str]) -> None:
        self.tables, self.rows, self.numbers = tables, rows, numbers

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple]:
        for key, position in self.rows.items():
            table = self.tables[position >> 32]
            row = table.rows[position & 0xFFFFFFFF]
            parts = [row[table.at[p]] if table.has(p) else 0 for p in PARTS]
            yield (self.numbers[key >> 16], _month(key & 0xFFFF), *parts)


def _index_rows(ctx: Context, tables: list[Table], employees: dict[str, int]) -> dict[int, int]:
    """Packed (employee, month) key → packed (table, row) position; duplicates and unknown
    employees are reported here."""
    rows: dict[int, int] = {}
    for t, table in enumerate(tables):
        number_at, month_at = table.at["number"], table.at["month"]
        for r, row in enumerate(table.rows):
            number, month = row[number_at], row[month_at]
            if number is None or month is None:
                continue
            if number not in ctx.employee_ids:
                ctx.error(table, row, "number", unknown_employee(number))
                continue
            _check_gross(ctx, table, row)
            key = employees.setdefault(number, len(employees)) << 16 | _month_index(month)
            if key in rows:
                _duplicate(ctx, tables, rows[key], table, row, number, month)
            else:
                rows[key] = t << 32 | r
    return rows


def _duplicate(
    ctx: Context, tables: list[Table], position: int, table: Table, row: tuple, number: str, month: dt.date
) -> None:
    earlier_table = tables[position >> 32]
    earlier = earlier_table.rows[position & 0xFFFFFFFF][0]
    where = (
        _("row %(row)s") % {"row": earlier}
        if earlier_table is table
        else _("row %(row)s of %(file)s") % {"row": earlier, "file": earlier_table.label}
    )
    ctx.error(
        table,
        row,
        "month",
        _("the wages of %(number)s for %(month)s appear again; they were first on %(first)s")
        % {"number": number, "month": f"{month:%Y-%m}", "first": where},
    )


def _check_gross(ctx: Context, table: Table, row: tuple) -> None:
    """The export writes gross for the reader; on import it must agree with the parts it sums."""
    if not (table.has("gross") and all(table.has(p) for p in PARTS)):
        return
    gross = row[table.at["gross"]]
    parts = [row[table.at[p]] for p in PARTS]
    if gross is None or None in parts or sum(parts) == gross:
        return
    ctx.error(
        table,
        row,
        "gross",
        _("%(gross)s is not the sum of base, bonus, allowances and other (%(sum)s)")
        % {"gross": _money(gross), "sum": _money(sum(parts))},
    )


def _money(cents: int) -> str:
    return f"{cents // 100:,}.{cents % 100:02d}"


def _match_existing(
    ctx: Context, plan: Plan, tables: list[Table], rows: dict[int, int], numbers: list[str]
) -> None:
    """Compare the rows the database already has, and take them out of ``rows``: what is left are
    the rows to create."""
    index = {number: i for i, number in enumerate(numbers)}
    ids = {pk: index[n] for n, pk in ctx.employee_ids.items() if pk is not None and n in index}
    if not ids:
        return
    counts = ctx.report.count("wages")
    for pk, employee_id, month, *amounts in _stored(ids, rows):
        key = ids.get(employee_id, -1) << 16 | _month_index(month)
        position = rows.pop(key, None) if employee_id in ids else None
        if position is None:
            continue
        table = tables[position >> 32]
        row = table.rows[position & 0xFFFFFFFF]
        current = {p: int(a * 100) for p, a in zip(PARTS, amounts, strict=True)}
        changes = {p: row[table.at[p]] for p in PARTS if table.has(p) and row[table.at[p]] != current[p]}
        if not changes:
            counts.unchanged += 1
            continue
        plan.wages.updates.append((pk, changes))
        counts.updated += 1
        ctx.report.change(_changed_wages(numbers[ids[employee_id]], month, current, changes))


def _stored(ids: dict[int, int], rows: dict[int, int]) -> Iterator[tuple]:
    """The database's wages for the file's months (and, if they are few, only its employees)."""
    months = [key & 0xFFFF for key in rows]
    stored = WageRecord.objects.order_by().filter(month__range=(_month(min(months)), _month(max(months))))
    if len(ids) <= FEW_EMPLOYEES:
        stored = stored.filter(employee_id__in=list(ids))
    return stored.values_list("id", "employee_id", "month", *PARTS).iterator(chunk_size=10000)


def _changed_wages(number: str, month: dt.date, current: dict[str, int], changes: dict[str, int]) -> str:
    described = "; ".join(f"{p}: {_money(current[p])} → {_money(v)}" for p, v in changes.items())
    return _("wages of %(number)s for %(month)s: %(changes)s") % {
        "number": number,
        "month": f"{month:%Y-%m}",
        "changes": described,
    }
