"""Who is told: the accounts behind a plan or a case, and HR to escalate to. Every rule about who may
see what stays in ``accounts.policy``; this module only asks it."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings

from dueprocess.accounts import policy
from dueprocess.accounts.models import Role, User
from dueprocess.people.models import Employee


def reachable(users: Iterable[User | None]) -> tuple[User, ...]:
    """Active accounts with an e-mail address, each once, in a stable order."""
    found = {u.pk: u for u in users if u is not None and u.is_active and u.email}
    return tuple(found[pk] for pk in sorted(found))


def account_of(employee: Employee | None) -> User | None:
    if employee is None:
        return None
    return User.objects.filter(employee=employee).first()


def language_of(employee: Employee) -> str:
    """The language the person chose for their account, else the organisation's."""
    user = account_of(employee)
    return user.language if user else settings.LANGUAGE_CODE


def hr_admins() -> list[User]:
    return list(User.objects.filter(role=Role.HR_ADMIN, is_active=True))


def hr_partners(employee: Employee) -> list[User]:
    """The HR business partners whose departments include the employee's."""
    partners = User.objects.filter(role=Role.HR_PARTNER, is_active=True)
    return [p for p in partners if policy.can_view_employee(p, employee)]


def hr_for(employee: Employee) -> list[User]:
    """The employee's HR business partner; the HR administrators where nobody looks after them."""
    return hr_partners(employee) or hr_admins()


def legal_counsel() -> list[User]:
    return list(User.objects.filter(role=Role.LEGAL, is_active=True))
