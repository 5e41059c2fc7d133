"""Reading the files: CSV encodings from every kind of Excel, XLSX workbooks, and files that are
not what they claim to be."""

from __future__ import annotations

import codecs

import pytest

from dueprocess.people.importing import ImportRejected, import_files
from dueprocess.people.models import Department, Employee
from dueprocess.people.tests.factories import DepartmentFactory, LocationFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row, xlsx_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CHINESE_HEADER = ["工号", "姓名", "部门", "工作地点", "入职日期"]
CHINESE_ROW = ["E1", "欧阳娜", "rd", "shanghai", "2020-03-01"]


@pytest.fixture
def org(db):
    LocationFactory()
    DepartmentFactory(code="rd")


def rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as error:
        import_files(paths)
    return error.value.problems.lines()


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig"])
def test_a_csv_file_from_chinese_or_any_other_excel_imports(org, tmp_path, encoding):
    import_files([csv_file(tmp_path / "员工.csv", [CHINESE_HEADER, CHINESE_ROW], encoding=encoding)])
    assert Employee.objects.get(number="E1").legal_name == "欧阳娜"


def test_unicode_text_from_excel_utf16_with_tabs_imports(org, tmp_path):
    text = "\n".join("\t".join(row) for row in [CHINESE_HEADER, CHINESE_ROW])
    (tmp_path / "e.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    import_files([tmp_path / "e.txt"])
    assert Employee.objects.filter(number="E1").exists()


def test_a_csv_file_separated_by_semicolons_imports(org, tmp_path):
    (tmp_path / "e.csv").write_text(
        ";".join(CHINESE_HEADER) + "\n" + ";".join(CHINESE_ROW) + "\n", encoding="utf-8"
    )
    import_files([tmp_path / "e.csv"])
    assert Employee.objects.filter(number="E1").exists()


def test_a_file_in_neither_utf8_nor_gbk_is_refused_naming_the_row(org, tmp_path, unchanged):
    good = b"number,legal_name,department,location,hire_date\nE1,Zoe,rd,shanghai,2020-03-01\n"
    (tmp_path / "e.csv").write_bytes(good + b"E2,Zo\xff\xfe,rd,shanghai,2020-03-01\n")
    with unchanged():
        lines = rejected([tmp_path / "e.csv"])
    assert lines[1].startswith(
        "row 3: the file is neither UTF-8 nor GBK/GB18030 text (byte 0xff cannot be read)"
    )


def test_blank_rows_are_skipped_and_later_rows_keep_their_spreadsheet_numbers(org, tmp_path):
    path = csv_file(
        tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1"), [], ["", ""], employee_row("E2", sex="?")]
    )
    assert rejected([path])[1] == 'row 5, column sex: "?" is not one of: female, male, 女, 男'


def test_a_header_row_the_importer_does_not_know_is_refused_with_the_columns_it_expects(org, tmp_path):
    lines = rejected([csv_file(tmp_path / "e.csv", [["name", "salary"], ["Zoe", "1"]])])
    assert "e.csv has no header row this importer recognises" in lines[1]
    assert "employees: number, legal_name" in lines[1]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("old.xls", "old.xls is in the old Excel 97 format: save it as .xlsx (or CSV) and import that"),
        ("notes.pdf", "notes.pdf is neither a CSV file (.csv) nor an Excel workbook (.xlsx)"),
    ],
)
def test_a_file_of_another_kind_is_refused(db, tmp_path, name, message):
    (tmp_path / name).write_bytes(b"anything")
    assert rejected([tmp_path / name])[1] == message


def test_a_file_that_is_not_really_a_workbook_is_refused(db, tmp_path):
    (tmp_path / "e.xlsx").write_bytes(b"number,legal_name\n")
    assert rejected([tmp_path / "e.xlsx"])[1] == "e.xlsx cannot be opened as an Excel workbook"


def test_a_missing_file_is_refused(db, tmp_path):
    assert "does not exist" in rejected([tmp_path / "nowhere.csv"])[1]


def test_a_file_larger_than_the_limit_is_refused(db, tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 10
    path = csv_file(tmp_path / "e.csv", [CHINESE_HEADER, CHINESE_ROW])
    assert "files larger than 0.0 MB are refused" in rejected([path])[1]


def test_a_workbook_with_a_sheet_per_kind_imports_every_sheet_in_order(db, tmp_path):
    LocationFactory()
    departments = [["code", "name", "parent_code"], ["rd", "研发", ""]]
    path = xlsx_file(tmp_path / "org.xlsx", [CHINESE_HEADER, CHINESE_ROW], sheets={"部门": departments})
    report = import_files([path])
    assert report.summary()["departments"]["created"] == 1
    assert Employee.objects.get(number="E1").department == Department.objects.get(code="rd")


def test_files_imported_together_are_all_or_nothing(org, tmp_path, unchanged):
    good = csv_file(tmp_path / "a.csv", [EMPLOYEE_HEADER, employee_row("E1")])
    bad = csv_file(tmp_path / "wages.csv", [["number", "month", "base"], ["E1", "2026-01", "-5"]])
    with unchanged():
        lines = rejected([good, bad])
    assert lines == [
        "In wages.csv:",
        "row 2, column base: -5 is negative: an amount of pay cannot be negative",
    ]
