"""Exporting people data to CSV or XLSX, in exactly the columns the importer reads.

An unchanged export imports back with no change. Rows are streamed from the database and written
as they come (openpyxl write-only mode for XLSX), so a wage history of a million rows needs little
memory. CSV is written as UTF-8 with a byte-order mark: without the mark, Excel on a Chinese
Windows reads UTF-8 as GBK and shows the names garbled.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell

from dueprocess.people.importing.columns import BY_NAME, WRITE_ORDER
from dueprocess.people.models import Contract, Department, Employee, Location, WageRecord

KINDS = (*WRITE_ORDER, "all")
XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet; longer exports continue on "wages (2)" …
_HARMLESS_SIGNED = re.compile(r"[+-][\d\s().-]*")  # "+86 138 0013 8000" is a phone, not a formula


class ExportError(ValueError):
    pass


def columns(kind: str) -> list[str]:
    return [column.name for column in BY_NAME[kind].columns]


def export(path: Path, kind: str = "employees") -> dict[str, int]:
    """Write ``kind`` ("all": every kind, XLSX only) to ``path``; return the rows written per kind."""
    kinds = list(WRITE_ORDER) if kind == "all" else [kind]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if len(kinds) > 1:
            raise ExportError(_("A CSV file holds one kind of data: export --kind all to an .xlsx file."))
        return {kind: _write_csv(path, kind)}
    if suffix == ".xlsx":
        return _write_xlsx(path, kinds)
    raise ExportError(_("Export to a file ending in .csv or .xlsx (not %(file)s).") % {"file": path.name})


def rows(kind: str) -> Iterator[tuple[Any, ...]]:
    return {
        "locations": _location_rows,
        "departments": _department_rows,
        "employees": _employee_rows,
        "wages": _wage_rows,
    }[kind]()


def _location_rows() -> Iterator[tuple[Any, ...]]:
    fields = ("code", "name", "name_en", "jurisdiction", "locality", "time_zone")
    yield from Location.objects.order_by("code").values_list(*fields)


def _department_rows() -> Iterator[tuple[Any, ...]]:
    # Parents before children is not needed: the importer sets parents after every row exists.
    yield from Department.objects.order_by("code").values_list("code", "name", "name_en", "parent__code")


def _latest_contracts() -> dict[int, tuple[Any, ...]]:
    latest: dict[int, tuple[Any, ...]] = {}
    fields = ("employee_id", "type", "starts_on", "ends_on", "probation_ends_on")
    for employee_id, *contract in Contract.objects.order_by("starts_on").values_list(*fields).iterator(5000):
        latest[employee_id] = tuple(contract)
    return latest


def _employee_rows() -> Iterator[tuple[Any, ...]]:
    contracts = _latest_contracts()
    fields = (
        "id", "number", "legal_name", "other_name", "email", "phone", "birth_date", "sex",
        "department__code", "manager__number", "location__code", "position", "hire_date", "left_on",
    )  # fmt: skip
    for pk, *values in Employee.objects.order_by("number").values_list(*fields).iterator(chunk_size=5000):
        yield (*values, *contracts.get(pk, (None, None, None, None)))


def _wage_rows() -> Iterator[tuple[Any, ...]]:
    fields = ("employee__number", "month", "base", "bonus", "allowances", "other", "gross")
    wages = WageRecord.objects.order_by("employee__number", "month").values_list(*fields)
    for number, month, *amounts in wages.iterator(chunk_size=10000):
        yield (number, f"{month:%Y-%m}", *amounts)


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    first = text[:1]
    if first in ("=", "@", "\t", "\r") or (first in ("+", "-") and not _HARMLESS_SIGNED.fullmatch(text)):
        return "'" + text  # OWASP CSV injection: Excel must show this as text, not run it
    return text


def _write_csv(path: Path, kind: str) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns(kind))
        for count, row in enumerate(rows(kind), start=1):  # noqa: B007
            writer.writerow([csv_value(value) for value in row])
    return count


def _write_xlsx(path: Path, kinds: list[str]) -> dict[str, int]:
    workbook = openpyxl.Workbook(write_only=True)
    counts = {}
    for kind in kinds:
        counts[kind] = _write_sheets(workbook, kind)
    workbook.save(path)
    return counts


def _write_sheets(workbook: openpyxl.Workbook, kind: str) -> int:
    count, sheet_rows, sheet = 0, XLSX_MAX_ROWS, None
    for row in rows(kind):
        if sheet_rows == XLSX_MAX_ROWS:
            sheet = _new_sheet(workbook, kind, count)
            sheet_rows = 1
        assert sheet is not None
        sheet.append([_xlsx_value(sheet, value) for value in row])
        sheet_rows += 1
        count += 1
    if sheet is None:
        _new_sheet(workbook, kind, 0)
    return count


def _new_sheet(workbook: openpyxl.Workbook, kind: str, written: int) -> Any:
    part = written // (XLSX_MAX_ROWS - 1) + 1
    sheet = workbook.create_sheet(kind if part == 1 else f"{kind} ({part})")
    sheet.freeze_panes = "A2"
    for letter, name in zip("ABCDEFGHIJKLMNOPQ", columns(kind), strict=False):
        sheet.column_dimensions[letter].width = max(12, len(name) + 2)
    sheet.append(columns(kind))
    return sheet


def _xlsx_value(sheet: Any, value: Any) -> Any:
    # openpyxl writes text that starts with "=" as a formula; keep it text.
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value
