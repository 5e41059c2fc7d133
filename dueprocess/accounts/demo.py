"""Demo accounts: one for each role, each tied to a person in the demo organisation."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts.models import Role, User
from dueprocess.people.models import Department, Employee

DEMO_PASSWORD = "dueprocess-demo"  # noqa: S105 - a published demo password, printed at start

# username, role, employee number, departments looked after, what this login is for
DEMO_USERS = [
    ("hr.admin", Role.HR_ADMIN, "XQ0002", [], _("HR administrator: sees and manages everything")),
    ("hrbp", Role.HR_PARTNER, "XQ0003", ["product", "sales"], _("HR business partner for Product and Sales")),
    ("manager", Role.MANAGER, "XQ0006", [], _("the product manager's line manager")),
    ("legal", Role.LEGAL, "XQ0004", [], _("legal counsel")),
    ("employee", Role.EMPLOYEE, "XQ0007", [], _("Zhang Wei, the product manager on an improvement plan")),
    ("auditor", Role.AUDITOR, None, [], _("auditor: reads everything, changes nothing")),
    (
        "other.manager",
        Role.MANAGER,
        "XQ0011",
        [],
        _("a manager of another team, who must see nothing of the case"),
    ),
]


@transaction.atomic
def load() -> list[tuple[str, str, str]]:
    """Create the demo accounts (once); returns (username, role, description) for each."""
    rows = []
    for username, role, number, departments, description in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"role": role})
        if created:
            user.employee = Employee.objects.get(number=number) if number else None
            if user.employee:
                user.first_name = user.employee.legal_name
                user.email = user.employee.email
            user.is_staff = role == Role.HR_ADMIN
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.departments.set(Department.objects.filter(code__in=departments))
        rows.append((username, str(user.get_role_display()), str(description)))
    return rows
