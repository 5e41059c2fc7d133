"""Reading a CSV file or an XLSX workbook into rows of cells, with the row numbers a user sees.

CSV from Chinese Excel is GBK (GB18030 is its superset); from everything else UTF-8, often with a
byte-order mark; "Unicode text" from Excel is UTF-16 with tabs. XLSX is read with openpyxl in
read-only mode, which streams the sheet instead of building it in memory.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from dueprocess.people.importing.report import Problems

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}
# Wider rows than this are not HR sheets; the limit keeps a hostile workbook from filling memory.
MAX_COLUMNS = 200

Row = tuple[int, tuple[Any, ...]]


@dataclass
class Sheet:
    label: str
    rows: Iterator[Row]


def sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@contextlib.contextmanager
def open_sheets(path: Path, problems: Problems) -> Iterator[list[Sheet]]:
    """The sheets of one file; on a problem with the file as a whole, no sheets and a problem."""
    label = path.name
    if not _readable(path, label, problems):
        yield []
        return
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        yield _csv_sheets(path, label, problems)
    elif suffix in XLSX_SUFFIXES:
        with _xlsx_sheets(path, label, problems) as sheets:
            yield sheets
    else:
        problems.add(label, None, None, _unknown_format(path))
        yield []


def _unknown_format(path: Path) -> str:
    if path.suffix.lower() == ".xls":
        return _("%(file)s is in the old Excel 97 format: save it as .xlsx (or CSV) and import that") % {
            "file": path.name
        }
    return _("%(file)s is neither a CSV file (.csv) nor an Excel workbook (.xlsx)") % {"file": path.name}


def _readable(path: Path, label: str, problems: Problems) -> bool:
    if not path.is_file():
        problems.add(label, None, None, _("%(file)s does not exist or is not a file") % {"file": path})
        return False
    size, limit = path.stat().st_size, settings.IMPORT_MAX_BYTES
    if size > limit:
        problems.add(
            label,
            None,
            None,
            _("%(file)s is %(size)s MB; files larger than %(limit)s MB are refused")
            % {"file": label, "size": round(size / 2**20, 1), "limit": round(limit / 2**20, 1)},
        )
        return False
    return True


def _csv_sheets(path: Path, label: str, problems: Problems) -> list[Sheet]:
    try:
        text = decode(path.read_bytes())
    except UnreadableText as error:
        problems.add(label, error.row, None, str(error))
        return []
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    return [Sheet(label, _csv_rows(text, delimiter, label, problems))]


def _csv_rows(text: str, delimiter: str, label: str, problems: Problems) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            yield number, tuple(cells[:MAX_COLUMNS])
    except csv.Error as error:
        problems.add(label, number + 1, None, _("the CSV text cannot be read: %(error)s") % {"error": error})


class UnreadableText(ValueError):
    def __init__(self, message: str, row: int) -> None:
        super().__init__(message)
        self.row = row


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or GBK/GB18030."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        row = data.count(b"\n", 0, error.start) + 1
        message = _(
            "the file is neither UTF-8 nor GBK/GB18030 text (byte 0x%(byte)02x cannot be read); "
            'save it from Excel as "CSV UTF-8" or as an .xlsx workbook'
        ) % {"byte": data[error.start]}
        raise UnreadableText(message, row) from None


@contextlib.contextmanager
def _xlsx_sheets(path: Path, label: str, problems: Problems) -> Iterator[list[Sheet]]:
    try:
        # data_only: a formula cell gives the value Excel last computed, not the formula's text.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        problems.add(label, None, None, _("%(file)s cannot be opened as an Excel workbook") % {"file": label})
        yield []
        return
    try:
        worksheets = workbook.worksheets
        yield [
            Sheet(f"{label} [{ws.title}]" if len(worksheets) > 1 else label, _xlsx_rows(ws))
            for ws in worksheets
        ]
    finally:
        workbook.close()


def _xlsx_rows(worksheet: Any) -> Iterator[Row]:
    # A workbook's stored dimensions may be wrong (some tools write A1:A1); read what is there.
    worksheet.reset_dimensions()
    for number, cells in enumerate(worksheet.iter_rows(values_only=True), start=1):
        yield number, cells[:MAX_COLUMNS]
