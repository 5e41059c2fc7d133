"""Importing the employees file: upsert by number, the current contract, and every bad cell named."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.people.importing import ImportRejected, import_files
from dueprocess.people.models import Contract, ContractType, Employee
from dueprocess.people.tests.factories import (
    ContractFactory,
    DepartmentFactory,
    EmployeeFactory,
    LocationFactory,
)
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row, xlsx_file

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def org(db):
    LocationFactory()
    DepartmentFactory(code="hq")
    DepartmentFactory(code="rd")


def employees(tmp_path, *rows, header=EMPLOYEE_HEADER, name="employees.csv"):
    return [csv_file(tmp_path / name, [header, *rows])]


def problems(paths) -> list[str]:
    with pytest.raises(ImportRejected) as rejected:
        import_files(paths)
    return rejected.value.problems.lines()[1:]  # the first line names the file


def test_a_new_file_creates_the_employees_and_their_contracts(org, tmp_path):
    report = import_files(employees(tmp_path, employee_row("E1"), employee_row("E2", manager_number="E1")))
    assert report.summary()["employees"] == {"created": 2, "updated": 0, "unchanged": 0}
    e2 = Employee.objects.get(number="E2")
    assert (e2.manager.number, e2.department.code, e2.location.code) == ("E1", "rd", "shanghai")
    assert e2.contracts.get().type == ContractType.OPEN_ENDED


def test_importing_the_same_file_again_changes_nothing(org, tmp_path, unchanged):
    paths = employees(tmp_path, employee_row("E1"), employee_row("E2", manager_number="E1"))
    import_files(paths)
    with unchanged():
        report = import_files(paths)
    assert not report.changed
    assert report.summary()["employees"] == {"created": 0, "updated": 0, "unchanged": 2}


def test_a_changed_cell_updates_that_employee_and_the_report_names_the_change(org, tmp_path):
    import_files(employees(tmp_path, employee_row("E1"), employee_row("E2")))
    report = import_files(
        employees(tmp_path, employee_row("E1"), employee_row("E2", phone="+86 139 1111 2222"))
    )
    assert report.summary()["employees"] == {"created": 0, "updated": 1, "unchanged": 1}
    assert "employee E2: phone: +86 138 0000 0000 → +86 139 1111 2222" in report.changes
    assert Employee.objects.get(number="E2").phone == "+86 139 1111 2222"


def test_a_column_the_file_leaves_out_keeps_the_value_in_the_database(org, tmp_path):
    EmployeeFactory(number="E1", phone="+86 138 1234 5678", department__code="rd")
    header = ["number", "legal_name", "department", "location", "hire_date"]
    import_files(employees(tmp_path, ["E1", "新名字", "rd", "shanghai", "2020-03-01"], header=header))
    employee = Employee.objects.get(number="E1")
    assert (employee.legal_name, employee.phone) == ("新名字", "+86 138 1234 5678")


def test_an_empty_cell_in_a_column_the_file_has_clears_the_value(org, tmp_path):
    import_files(employees(tmp_path, employee_row("E1")))
    import_files(employees(tmp_path, employee_row("E1", phone="", birth_date="")))
    employee = Employee.objects.get(number="E1")
    assert (employee.phone, employee.birth_date) == ("", None)


def test_a_manager_may_stand_below_the_people_who_report_to_them(org, tmp_path):
    import_files(
        employees(
            tmp_path,
            employee_row("E3", manager_number="E2"),
            employee_row("E2", manager_number="E1"),
            employee_row("E1"),
        )
    )
    assert Employee.objects.get(number="E3").reporting_chain() == [
        Employee.objects.get(number="E2"),
        Employee.objects.get(number="E1"),
    ]


def test_a_manager_may_be_an_employee_already_in_the_database(org, tmp_path):
    boss = EmployeeFactory(number="B1")
    import_files(employees(tmp_path, employee_row("E1", manager_number="B1")))
    assert Employee.objects.get(number="E1").manager == boss


def test_a_new_contract_start_makes_a_renewal_of_the_current_contract(org, tmp_path):
    import_files(
        employees(
            tmp_path,
            employee_row(
                "E1", contract_type="fixed_term", contract_start="2020-03-01", contract_end="2023-02-28"
            ),
        )
    )
    report = import_files(
        employees(tmp_path, employee_row("E1", contract_type="open_ended", contract_start="2023-03-01"))
    )
    first, second = Contract.objects.filter(employee__number="E1").order_by("starts_on")
    assert second.renews == first and second.type == ContractType.OPEN_ENDED
    assert "new contract for E1 from 2023-03-01 (renews the one from 2020-03-01)" in report.changes


def test_the_same_contract_start_updates_that_contract(org, tmp_path):
    import_files(
        employees(tmp_path, employee_row("E1", contract_type="fixed_term", contract_end="2023-02-28"))
    )
    report = import_files(
        employees(tmp_path, employee_row("E1", contract_type="fixed_term", contract_end="2024-02-29"))
    )
    assert Contract.objects.get(employee__number="E1").ends_on == dt.date(2024, 2, 29)
    assert report.summary()["contracts"] == {"created": 0, "updated": 1, "unchanged": 0}


def test_a_contract_older_than_the_current_one_is_refused(org, tmp_path, unchanged):
    employee = EmployeeFactory(number="E1", department__code="rd")
    ContractFactory(employee=employee, starts_on=dt.date(2023, 3, 1))
    with unchanged():
        found = problems(employees(tmp_path, employee_row("E1", contract_start="2020-03-01")))
    assert found == [
        "row 2, column contract_start: this employee already has a later contract (from 2023-03-01); "
        "the file must hold the current contract"
    ]


def test_chinese_headers_and_chinese_values_are_understood(org, tmp_path):
    header = [
        "工号",
        "姓名",
        "英文名",
        "性别",
        "部门",
        "上级工号",
        "工作地点",
        "入职日期",
        "合同类型",
        "合同开始日期",
        "合同结束日期",
    ]
    rows = [
        [
            "E1",
            "王芳",
            "Wang Fang",
            "女",
            "hq",
            "",
            "shanghai",
            "2019年7月1日",
            "无固定期限",
            "2019/07/01",
            "",
        ],
        [
            "E2",
            "李强",
            "Li Qiang",
            "男",
            "rd",
            "E1",
            "shanghai",
            "2021/03/15",
            "固定期限",
            "2021-03-15",
            "2024-03-14",
        ],
    ]
    import_files(employees(tmp_path, *rows, header=header))
    e2 = Employee.objects.get(number="E2")
    assert (e2.sex, e2.hire_date, e2.manager.number) == ("male", dt.date(2021, 3, 15), "E1")
    assert e2.contracts.get().type == ContractType.FIXED_TERM


def test_an_xlsx_file_with_date_cells_and_numbers_typed_as_numbers_imports(org, tmp_path):
    header = ["number", "legal_name", "phone", "department", "location", "hire_date"]
    path = xlsx_file(
        tmp_path / "e.xlsx", [header, [10023, "张伟", 13800138000, "rd", "shanghai", dt.datetime(2020, 3, 1)]]
    )
    import_files([path])
    employee = Employee.objects.get(number="10023")
    assert (employee.phone, employee.hire_date) == ("13800138000", dt.date(2020, 3, 1))


def test_a_title_above_the_header_row_is_skipped_and_rows_keep_their_sheet_numbers(org, tmp_path):
    rows = [["2026 年员工花名册"], [], EMPLOYEE_HEADER, employee_row("E1", hire_date="someday")]
    path = xlsx_file(tmp_path / "e.xlsx", rows)
    assert problems([path]) == ['row 4, column hire_date: "someday" is not a date: write YYYY-MM-DD']


def test_a_column_the_importer_does_not_know_is_ignored_with_a_note(org, tmp_path):
    report = import_files(
        employees(tmp_path, [*employee_row("E1"), "VIP"], header=[*EMPLOYEE_HEADER, "备注"])
    )
    assert report.summary()["employees"]["created"] == 1
    assert any("备注" in note for note in report.notes)


def test_a_dry_run_reports_the_changes_and_writes_nothing(org, tmp_path, unchanged):
    EmployeeFactory(number="E1", position="实习生", department__code="rd")
    with unchanged():
        report = import_files(employees(tmp_path, employee_row("E1"), employee_row("E2")), dry_run=True)
    assert report.dry_run
    assert report.summary()["employees"] == {"created": 1, "updated": 1, "unchanged": 0}
    assert "new employee E2 张伟" in report.changes
    assert any(
        line.startswith("employee E1:") and "position: 实习生 → 工程师" in line for line in report.changes
    )


def test_a_rule_only_the_database_knows_refuses_the_import_with_a_message(
    org, tmp_path, monkeypatch, unchanged
):
    from django.db import IntegrityError

    from dueprocess.people.importing import writer

    def refuse(*args):
        raise IntegrityError("CHECK constraint failed: employee_leaves_after_hire")

    monkeypatch.setattr(writer, "_create_contracts", refuse)
    with unchanged(), pytest.raises(ImportRejected) as error:
        import_files(employees(tmp_path, employee_row("E1")))
    assert error.value.problems.lines()[-1] == (
        "The database refused the import, so nothing was written: "
        "CHECK constraint failed: employee_leaves_after_hire"
    )
