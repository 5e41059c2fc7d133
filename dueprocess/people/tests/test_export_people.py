"""``dueprocess export FILE [--kind …]``: the importer's columns, so an unchanged export re-imports
with no change, in CSV and in XLSX."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from dueprocess.people import exporting
from dueprocess.people.importing import import_files
from dueprocess.people.seeding import delete_people_data, seed_organisation
from dueprocess.people.tests.conftest import snapshot
from dueprocess.people.tests.factories import ContractFactory, EmployeeFactory, WageRecordFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def organisation(db):
    seed_organisation(60, seed=7)


def export(path, kind="employees"):
    call_command("export_people", str(path), "--kind", kind, stdout=StringIO())
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("kind", ["locations", "departments", "employees", "wages"])
def test_an_unchanged_export_imports_back_with_no_change(organisation, tmp_path, unchanged, suffix, kind):
    path = export(tmp_path / f"{kind}{suffix}", kind)
    with unchanged():
        report = import_files([path])
    assert not report.changed
    assert report.summary()[kind]["unchanged"] > 0


def test_a_whole_organisation_exports_to_one_workbook_and_imports_into_an_empty_database(
    organisation, tmp_path
):
    path = export(tmp_path / "org.xlsx", "all")
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == [
        "locations",
        "departments",
        "employees",
        "wages",
    ]
    before = _natural(snapshot())
    delete_people_data()
    import_files([path])
    after = _natural(snapshot())
    # Contract history is reduced to the current contract, and protected periods are not exported.
    assert (after["Employee"], after["WageRecord"]) == (before["Employee"], before["WageRecord"])


def _natural(snap):
    """Rows without database ids, for comparing two databases."""
    numbers = {row["pk"]: row["number"] for row in snap["Employee"]}
    codes = {row["pk"]: row["code"] for row in snap["Department"]}
    employees = sorted(
        (
            row["number"],
            row["legal_name"],
            row["email"],
            codes[row["department"]],
            numbers.get(row["manager"]),
            row["hire_date"],
        )
        for row in snap["Employee"]
    )
    wages = sorted((numbers[row["employee"]], row["month"], row["gross"]) for row in snap["WageRecord"])
    return {"Employee": employees, "WageRecord": wages}


def test_a_long_wage_history_continues_on_further_sheets(db, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "XLSX_MAX_ROWS", 4)  # a header and three rows per sheet
    employee = EmployeeFactory(number="E1")
    for month in range(1, 8):
        WageRecordFactory(employee=employee, month=dt.date(2026, month, 1))
    path = export(tmp_path / "w.xlsx", "wages")
    assert openpyxl.load_workbook(path, read_only=True).sheetnames == ["wages", "wages (2)", "wages (3)"]
    assert import_files([path]).summary()["wages"]["unchanged"] == 7


def test_the_csv_export_has_a_byte_order_mark_and_the_english_header(db, tmp_path):
    EmployeeFactory(number="E1", legal_name="王芳")
    raw = export(tmp_path / "e.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfnumber,legal_name,other_name,email,phone,birth_date,sex,department,")
    assert "王芳" in raw.decode("utf-8-sig")


def test_the_export_writes_the_current_contract_and_money_with_two_decimals(db, tmp_path):
    employee = EmployeeFactory(number="E1")
    old = ContractFactory(employee=employee, fixed_term=True, starts_on=dt.date(2020, 3, 1))
    ContractFactory(employee=employee, starts_on=dt.date(2023, 3, 1), renews=old)
    WageRecordFactory(employee=employee, base=Decimal("8500.5"))
    employees = export(tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines()
    assert employees[1].endswith(",open_ended,2023-03-01,,")
    wages = export(tmp_path / "w.csv", "wages").read_text(encoding="utf-8-sig").splitlines()
    assert wages == [
        "number,month,base,bonus,allowances,other,gross",
        "E1,2026-10,8500.50,0.00,0.00,0.00,8500.50",
    ]


def test_text_that_excel_would_run_as_a_formula_is_kept_as_text_and_round_trips(db, tmp_path, unchanged):
    EmployeeFactory(number="E1", position='=HYPERLINK("http://evil")', phone="+86 138 0000 0000")
    csv_text = export(tmp_path / "e.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ",+86 138 0000 0000," in csv_text
    workbook = openpyxl.load_workbook(export(tmp_path / "e.xlsx"))
    assert workbook.active["K2"].data_type == "s"
    with unchanged():
        assert not import_files([tmp_path / "e.csv"]).changed
        assert not import_files([tmp_path / "e.xlsx"]).changed


def test_every_kind_at_once_needs_an_xlsx_file(db, tmp_path):
    with pytest.raises(CommandError, match="A CSV file holds one kind of data"):
        export(tmp_path / "all.csv", "all")


def test_a_file_name_without_csv_or_xlsx_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match=r"Export to a file ending in \.csv or \.xlsx"):
        export(tmp_path / "e.ods")
