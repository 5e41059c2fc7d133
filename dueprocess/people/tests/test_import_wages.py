"""Importing the wage history: one row per employee and month, upserted, never negative."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from dueprocess.people.importing import ImportRejected, import_files
from dueprocess.people.models import WageRecord
from dueprocess.people.tests.factories import EmployeeFactory, WageRecordFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row, xlsx_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

HEADER = ["number", "month", "base", "bonus", "allowances", "other"]


@pytest.fixture
def e1(db):
    return EmployeeFactory(number="E1")


def wages(tmp_path, *rows, header=HEADER):
    return [csv_file(tmp_path / "wages.csv", [header, *rows])]


def rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as error:
        import_files(paths)
    return error.value.problems.lines()[1:]


def test_a_wage_file_creates_a_record_per_month(e1, tmp_path):
    import_files(
        wages(
            tmp_path,
            ["E1", "2026-01", "20000", "0", "500", "0"],
            ["E1", "2026-02", "20,000.50", "", "500", ""],
        )
    )
    january, february = WageRecord.objects.filter(employee=e1).order_by("month")
    assert (january.month, january.gross) == (dt.date(2026, 1, 1), Decimal("20500.00"))
    assert (february.base, february.bonus) == (Decimal("20000.50"), Decimal("0"))


def test_importing_the_same_wages_again_changes_nothing(e1, tmp_path, unchanged):
    paths = wages(tmp_path, ["E1", "2026-01", "20000", "0", "500", "0"])
    import_files(paths)
    with unchanged():
        assert import_files(paths).summary()["wages"] == {"created": 0, "updated": 0, "unchanged": 1}


def test_a_changed_amount_updates_that_month(e1, tmp_path):
    WageRecordFactory(employee=e1, month=dt.date(2026, 1, 1), base=Decimal("20000"))
    report = import_files(wages(tmp_path, ["E1", "2026-01", "21000", "0", "0", "0"]))
    assert WageRecord.objects.get(employee=e1).base == Decimal("21000")
    assert report.changes == ["wages of E1 for 2026-01: base: 20,000.00 → 21,000.00"]


def test_a_file_without_the_optional_parts_leaves_them_as_they_are(e1, tmp_path):
    WageRecordFactory(employee=e1, month=dt.date(2026, 1, 1), bonus=Decimal("3000"))
    import_files(wages(tmp_path, ["E1", "2026-01", "21000"], header=["工号", "月份", "基本工资"]))
    assert WageRecord.objects.get(employee=e1).bonus == Decimal("3000")


def test_wages_of_employees_created_in_the_same_import_are_accepted(db, tmp_path):
    from dueprocess.people.tests.factories import DepartmentFactory, LocationFactory

    LocationFactory()
    DepartmentFactory(code="rd")
    people = csv_file(tmp_path / "people.csv", [EMPLOYEE_HEADER, employee_row("N1")])
    import_files([people, *wages(tmp_path, ["N1", "2026-01", "9000", "0", "0", "0"])])
    assert WageRecord.objects.get(employee__number="N1").base == Decimal("9000")


def test_xlsx_wages_with_month_and_number_cells_import(e1, tmp_path):
    path = xlsx_file(tmp_path / "w.xlsx", [HEADER, ["E1", dt.datetime(2026, 3, 1), 20000.5, 0, 312.25, None]])
    import_files([path])
    record = WageRecord.objects.get(employee=e1)
    assert (record.month, record.base, record.allowances) == (
        dt.date(2026, 3, 1),
        Decimal("20000.50"),
        Decimal("312.25"),
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["E1", "2026-01", "-1", "0", "0", "0"],
            "row 2, column base: -1 is negative: an amount of pay cannot be negative",
        ),
        (
            ["E1", "2026-01", "1", "-0.01", "0", "0"],
            "row 2, column bonus: -0.01 is negative: an amount of pay cannot be negative",
        ),
        (
            ["E1", "2026-01", "1.005", "0", "0", "0"],
            "row 2, column base: 1.005 has more than two decimal places",
        ),
        (["E1", "2026-01", "lots", "0", "0", "0"], 'row 2, column base: "lots" is not an amount of money'),
        (["E1", "2026-13", "1", "0", "0", "0"], 'row 2, column month: "2026-13" is not a date that exists'),
        (
            ["E1", "January", "1", "0", "0", "0"],
            'row 2, column month: "January" is not a month: write YYYY-MM',
        ),
        (
            ["E1", "", "1", "0", "0", "0"],
            "row 2, column month: this cell is empty, but the column is required",
        ),
        (
            ["X9", "2026-01", "1", "0", "0", "0"],
            'row 2, column number: there is no employee with the number "X9" in the files or in the database',
        ),
    ],
)
def test_a_bad_wage_row_is_reported_and_nothing_is_written(e1, tmp_path, unchanged, row, message):
    WageRecordFactory(employee=e1, month=dt.date(2025, 12, 1))
    with unchanged():
        assert rejected(wages(tmp_path, row)) == [message]


def test_a_day_that_is_not_the_first_is_not_a_month(e1, tmp_path):
    path = xlsx_file(tmp_path / "w.xlsx", [HEADER, ["E1", dt.datetime(2026, 3, 15), 1, 0, 0, 0]])
    assert rejected([path]) == [
        "row 2, column month: 2026-03-15 is a day, not a month: write the month as YYYY-MM"
    ]


def test_the_same_employee_and_month_twice_is_reported(e1, tmp_path):
    found = rejected(
        wages(tmp_path, ["E1", "2026-01", "1", "0", "0", "0"], ["E1", "2026/1", "2", "0", "0", "0"])
    )
    assert found == [
        "row 3, column month: the wages of E1 for 2026-01 appear again; they were first on row 2"
    ]


def test_a_gross_that_is_not_the_sum_of_the_parts_is_reported(e1, tmp_path):
    found = rejected(
        wages(tmp_path, ["E1", "2026-01", "100", "10", "1", "0", "112"], header=[*HEADER, "gross"])
    )
    assert found == [
        "row 2, column gross: 112.00 is not the sum of base, bonus, allowances and other (111.00)"
    ]
