"""The people API: employees in the caller's scope, their contracts, and (for those who may see
sensitive information) their wages and protected periods. Thin: accounts.policy decides, as in the
pages, and every read of sensitive data goes in the read log."""

import datetime as dt
import uuid
from decimal import Decimal

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from dueprocess.accounts import policy
from dueprocess.api.base import EmployeeRef, Redactable, SearchText, one, paginated, reads
from dueprocess.people.models import ContractType, Employee, Jurisdiction, ProtectedKind
from dueprocess.records.readlog import log_read
from dueprocess.reviews.actions._common import require

router = Router()

SENSITIVE = (
    "Present only for those who may see sensitive information (HR in scope, legal, the auditor, the person)."
)


class DepartmentOut(Schema):
    public_id: uuid.UUID
    code: str
    name: str
    name_en: str
    parent: str | None = Field(description="The parent department's code.")

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


class LocationOut(Schema):
    code: str
    name: str
    name_en: str
    jurisdiction: Jurisdiction
    locality: str


class EmployeeOut(Schema):
    public_id: uuid.UUID
    number: str
    legal_name: str
    other_name: str
    email: str
    position: str
    department: DepartmentOut
    location: LocationOut
    manager: EmployeeRef | None
    hire_date: dt.date
    left_on: dt.date | None
    active: bool

    @staticmethod
    def resolve_active(obj) -> bool:
        return obj.left_on is None


class EmployeeDetail(EmployeeOut, Redactable):
    redacted = ("birth_date",)
    birth_date: dt.date | None = Field(None, description=SENSITIVE)


class EmployeeFilters(Schema):
    q: SearchText | None = Field(None, description="Part of the employee number or of either name.")
    department: SearchText | None = Field(None, description="A department's code.")
    location: SearchText | None = Field(None, description="A work location's code.")
    jurisdiction: Jurisdiction | None = None
    manager: uuid.UUID | None = Field(None, description="Direct reports of this employee.")
    active: bool | None = Field(None, description="true: still employed; false: has left.")


class ContractOut(Schema):
    public_id: uuid.UUID
    type: ContractType
    starts_on: dt.date
    ends_on: dt.date | None
    probation_ends_on: dt.date | None
    renews: uuid.UUID | None

    @staticmethod
    def resolve_renews(obj) -> uuid.UUID | None:
        return obj.renews.public_id if obj.renews_id else None


class WageOut(Schema):
    month: dt.date
    base: Decimal
    bonus: Decimal
    allowances: Decimal
    other: Decimal
    gross: Decimal


class ProtectedPeriodOut(Schema):
    public_id: uuid.UUID
    kind: ProtectedKind
    starts_on: dt.date
    ends_on: dt.date | None
    note: str


def _employees(request: HttpRequest):
    return policy.employees_visible_to(request.user).select_related(
        "department__parent", "location", "manager"
    )


def _filtered(employees, filters: EmployeeFilters):
    if filters.q:
        q = filters.q.strip()
        employees = employees.filter(
            Q(number__icontains=q) | Q(legal_name__icontains=q) | Q(other_name__icontains=q)
        )
    conditions = {
        "department__code": filters.department,
        "location__code": filters.location,
        "location__jurisdiction": filters.jurisdiction,
        "manager__public_id": filters.manager,
    }
    employees = employees.filter(**{key: value for key, value in conditions.items() if value is not None})
    if filters.active is not None:
        employees = employees.filter(left_on__isnull=filters.active)
    return employees


@router.get("/employees", response=reads(list[EmployeeOut]))
@paginated
def employee_list(request: HttpRequest, filters: Query[EmployeeFilters]):
    return _filtered(_employees(request), filters).order_by("number")


@router.get("/employees/{public_id}", response=reads(EmployeeDetail))
def employee_detail(request: HttpRequest, public_id: uuid.UUID):
    employee = one(_employees(request), public_id)
    employee.api_reveal = policy.can_view_sensitive(request.user, employee)
    return employee


@router.get("/employees/{public_id}/contracts", response=reads(list[ContractOut]))
@paginated
def contract_list(request: HttpRequest, public_id: uuid.UUID):
    employee = one(_employees(request), public_id)
    return employee.contracts.select_related("renews").order_by("-starts_on", "-pk")


def _sensitive(request: HttpRequest, public_id: uuid.UUID, what: str) -> Employee:
    employee = one(_employees(request), public_id)
    require(policy.can_view_sensitive(request.user, employee), _("see this sensitive information"))
    # Showing wages and protected periods is itself recorded (PIPL art. 28): who, what, when.
    log_read(request.user, employee, what, request=request)
    return employee


@router.get("/employees/{public_id}/wages", response=reads(list[WageOut], 403))
@paginated
def wage_list(request: HttpRequest, public_id: uuid.UUID):
    return _sensitive(request, public_id, "wage_history").wages.order_by("-month")


@router.get("/employees/{public_id}/protected-periods", response=reads(list[ProtectedPeriodOut], 403))
@paginated
def protected_period_list(request: HttpRequest, public_id: uuid.UUID):
    return _sensitive(request, public_id, "protected_periods").protected_periods.order_by("-starts_on", "-pk")


@router.get("/departments", response=reads(list[DepartmentOut]))
@paginated
def department_list(request: HttpRequest):
    return policy.departments_in_scope(request.user).select_related("parent").order_by("code")
