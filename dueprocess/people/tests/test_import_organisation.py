"""Departments and work locations from files: a fresh organisation can be set up from files alone."""

from __future__ import annotations

import pytest

from dueprocess.people.importing import ImportRejected, import_files
from dueprocess.people.models import Department, Employee, Location, WageRecord
from dueprocess.people.tests.factories import DepartmentFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DEPARTMENTS = ["code", "name", "name_en", "parent_code"]
LOCATIONS = ["code", "name", "name_en", "jurisdiction", "locality", "time_zone"]


def rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as error:
        import_files(paths)
    return error.value.problems.lines()[1:]


def test_a_whole_organisation_is_set_up_from_four_files_at_once(db, tmp_path):
    paths = [
        csv_file(tmp_path / "wages.csv", [["number", "month", "base"], ["E1", "2026-01", "30000"]]),
        csv_file(tmp_path / "people.csv", [EMPLOYEE_HEADER, employee_row("E1", department="rd")]),
        csv_file(
            tmp_path / "departments.csv",
            [["部门编码", "部门名称", "上级部门编码"], ["rd", "研发", "hq"], ["hq", "总部", ""]],
        ),
        csv_file(tmp_path / "locations.csv", [["代码", "名称", "法域"], ["shanghai", "上海", "中国"]]),
    ]
    report = import_files(paths)
    assert {kind: c["created"] for kind, c in report.summary().items()} == {
        "locations": 1, "departments": 2, "employees": 1, "contracts": 1, "wages": 1,
    }  # fmt: skip
    assert Department.objects.get(code="rd").parent.code == "hq"
    assert Employee.objects.get(number="E1").location.jurisdiction == "CN"
    assert WageRecord.objects.count() == 1


def test_a_location_without_a_time_zone_gets_the_one_of_its_jurisdiction(db, tmp_path):
    import_files(
        [csv_file(tmp_path / "l.csv", [LOCATIONS, ["london", "伦敦", "London", "UK", "london", ""]])]
    )
    location = Location.objects.get(code="london")
    assert (location.jurisdiction, location.time_zone) == ("GB", "Europe/London")


def test_reimporting_departments_changes_nothing_and_a_new_parent_is_an_update(db, tmp_path, unchanged):
    rows = [DEPARTMENTS, ["hq", "总部", "HQ", ""], ["rd", "研发", "R&D", "hq"], ["ops", "运营", "Ops", "hq"]]
    import_files([csv_file(tmp_path / "d.csv", rows)])
    with unchanged():
        assert not import_files([csv_file(tmp_path / "d.csv", rows)]).changed
    rows[3][3] = "rd"
    report = import_files([csv_file(tmp_path / "d.csv", rows)])
    assert Department.objects.get(code="ops").parent.code == "rd"
    assert report.changes == ["department ops: parent_code: hq → rd"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [["a", "A", "", "b"], ["b", "B", "", "a"]],
            "row 2, column parent_code: the department tree goes round in a circle: a → b → a",
        ),
        ([["a", "A", "", "a"]], "row 2, column parent_code: a department cannot sit below itself"),
        (
            [["a", "A", "", "zz"]],
            'row 2, column parent_code: there is no department with the code "zz" '
            "in the files or in the database",
        ),
        (
            [["a", "A", "", ""], ["a", "B", "", ""]],
            "row 3, column code: the department code a appears again; it was first on row 2",
        ),
        ([["", "A", "", ""]], "row 2, column code: this cell is empty, but the column is required"),
    ],
)
def test_a_bad_department_row_is_reported_and_nothing_is_written(db, tmp_path, unchanged, rows, message):
    DepartmentFactory(code="hq")
    with unchanged():
        assert rejected([csv_file(tmp_path / "d.csv", [DEPARTMENTS, *rows])]) == [message]


def test_a_department_cycle_through_the_database_is_reported(db, tmp_path):
    DepartmentFactory(code="b", parent=DepartmentFactory(code="a"))
    found = rejected([csv_file(tmp_path / "d.csv", [DEPARTMENTS, ["a", "A", "", "b"]])])
    assert found == ["row 2, column parent_code: the department tree goes round in a circle: a → b → a"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ["mars", "火星", "", "MARS", "", ""],
            'row 2, column jurisdiction: "MARS" is not one of: CN, GB, US-CA',
        ),
        (
            ["sh", "上海", "", "CN", "", "Asia/Shanghia"],
            'row 2, column time_zone: "Asia/Shanghia" is not a time zone name such as Asia/Shanghai',
        ),
    ],
)
def test_a_bad_location_row_is_reported(db, tmp_path, row, message):
    assert rejected([csv_file(tmp_path / "l.csv", [LOCATIONS, row])]) == [message]
