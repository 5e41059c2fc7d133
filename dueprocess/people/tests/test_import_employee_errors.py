"""Every bad employee row is reported as ``row N, column NAME: what is wrong``, and a file with any
problem changes nothing."""

from __future__ import annotations

import pytest

from dueprocess.people.importing import ImportRejected, import_files
from dueprocess.people.importing.report import MAX_PROBLEMS
from dueprocess.people.tests.factories import DepartmentFactory, EmployeeFactory, LocationFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def org(db):
    """An organisation with people in it, so that "unchanged" means something."""
    LocationFactory()
    DepartmentFactory(code="rd")
    boss = EmployeeFactory(number="B1", department__code="rd")
    EmployeeFactory(number="B2", manager=boss, department__code="rd")


def rejected(tmp_path, *rows, header=EMPLOYEE_HEADER) -> list[str]:
    path = csv_file(tmp_path / "employees.csv", [header, *rows])
    with pytest.raises(ImportRejected) as error:
        import_files([path])
    lines = error.value.problems.lines()
    assert lines[0] == "In employees.csv:"
    return lines[1:]


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [
        ("hire_date", "2024-13-01", '"2024-13-01" is not a date that exists'),
        ("hire_date", "01/03/2024", '"01/03/2024" is not a date: write YYYY-MM-DD'),
        ("birth_date", "1850-01-01", '"1850-01-01" is outside the years 1900 to 2100'),
        ("email", "not-an-address", '"not-an-address" is not an email address'),
        ("sex", "x", '"x" is not one of: female, male, 女, 男'),
        (
            "contract_type",
            "forever",
            '"forever" is not one of: open_ended, fixed_term, project_based, part_time',
        ),
        (
            "department",
            "Sales Dept",
            '"Sales Dept" is not a valid code: use only letters, digits, hyphens and underscores',
        ),
        (
            "department",
            "sales",
            'there is no department with the code "sales" in the files or in the database',
        ),
        (
            "location",
            "paris",
            'there is no work location with the code "paris" in the files or in the database',
        ),
        ("manager_number", "X9", 'there is no employee with the number "X9" in the files or in the database'),
        ("manager_number", "E1", "an employee cannot be their own manager"),
        ("legal_name", "", "this cell is empty, but the column is required"),
        ("legal_name", "名" * 121, "the text is longer than 120 characters"),
        ("hire_date", "1989-12-31", "the start of employment must come after the date of birth"),
        ("contract_end", "2019-01-01", "the contract cannot end before it starts"),
        ("probation_end", "2019-01-01", "probation cannot end before the contract starts"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column_and_nothing_is_written(
    org, tmp_path, unchanged, cell, value, message
):
    with unchanged():
        found = rejected(
            tmp_path, employee_row("E0"), employee_row("E1", **{"birth_date": "1990-01-01", cell: value})
        )
    assert found == [f"row 3, column {cell}: {message}"]


def test_a_fixed_term_contract_without_an_end_is_reported(org, tmp_path, unchanged):
    with unchanged():
        found = rejected(tmp_path, employee_row("E1", contract_type="fixed_term", contract_end=""))
    assert found == ["row 2, column contract_end: a fixed-term contract needs an end date"]


def test_a_contract_without_a_start_is_reported(org, tmp_path):
    found = rejected(
        tmp_path, employee_row("E1", contract_type="fixed_term", contract_start="", contract_end="2025-01-01")
    )
    assert found == [
        "row 2, column contract_start: a contract needs its start date in the column contract_start"
    ]


def test_a_last_day_before_the_start_of_employment_is_reported(org, tmp_path):
    header = [*EMPLOYEE_HEADER, "left_on"]
    found = rejected(tmp_path, [*employee_row("E1"), "2019-12-31"], header=header)
    assert found == ["row 2, column left_on: the last day of employment cannot come before its start"]


def test_a_duplicate_employee_number_names_both_rows(org, tmp_path, unchanged):
    with unchanged():
        found = rejected(tmp_path, employee_row("E1"), employee_row("E2"), employee_row("E1"))
    assert found == ["row 4, column number: the employee number E1 appears again; it was first on row 2"]


def test_a_manager_cycle_in_the_file_is_reported_and_nothing_is_written(org, tmp_path, unchanged):
    rows = [
        employee_row("E1", manager_number="E3"),
        employee_row("E2", manager_number="E1"),
        employee_row("E3", manager_number="E2"),
    ]
    with unchanged():
        found = rejected(tmp_path, *rows)
    assert len(found) == 1
    assert found[0].startswith(
        "row 2, column manager_number: the reporting line goes round in a circle: E1 → "
    )


def test_a_manager_cycle_through_people_already_in_the_database_is_reported(org, tmp_path, unchanged):
    # B2 reports to B1 in the database; making B1 report to B2 closes a circle.
    with unchanged():
        found = rejected(tmp_path, employee_row("B1", manager_number="B2"))
    assert found == ["row 2, column manager_number: the reporting line goes round in a circle: B1 → B2 → B1"]


def test_missing_required_columns_are_each_named_at_row_one(org, tmp_path, unchanged):
    header = ["number", "legal_name", "department"]
    with unchanged():
        found = rejected(tmp_path, ["E1", "张伟", "rd"], header=header)
    assert found == [
        "row 1, column location: this required column is missing "
        "(it may also be headed 工作地点, 工作地点代码, 地点, 工作地)",
        "row 1, column hire_date: this required column is missing (it may also be headed 入职日期, 入职时间)",
    ]


def test_a_column_given_twice_is_reported(org, tmp_path):
    found = rejected(tmp_path, [*employee_row("E1"), "E1"], header=[*EMPLOYEE_HEADER, "工号"])
    assert found == ["row 1, column 工号: this column repeats the column number"]


def test_every_problem_in_the_file_is_reported_not_just_the_first(org, tmp_path):
    rows = [
        employee_row("E1", hire_date="bad"),
        employee_row("E2"),
        employee_row("E3", department="nope", sex="?"),
    ]
    found = rejected(tmp_path, *rows)
    assert [line.split(":")[0] for line in found] == [
        "row 2, column hire_date",
        "row 4, column sex",
        "row 4, column department",
    ]


def test_past_the_limit_problems_are_counted_not_listed(org, tmp_path):
    rows = [employee_row(f"E{i}", hire_date="bad") for i in range(MAX_PROBLEMS + 5)]
    found = rejected(tmp_path, *rows)
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1] == "… and 5 more"


def test_a_problem_on_the_last_row_leaves_every_earlier_row_unwritten(org, tmp_path, unchanged):
    rows = [employee_row(f"E{i}") for i in range(50)] + [employee_row("E99", location="mars")]
    with unchanged():
        rejected(tmp_path, *rows)


def test_a_header_without_the_employee_number_is_told_that_column_is_missing(org, tmp_path):
    found = rejected(
        tmp_path, ["张伟", "rd", "shanghai", "2020-03-01"], header=["姓名", "部门", "工作地点", "入职日期"]
    )
    assert found == [
        "row 1, column number: this required column is missing "
        "(it may also be headed 工号, 员工编号, 员工工号, 职工编号)"
    ]
