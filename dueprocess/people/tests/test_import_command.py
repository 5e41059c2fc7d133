"""``dueprocess import FILE… [--dry-run]``: a report on success; every problem, and exit status 2,
on failure."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dueprocess.cli import ALIASES
from dueprocess.people.models import Employee
from dueprocess.people.tests.factories import DepartmentFactory, LocationFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def org(db):
    LocationFactory()
    DepartmentFactory(code="rd")


def run(*args, verbosity=1):
    out, err = StringIO(), StringIO()
    call_command("import_people", *map(str, args), stdout=out, stderr=err, verbosity=verbosity)
    return out.getvalue()


def test_the_import_prints_what_it_changed(org, tmp_path):
    output = run(csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")]))
    assert "Imported. These changes were written:" in output
    assert "employees: 1 created, 0 updated, 0 unchanged" in output
    assert "new employee E1" not in output  # the list of changes is for --dry-run and -v 2


def test_a_dry_run_lists_the_changes_and_writes_nothing(org, tmp_path, unchanged):
    with unchanged():
        output = run(csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")]), "--dry-run")
    assert output.startswith("Dry run: nothing was written.")
    assert "  new employee E1 张伟" in output


def test_a_file_with_problems_exits_with_status_2_listing_each_problem(org, tmp_path, unchanged):
    path = csv_file(
        tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1", hire_date="x"), employee_row("E1")]
    )
    err = StringIO()
    with unchanged(), pytest.raises(CommandError) as error:
        call_command("import_people", str(path), stderr=err)
    assert error.value.returncode == 2
    assert str(error.value) == "Nothing was imported: 2 problems were found."
    assert err.getvalue().splitlines() == [
        "In e.csv:",
        'row 2, column hire_date: "x" is not a date: write YYYY-MM-DD',
        "row 3, column number: the employee number E1 appears again; it was first on row 2",
    ]


def test_the_public_names_import_and_export_lead_to_these_commands(org, tmp_path):
    # Not through cli.main(): a command run from argv closes the database connections afterwards.
    path = csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")])
    call_command(ALIASES["import"], str(path), stdout=StringIO())
    call_command(ALIASES["export"], str(tmp_path / "out.csv"), stdout=StringIO())
    assert Employee.objects.filter(number="E1").exists() and (tmp_path / "out.csv").exists()
