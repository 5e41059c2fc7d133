"""The import and export actions: who may run them, and the record they leave."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied

from dueprocess.accounts.models import Role, User
from dueprocess.people.actions import export_people, import_people
from dueprocess.people.importing import ImportRejected
from dueprocess.people.tests.factories import DepartmentFactory, EmployeeFactory, LocationFactory
from dueprocess.people.tests.files import EMPLOYEE_HEADER, csv_file, employee_row
from dueprocess.records.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def org(db):
    LocationFactory()
    DepartmentFactory(code="rd")


def user(role):
    return User.objects.create_user(username=role, password="x" * 12, role=role)


def test_an_import_is_recorded_once_with_the_files_hash_and_the_counts(org, tmp_path):
    path = csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")])
    admin = user(Role.HR_ADMIN)
    import_people([path], actor=admin)
    event = Event.objects.get(type="people.imported")
    assert event.actor_id == admin.pk and event.subject == ""
    assert event.data["files"] == {"e.csv": hashlib.sha256(path.read_bytes()).hexdigest()}
    assert event.data["counts"]["employees"] == {"created": 1, "updated": 0, "unchanged": 0}


def test_a_dry_run_and_a_rejected_import_leave_no_record(org, tmp_path):
    import_people(
        [csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")])], actor=None, dry_run=True
    )
    with pytest.raises(ImportRejected):
        import_people(
            [csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1", sex="?")])], actor=None
        )
    assert not Event.objects.filter(type="people.imported").exists()


def test_an_export_is_recorded_as_a_read_of_personal_data(db, tmp_path):
    EmployeeFactory()
    export_people(tmp_path / "e.csv", actor=user(Role.AUDITOR))
    event = Event.objects.get(type="people.exported")
    assert (event.data["kind"], event.data["rows"]) == ("employees", {"employees": 1})


@pytest.mark.parametrize(
    ("role", "may_import", "may_export"),
    [
        (Role.HR_ADMIN, True, True),
        (Role.AUDITOR, False, True),
        (Role.HR_PARTNER, False, False),
        (Role.LEGAL, False, False),
        (Role.MANAGER, False, False),
        (Role.EMPLOYEE, False, False),
    ],
)
def test_only_hr_administrators_import_and_only_they_and_auditors_export(
    org, tmp_path, role, may_import, may_export
):
    actor = user(role)
    path = csv_file(tmp_path / "e.csv", [EMPLOYEE_HEADER, employee_row("E1")])
    for allowed, run in (
        (may_import, lambda: import_people([path], actor=actor)),
        (may_export, lambda: export_people(tmp_path / "x.csv", actor=actor)),
    ):
        if allowed:
            run()
        else:
            with pytest.raises(PermissionDenied):
                run()
