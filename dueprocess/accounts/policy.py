"""The one place that decides who may see or do what.

Views, the API, exports, search and reports all ask here; none of them decides on its own. Each
rule answers for a user and an object (or narrows a QuerySet), and each has one test over every role.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from dueprocess.accounts.models import Role, User
from dueprocess.people.models import Department, Employee

# Roles that see every employee record (the auditor only reads).
ORGANISATION_WIDE = {Role.HR_ADMIN, Role.LEGAL, Role.AUDITOR}
# Roles that may see sensitive personal information (wages, protected periods, health) in scope.
SENSITIVE_READERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL, Role.AUDITOR}

# Recursive queries run in the database on SQLite and PostgreSQL alike, so a reporting line or a
# department tree of any depth costs one query, however large the organisation.
_REPORTING_LINE = """
    WITH RECURSIVE line(id) AS (
        SELECT id FROM people_employee WHERE manager_id = %s
        UNION
        SELECT e.id FROM people_employee e JOIN line ON e.manager_id = line.id
    ) SELECT id FROM line
"""
_DEPARTMENT_TREE = """
    WITH RECURSIVE tree(id) AS (
        SELECT department_id FROM accounts_user_departments WHERE user_id = %s
        UNION
        SELECT d.id FROM people_department d JOIN tree ON d.parent_id = tree.id
    ) SELECT id FROM tree
"""


def _active(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def employees_visible_to(user: User | None) -> QuerySet[Employee]:
    employees = Employee.objects.all()
    if not _active(user):
        return employees.none()
    assert user is not None
    if user.is_superuser or user.role in ORGANISATION_WIDE:
        return employees
    if user.role == Role.HR_PARTNER:
        return employees.filter(department_id__in=RawSQL(_DEPARTMENT_TREE, [user.pk]))  # noqa: S611 - constant SQL, bound parameters
    if user.role == Role.MANAGER and user.employee_id:
        line = employees.filter(id__in=RawSQL(_REPORTING_LINE, [user.employee_id]))  # noqa: S611 - constant SQL, bound parameters
        return line | employees.filter(pk=user.employee_id)
    if user.employee_id:
        return employees.filter(pk=user.employee_id)
    return employees.none()


def departments_in_scope(user: User | None) -> QuerySet[Department]:
    if not _active(user):
        return Department.objects.none()
    assert user is not None
    if user.role == Role.HR_PARTNER and not user.is_superuser:
        return Department.objects.filter(id__in=RawSQL(_DEPARTMENT_TREE, [user.pk]))  # noqa: S611 - constant SQL, bound parameters
    return Department.objects.all()


def can_view_employee(user: User | None, employee: Employee) -> bool:
    return employees_visible_to(user).filter(pk=employee.pk).exists()


def can_view_sensitive(user: User | None, employee: Employee) -> bool:
    """Wages, protected periods and health: HR in scope, legal, the auditor, and the person."""
    if not _active(user):
        return False
    assert user is not None
    if user.employee_id == employee.pk:
        return True
    if user.role not in SENSITIVE_READERS and not user.is_superuser:
        return False
    return can_view_employee(user, employee)


def can_manage_people_data(user: User | None) -> bool:
    """Import, export and edit the people data of the whole organisation."""
    return _active(user) and (user.is_superuser or user.role == Role.HR_ADMIN)  # type: ignore[union-attr]


def can_export_people(user: User | None) -> bool:
    return can_manage_people_data(user) or (_active(user) and user.role == Role.AUDITOR)  # type: ignore[union-attr]
