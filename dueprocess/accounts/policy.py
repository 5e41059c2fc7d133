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


# --- Reviews, conduct and improvement plans -------------------------------------------------------
# Nobody handles their own performance or conduct records: a person sees their own only as the
# employee concerned, and only what has been shared with them.
PERFORMANCE_MANAGERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.MANAGER}
# Investigations and warnings are kept apart from the line manager, who is often a witness.
CONDUCT_HANDLERS = {Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL}
INCIDENT_REPORTERS = PERFORMANCE_MANAGERS | CONDUCT_HANDLERS


def _others_in_scope(user: User | None) -> QuerySet[Employee]:
    employees = employees_visible_to(user)
    return employees.exclude(pk=user.employee_id) if user is not None and user.employee_id else employees


def _acts_for(user: User | None, employee: Employee, roles: set[Role]) -> bool:
    if not _active(user) or user.employee_id == employee.pk:  # type: ignore[union-attr]
        return False
    if not (user.is_superuser or user.role in roles):  # type: ignore[union-attr]
        return False
    return can_view_employee(user, employee)


def reviews_visible_to(user: User | None) -> QuerySet:
    from dueprocess.reviews.models import Review

    if not _active(user):
        return Review.objects.none()
    assert user is not None
    theirs = Review.objects.filter(employee_id=user.employee_id, shared_at__isnull=False)
    return Review.objects.filter(employee__in=_others_in_scope(user)) | theirs


def can_manage_reviews(user: User | None, employee: Employee) -> bool:
    """Create, assess, submit and correct reviews; ask for 360 feedback."""
    return _acts_for(user, employee, PERFORMANCE_MANAGERS)


def can_self_assess(user: User | None, review) -> bool:
    return _active(user) and user.employee_id == review.employee_id and review.is_shared  # type: ignore[union-attr]


def can_give_feedback(user: User | None, request) -> bool:
    return _active(user) and user.employee_id == request.respondent_id  # type: ignore[union-attr]


def conduct_visible_to(user: User | None, model) -> QuerySet:
    """Incidents, investigations and warnings. The employee sees their warnings (every warning is
    given to them); incident reports and investigation notes stay with those handling them."""
    from dueprocess.reviews.models import Investigation, Warning

    if not _active(user):
        return model.objects.none()
    assert user is not None
    path = "incident__employee" if model is Investigation else "employee"
    others = model.objects.filter(**{f"{path}__in": _others_in_scope(user)})
    if model is Warning:
        return others | Warning.objects.filter(employee_id=user.employee_id)
    return others


def can_report_incident(user: User | None, employee: Employee) -> bool:
    return _acts_for(user, employee, INCIDENT_REPORTERS)


def can_handle_conduct(user: User | None, employee: Employee) -> bool:
    """Open and conclude investigations, record interviews, issue warnings."""
    return _acts_for(user, employee, CONDUCT_HANDLERS)


def can_record_explanation(user: User | None, employee: Employee) -> bool:
    """The employee writes their own; HR or legal may enter one the employee handed in on paper."""
    if _active(user) and user.employee_id == employee.pk:  # type: ignore[union-attr]
        return True
    return can_handle_conduct(user, employee)


def plans_visible_to(user: User | None) -> QuerySet:
    from dueprocess.plans.models import ImprovementPlan, PlanStatus

    if not _active(user):
        return ImprovementPlan.objects.none()
    assert user is not None
    theirs = ImprovementPlan.objects.filter(employee_id=user.employee_id).exclude(status=PlanStatus.DRAFT)
    return ImprovementPlan.objects.filter(employee__in=_others_in_scope(user)) | theirs


def can_draft_plan(user: User | None, employee: Employee) -> bool:
    return _acts_for(user, employee, PERFORMANCE_MANAGERS)


def can_manage_plan(user: User | None, plan) -> bool:
    """Publish, revise, record support and check-ins, decide the outcome."""
    return can_draft_plan(user, plan.employee)


def can_acknowledge_plan(user: User | None, plan) -> bool:
    """Only the employee concerned acknowledges or answers a plan, and only once it is shared."""
    from dueprocess.plans.models import PlanStatus

    is_theirs = _active(user) and user.employee_id == plan.employee_id  # type: ignore[union-attr]
    return bool(is_theirs and plan.status != PlanStatus.DRAFT)


def can_manage_cycles(user: User | None) -> bool:
    """Review cycles apply to many people at once: HR sets them up."""
    return _active(user) and (user.is_superuser or user.role in {Role.HR_ADMIN, Role.HR_PARTNER})  # type: ignore[union-attr]


# --- The record: event chains, verification, evidence bundles, the read log -----------------------
# The record holds every case's history, so it is read organisation-wide or not at all; the read
# log says who looked at what, so only those who audit may read it.
RECORD_READERS = {Role.HR_ADMIN, Role.LEGAL, Role.AUDITOR}


def can_view_record(user: User | None) -> bool:
    """The Record pages: each chain, its verification state, the organisation's public key."""
    return _active(user) and (user.is_superuser or user.role in RECORD_READERS)  # type: ignore[union-attr]


def can_verify_record(user: User | None) -> bool:
    """Run a verification from the web page (the command line needs no permission: it holds the database)."""
    return can_view_record(user)


def can_export_bundle(user: User | None, chain=None) -> bool:
    """Export a chain as a signed evidence bundle. ``chain`` is asked about so that case-level rules
    can narrow this once cases exist; today the answer is the same for every chain."""
    return can_view_record(user)


def can_view_read_log(user: User | None) -> bool:
    return _active(user) and (user.is_superuser or user.role == Role.AUDITOR)  # type: ignore[union-attr]
