"""Demo accounts: one for each role, each tied to a person in the demo organisation."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts.models import Role, TwoFactorDevice, User
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


# The roles that must use a second factor get a published authenticator secret in the demo, so that
# it works offline: `dueprocess show_totp hr.admin` prints the current code. Published on purpose.
DEMO_TOTP_SECRETS = {
    "hr.admin": "EZHFLBKQFXUBU4LYTLCUUPKN4UM7B5ZZ",
    "hrbp": "V5C2WZTV3U6LCRCR36IRLD5N2AKMBBFG",
    "legal": "WHRK4OMSQVTMUBPBDJYGUDPWB2C4VGQY",
}


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
        if username in DEMO_TOTP_SECRETS:
            _enrol_second_factor(user, DEMO_TOTP_SECRETS[username])
        rows.append((username, str(user.get_role_display()), str(description)))
    return rows


def _enrol_second_factor(user: User, secret: str) -> None:
    # Never replaces an authenticator someone has since set up for themselves.
    TwoFactorDevice.objects.get_or_create(
        user=user, defaults={"secret": secret, "confirmed_at": timezone.now(), "enrolled_by_demo": True}
    )
