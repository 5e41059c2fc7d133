"""What the review and conduct views share: who can be named in a form, and showing a refusal."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from dueprocess.accounts import policy
from dueprocess.people.models import Employee


def people_in_scope(user) -> QuerySet[Employee]:
    """Everyone the user may see, including themself: they may name these in a form."""
    own = Employee.objects.filter(pk=user.employee_id) if user.employee_id else Employee.objects.none()
    return policy.employees_visible_to(user) | own


def colleagues_in_scope(user) -> QuerySet[Employee]:
    """Current staff the user may see, other than themself (respondents, employees to review)."""
    return policy.employees_visible_to(user).filter(left_on__isnull=True).exclude(pk=user.employee_id)


def team_around(employee: Employee, people: QuerySet[Employee]) -> QuerySet[Employee]:
    """The people who work closest to the employee: their manager, their peers, their reports. A team
    is bounded by a manager's span, so it can be listed in full on a phone."""
    near = Q(manager=employee)
    if employee.manager_id:
        near |= Q(manager_id=employee.manager_id) | Q(pk=employee.manager_id)
    return people.filter(near).exclude(pk=employee.pk).order_by("number")


def flash_errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def parse_uuid(value: str | None) -> uuid.UUID | None:
    """A public identifier from a query string, or None for anything that is not one."""
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None
