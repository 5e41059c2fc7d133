"""A first login of a role that needs a second factor sets up an authenticator app."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from dueprocess.accounts import two_factor
from dueprocess.accounts.models import TwoFactorDevice
from dueprocess.accounts.tests.twofactor import enter_code, log_in_with_password
from dueprocess.records.models import Event

NOON = dt.datetime(2026, 11, 24, 12, 0, 10, tzinfo=dt.UTC)
ENROL = reverse("accounts:two_factor_enrol")


@pytest.fixture
def newcomer(demo_org, client):
    """hrbp, as if the demo had not set up an authenticator: logged in with the password only."""
    TwoFactorDevice.objects.filter(user__username="hrbp").delete()
    with time_machine.travel(NOON, tick=False):
        log_in_with_password(client, "hrbp")
        yield client


def pending(username="hrbp"):
    return TwoFactorDevice.objects.get(user__username=username)


def test_the_set_up_page_shows_the_key_the_link_and_a_qr_code(newcomer):
    page = newcomer.get(ENROL).content.decode()
    device = pending()
    assert two_factor.grouped_secret(device) in page
    assert "otpauth://totp/dueprocess:hrbp?secret=" + device.secret in page.replace("&amp;", "&")
    assert 'src="data:image/svg+xml' in page
    assert "<script>" not in page and "style=" not in page


def test_the_key_stays_the_same_until_it_is_confirmed(newcomer):
    newcomer.get(ENROL)
    first = pending().secret
    newcomer.get(ENROL)
    assert pending().secret == first and not pending().confirmed


def test_the_code_step_sends_a_newcomer_to_set_up(newcomer):
    assert newcomer.get(reverse("web:home"))["Location"].startswith(reverse("accounts:two_factor"))
    assert newcomer.get(reverse("accounts:two_factor"))["Location"].startswith(ENROL)


def test_a_good_code_confirms_the_authenticator_and_opens_the_session(newcomer):
    newcomer.get(ENROL)
    code = two_factor.current_code(pending().secret)
    response = enter_code(newcomer, code, view="accounts:two_factor_enrol")
    assert response.status_code == 302
    assert pending().confirmed
    assert newcomer.get(reverse("web:home")).status_code == 200
    event = Event.objects.get(type="accounts.two_factor_enrolled")
    assert event.subject == f"accounts.user:{pending().user_id}" and event.actor_id == pending().user_id


def test_a_wrong_code_leaves_the_authenticator_unconfirmed(newcomer):
    newcomer.get(ENROL)
    right = two_factor.current_code(pending().secret)
    wrong = f"{(int(right) + 7) % 1_000_000:06d}"
    response = enter_code(newcomer, wrong, view="accounts:two_factor_enrol")
    assert response.status_code == 200 and "That code is not right" in response.content.decode()
    assert not pending().confirmed
    assert not Event.objects.filter(type="accounts.two_factor_enrolled").exists()


def test_letters_are_not_a_code(newcomer):
    newcomer.get(ENROL)
    assert enter_code(newcomer, "abcdef", view="accounts:two_factor_enrol").status_code == 200
    assert not pending().confirmed


def test_once_confirmed_the_set_up_page_shows_no_key(newcomer):
    newcomer.get(ENROL)
    secret = pending().secret
    enter_code(newcomer, two_factor.current_code(secret), view="accounts:two_factor_enrol")
    response = newcomer.get(ENROL)
    assert response.status_code == 302 and secret not in response.content.decode()


def test_roles_without_a_second_factor_have_nothing_to_set_up(demo_org, client):
    log_in_with_password(client, "employee")
    assert client.get(ENROL)["Location"] == reverse("web:home")
    assert not TwoFactorDevice.objects.filter(user__username="employee").exists()
