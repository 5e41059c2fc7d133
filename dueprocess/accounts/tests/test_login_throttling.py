"""Five failures in fifteen minutes lock a username, or a client address, for fifteen minutes."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from dueprocess.accounts.demo import DEMO_PASSWORD
from dueprocess.accounts.models import LoginFailure
from dueprocess.records.models import Event

NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
LOCKED = "Too many failed attempts"


@pytest.fixture
def clock():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def attempt(client, username, password, address="10.0.0.1", **headers):
    return client.post(
        reverse("accounts:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def errors(page: str) -> list[str]:
    return re.findall(r'<ul class="errorlist[^"]*">.*?</ul>', page, re.S)


def fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = attempt(client, username, "wrong-password", address)
        assert response.status_code == 200


def test_the_sixth_attempt_is_refused_even_with_the_right_password(demo_org, client, clock):
    fail(client, "manager", 5)
    response = attempt(client, "manager", DEMO_PASSWORD)
    assert response.status_code == 200 and LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_fifth_failure_already_says_the_login_is_paused(demo_org, client, clock):
    fail(client, "manager", 4)
    response = attempt(client, "manager", "wrong-password")
    assert "try again in 15 minutes" in response.content.decode()


def test_the_lock_ends_after_fifteen_minutes(demo_org, client, clock):
    fail(client, "manager", 5)
    clock.shift(dt.timedelta(minutes=14))
    assert LOCKED in attempt(client, "manager", DEMO_PASSWORD).content.decode()
    clock.shift(dt.timedelta(minutes=1, seconds=1))
    assert attempt(client, "manager", DEMO_PASSWORD).status_code == 302


def test_failures_spread_beyond_the_window_do_not_lock(demo_org, client, clock):
    for _ in range(5):
        fail(client, "manager", 1)
        clock.shift(dt.timedelta(minutes=4))
    assert attempt(client, "manager", DEMO_PASSWORD).status_code == 302


def test_a_username_is_locked_whatever_address_the_attempts_come_from(demo_org, client, clock):
    for number in range(5):
        fail(client, "manager", 1, address=f"10.0.1.{number}")
    assert LOCKED in attempt(client, "manager", DEMO_PASSWORD, address="10.0.2.1").content.decode()


def test_an_address_is_locked_whatever_usernames_it_tries(demo_org, client, clock):
    for username in ["manager", "legal", "hrbp", "auditor", "nobody"]:
        fail(client, username, 1, address="10.0.0.9")
    assert LOCKED in attempt(client, "employee", DEMO_PASSWORD, address="10.0.0.9").content.decode()
    assert attempt(client, "employee", DEMO_PASSWORD, address="10.0.0.10").status_code == 302


def test_an_unknown_username_is_locked_with_the_same_words(demo_org, client, clock):
    fail(client, "manager", 5, address="10.0.0.1")
    fail(client, "no.such.person", 5, address="10.0.0.2")
    known = attempt(client, "manager", "x", address="10.0.0.3").content.decode()
    unknown = attempt(client, "no.such.person", "x", address="10.0.0.4").content.decode()
    assert LOCKED in known and LOCKED in unknown
    assert errors(known) == errors(unknown)


def test_a_success_wipes_the_usernames_failures(demo_org, client, clock):
    fail(client, "manager", 4, address="10.0.0.1")
    assert attempt(client, "manager", DEMO_PASSWORD, address="10.0.0.2").status_code == 302
    client.logout()
    fail(client, "manager", 4, address="10.0.0.3")
    assert attempt(client, "manager", DEMO_PASSWORD, address="10.0.0.4").status_code == 302


def test_the_lockout_of_an_account_is_recorded_without_an_actor(demo_org, client, clock, persona):
    fail(client, "manager", 5)
    events = Event.objects.filter(type="accounts.login_locked")
    (by_username,) = [event for event in events if event.data["locked"] == "username"]
    assert by_username.actor_id is None
    assert by_username.subject == f"accounts.user:{persona('manager').pk}"
    assert by_username.data["address"] == "10.0.0.1"


def test_an_unknown_username_is_never_written_into_the_record(demo_org, client, clock):
    fail(client, "my-secret-password", 5)
    for event in Event.objects.filter(type="accounts.login_locked"):
        assert "my-secret-password" not in f"{event.subject} {event.data}"
        assert event.subject == ""


def test_behind_a_proxy_the_address_is_the_one_the_proxy_added(demo_org, client, clock, settings):
    settings.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    for number in range(5):
        forwarded = f"6.6.6.6, 10.9.{number}.1"
        attempt(client, f"user{number}", "x", address="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert not LoginFailure.objects.filter(key__startswith="address:127.0.0.1").exists()
    assert not LoginFailure.objects.filter(key="address:6.6.6.6").exists()
    assert LoginFailure.objects.filter(key="address:10.9.0.1").count() == 1


def test_the_admin_login_is_throttled_too(demo_org, client, clock):
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": "hr.admin", "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    response = client.post(url, {"username": "hr.admin", "password": DEMO_PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_old_failures_are_pruned(demo_org, client, clock):
    fail(client, "manager", 2)
    clock.shift(dt.timedelta(days=2))
    fail(client, "legal", 1, address="10.0.0.2")
    assert set(LoginFailure.objects.values_list("key", flat=True)) == {"address:10.0.0.2", "username:legal"}
