"""`dueprocess show_totp USERNAME` prints a demo account's current code, and nobody else's."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from dueprocess.accounts import two_factor
from dueprocess.accounts.demo import DEMO_TOTP_SECRETS
from dueprocess.accounts.models import TwoFactorDevice


def show(username: str) -> str:
    out = StringIO()
    call_command("show_totp", username, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_it_prints_the_code_of_a_demo_account(demo_org):
    with time_machine.travel(dt.datetime(2026, 11, 24, 12, tzinfo=dt.UTC), tick=False):
        assert show("hr.admin") == two_factor.current_code(DEMO_TOTP_SECRETS["hr.admin"])


def test_it_refuses_an_authenticator_the_person_set_up_themselves(demo_org, persona):
    TwoFactorDevice.objects.filter(user__username="legal").update(enrolled_by_demo=False)
    with pytest.raises(CommandError, match="no authenticator enrolled by the demo"):
        show("legal")


def test_it_refuses_an_account_without_a_second_factor(demo_org):
    with pytest.raises(CommandError):
        show("employee")
