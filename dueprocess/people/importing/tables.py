"""A sheet of cells → a table of checked values: the header understood, every cell parsed.

Rows are kept as plain tuples ``(row number, value, value, …)`` in the order of ``Table.fields``:
a wage file of a million rows must fit in memory, and dicts would not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from dueprocess.people.importing import cells
from dueprocess.people.importing.columns import KINDS, Column, Kind, detect, normalise
from dueprocess.people.importing.readers import Row, Sheet
from dueprocess.people.importing.report import ImportReport, Problems

# A title or a note above the header is common in HR sheets; look this far for the header.
HEADER_SEARCH_ROWS = 5
# Parsed values of these columns repeat from row to row; sharing one object per value saves memory.
SHARED = {"number", "month", "department", "location", "manager_number", "sex", "contract_type"}


@dataclass
class Table:
    kind: Kind
    label: str
    fields: tuple[str, ...]
    headers: dict[str, str]  # column name → the header as the file writes it, for messages
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # Position of each column's value in a row tuple (position 0 is the row number).
        self.at = {name: position for position, name in enumerate(self.fields, start=1)}

    def has(self, name: str) -> bool:
        return name in self.at

    def header(self, name: str) -> str:
        return self.headers.get(name, name)


def read_table(sheet: Sheet, problems: Problems, report: ImportReport) -> Table | None:
    found = _find_header(sheet.rows)
    if found is None:
        problems.add(sheet.label, None, None, _unrecognised(sheet.label))
        return None
    header_row, header, kind = found
    positions = _map_header(sheet.label, header_row, header, kind, problems, report)
    if positions is None:
        return None
    table = Table(
        kind,
        sheet.label,
        tuple(name for name in positions),
        {name: str(header[i]).strip() for name, i in positions.items()},
    )
    _read_rows(table, sheet.rows, list(positions.values()), problems)
    return table


def _find_header(rows: Iterator[Row]) -> tuple[int, tuple[Any, ...], Kind] | None:
    seen = 0
    for number, row in rows:
        if _blank(row):
            continue
        kind = detect(list(row))
        if kind is not None:
            return number, row, kind
        seen += 1
        if seen == HEADER_SEARCH_ROWS:
            return None
    return None


def _unrecognised(label: str) -> str:
    needs = "; ".join(
        _("%(kind)s: %(columns)s") % {"kind": kind.name, "columns": ", ".join(c.name for c in kind.columns)}
        for kind in KINDS
    )
    return _(
        "%(file)s has no header row this importer recognises. "
        "The columns of each kind of file are — %(needs)s"
    ) % {
        "file": label,
        "needs": needs,
    }


def _map_header(
    label: str, row: int, header: tuple[Any, ...], kind: Kind, problems: Problems, report: ImportReport
) -> dict[str, int] | None:
    """Column name → its position in the row, in the kind's column order; None if unusable."""
    found: dict[str, int] = {}
    before = problems.total
    for position, title in enumerate(header):
        name = kind.by_header.get(normalise(title))
        if name is None:
            if cells.clean(title) is not None:
                report.notes.append(
                    _("%(file)s: the column %(column)s is not one this importer knows; it was ignored.")
                    % {"file": label, "column": str(title).strip()}
                )
        elif name in found:
            problems.add(
                label,
                row,
                str(title).strip(),
                _("this column repeats the column %(other)s") % {"other": header[found[name]]},
            )
        else:
            found[name] = position
    missing = [c for c in kind.columns if c.required and c.name not in found]
    for column in missing:
        problems.add(label, row, column.name, _missing(column))
    if problems.total > before:
        return None
    return {c.name: found[c.name] for c in kind.columns if c.name in found}


def _missing(column: Column) -> str:
    chinese = [alias for alias in column.aliases if not alias.isascii()]
    if chinese:
        return _("this required column is missing (it may also be headed %(names)s)") % {
            "names": ", ".join(chinese)
        }
    return _("this required column is missing")


def _read_rows(table: Table, rows: Iterator[Row], positions: list[int], problems: Problems) -> None:
    columns = [table.kind.by_name[name] for name in table.fields]
    plan = [
        (column, position, {} if column.name in SHARED else None)
        for column, position in zip(columns, positions, strict=True)
    ]
    label = table.label
    for number, row in rows:
        if _blank(row):
            continue
        values: list[Any] = [number]
        for column, position, shared in plan:
            raw = cells.clean(row[position]) if position < len(row) else None
            values.append(_value(column, raw, shared, number, label, table, problems))
        table.rows.append(tuple(values))


def _blank(row: tuple[Any, ...]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in row)


def _value(
    column: Column, raw: Any, shared: dict | None, number: int, label: str, table: Table, problems: Problems
) -> Any:
    if raw is None:
        if column.required:
            problems.add(
                label, number, table.header(column.name), _("this cell is empty, but the column is required")
            )
        return column.empty
    if shared is not None and raw in shared:
        return shared[raw]
    try:
        value = column.parse(raw)
    except cells.Problem as problem:
        problems.add(label, number, table.header(column.name), str(problem))
        return None
    if shared is not None:
        shared[raw] = value
    return value
