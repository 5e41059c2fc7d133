"""After the password, HR and legal enter the current code of their authenticator app."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from dueprocess.accounts import two_factor
from dueprocess.accounts.models import Role, TwoFactorDevice
from dueprocess.accounts.tests.twofactor import code_of, enter_code, log_in_with_password

NOON = dt.datetime(2026, 11, 24, 12, 0, 10, tzinfo=dt.UTC)
HOME = reverse("web:home")


@pytest.fixture
def clock():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


@pytest.mark.parametrize("username", ["hr.admin", "hrbp", "legal"])
def test_the_password_leads_to_the_code_step(demo_org, client, clock, username):
    response = log_in_with_password(client, username)
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor"))


@pytest.mark.parametrize("username", ["manager", "employee", "auditor", "other.manager"])
def test_other_roles_are_not_asked_for_a_code(demo_org, client, clock, username):
    response = log_in_with_password(client, username)
    assert response["Location"] == HOME
    response = client.get(HOME, follow=True)  # the employee's home is their portal
    assert response.status_code == 200 and "two-factor" not in response.request["PATH_INFO"]


def test_the_right_code_opens_the_page_first_asked_for(demo_org, client, clock):
    log_in_with_password(client, "legal")
    asked = reverse("people:employee_list")
    response = client.get(asked)
    assert response["Location"] == f"{reverse('accounts:two_factor')}?{urlencode({'next': asked})}"
    response = enter_code(client, code_of("legal"), next_url=asked)
    assert response.status_code == 302 and response["Location"] == asked
    assert client.get(asked).status_code == 200


def test_a_wrong_code_is_refused(demo_org, client, clock):
    log_in_with_password(client, "legal")
    wrong = f"{(int(code_of('legal')) + 1) % 1_000_000:06d}"
    response = enter_code(client, wrong)
    assert response.status_code == 200 and "That code is not right" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_the_code_of_the_step_before_is_still_accepted(demo_org, client, clock):
    previous = code_of("legal")
    clock.shift(dt.timedelta(seconds=30))
    log_in_with_password(client, "legal")
    assert enter_code(client, previous).status_code == 302
    assert client.get(HOME).status_code == 200


def test_a_code_older_than_a_minute_is_refused(demo_org, client, clock):
    old = code_of("legal")
    clock.shift(dt.timedelta(seconds=61))
    log_in_with_password(client, "legal")
    assert enter_code(client, old).status_code == 200


def test_a_code_cannot_be_used_twice(demo_org, client, clock):
    code = code_of("hr.admin")
    log_in_with_password(client, "hr.admin")
    assert enter_code(client, code).status_code == 302
    other = Client()
    log_in_with_password(other, "hr.admin")
    response = enter_code(other, code)
    assert response.status_code == 200 and "already used" in response.content.decode()
    assert other.get(HOME).status_code == 302


def test_five_wrong_codes_lock_the_code_step(demo_org, client, clock):
    log_in_with_password(client, "hrbp")
    for _ in range(5):
        enter_code(client, "000000" if code_of("hrbp") != "000000" else "111111")
    response = enter_code(client, code_of("hrbp"))
    assert "Too many failed attempts" in response.content.decode()
    assert client.get(HOME).status_code == 302


def test_logging_out_and_switching_language_work_before_the_code(demo_org, client, clock):
    log_in_with_password(client, "hr.admin")
    assert client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"}).status_code == 302
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_admin_waits_for_the_code_too(demo_org, client, clock):
    log_in_with_password(client, "hr.admin")
    assert client.get("/admin/")["Location"].startswith(reverse("accounts:two_factor"))


def test_a_superuser_of_any_role_needs_a_code(demo_org, client, clock, persona):
    user = persona("employee")
    user.is_superuser = True
    user.save()
    response = log_in_with_password(client, "employee")
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_the_roles_that_need_a_code_are_a_setting(demo_org, client, clock, settings):
    settings.TWO_FACTOR_ROLES = [Role.MANAGER]
    assert log_in_with_password(client, "manager")["Location"].startswith(reverse("accounts:two_factor"))
    client.logout()
    assert log_in_with_password(client, "legal")["Location"] == HOME


def test_a_verified_session_is_not_verified_for_another_user(demo_org, client, clock, persona):
    log_in_with_password(client, "legal")
    enter_code(client, code_of("legal"))
    session = client.session
    session[two_factor.SESSION_KEY] = persona("hrbp").pk + 1000
    session.save()
    assert client.get(HOME).status_code == 302


def test_the_code_step_changes_the_session_key(demo_org, client, clock):
    log_in_with_password(client, "legal")
    before = client.session.session_key
    enter_code(client, code_of("legal"))
    assert client.session.session_key != before


def test_an_outside_next_address_is_ignored(demo_org, client, clock):
    log_in_with_password(client, "legal")
    response = enter_code(client, code_of("legal"), next_url="https://evil.example/")
    assert response["Location"] == HOME


def test_without_an_authenticator_the_code_step_leads_to_enrolment(demo_org, client, clock):
    TwoFactorDevice.objects.filter(user__username="hrbp").delete()
    log_in_with_password(client, "hrbp")
    response = client.get(reverse("accounts:two_factor"))
    assert response["Location"].startswith(reverse("accounts:two_factor_enrol"))
