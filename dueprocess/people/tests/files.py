"""Writing the CSV and XLSX files the import tests feed in."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl

EMPLOYEE_HEADER = [
    "number", "legal_name", "other_name", "email", "phone", "birth_date", "sex", "department",
    "manager_number", "location", "position", "hire_date", "contract_type", "contract_start", "contract_end",
    "probation_end",
]  # fmt: skip


def csv_file(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def xlsx_file(path: Path, rows: list[list[Any]], *, sheets: dict[str, list[list[Any]]] | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for title, more in (sheets or {}).items():
        extra = workbook.create_sheet(title)
        for row in more:
            extra.append(row)
    workbook.save(path)
    return path


def employee_row(number: str, **values: Any) -> list[Any]:
    """A row under EMPLOYEE_HEADER: a valid employee in department "rd" at "shanghai" by default."""
    defaults = {
        "number": number,
        "legal_name": "张伟",
        "other_name": "Zhang Wei",
        "email": f"{number.lower()}@example.com",
        "phone": "+86 138 0000 0000",
        "birth_date": "1990-01-02",
        "sex": "male",
        "department": "rd",
        "manager_number": "",
        "location": "shanghai",
        "position": "工程师",
        "hire_date": "2020-03-01",
        "contract_type": "open_ended",
        "contract_start": "2020-03-01",
        "contract_end": "",
        "probation_end": "",
    }
    defaults.update(values)
    return [defaults[name] for name in EMPLOYEE_HEADER]
