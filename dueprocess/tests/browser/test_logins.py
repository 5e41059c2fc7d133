"""Each demo role logs in through the real forms (HR and legal with their two-factor code) and sees
its own home page."""

import pytest

from dueprocess.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from dueprocess.accounts.models import User
from dueprocess.tests.browser.helpers import login_as, screenshot

pytestmark = pytest.mark.browser

# username -> the path its home page ends on (an employee's home is their own portal)
HOMES = {username: "/portal/" if username == "employee" else "/" for username, *_ in DEMO_USERS}


@pytest.mark.parametrize("username", HOMES)
def test_each_demo_role_logs_in_and_sees_its_home(page, username):
    login_as(page, username)
    assert page.url.endswith(HOMES[username])
    assert page.locator(".whoami").inner_text().startswith(str(User.objects.get(username=username)))
    assert page.locator("h1").first.is_visible()
    screenshot(page, f"home-{username}")


def test_the_two_factor_step_is_shown_to_hr(page):
    page.goto("/accounts/login/")
    page.fill("#id_username", "hr.admin")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/two-factor/" in page.url and page.locator("#id_code").is_visible()
    screenshot(page, "two-factor-step")
    page.goto("/people/")
    assert "/accounts/two-factor/" in page.url, "a page behind the code step opened without the code"


def test_a_wrong_password_keeps_the_visitor_out(page):
    page.goto("/accounts/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "not-the-password")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url and page.locator(".errorlist").is_visible()
