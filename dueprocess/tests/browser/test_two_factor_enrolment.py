"""A first login of an HR business partner without an authenticator: the set-up page shows a QR code
(drawn on the server, allowed by the CSP), and the code of an app that read it logs them in.
This module removes hrbp's demo authenticator."""

import pytest

from dueprocess.accounts import two_factor
from dueprocess.accounts.demo import DEMO_PASSWORD
from dueprocess.accounts.models import TwoFactorDevice
from dueprocess.tests.browser.helpers import screenshot

pytestmark = pytest.mark.browser


def test_a_newcomer_scans_the_code_and_is_let_in(page):
    TwoFactorDevice.objects.filter(user__username="hrbp").delete()
    page.goto("/accounts/login/")
    page.fill("#id_username", "hrbp")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/accounts/two-factor/enrol/" in page.url
    assert page.eval_on_selector("img.qr", "img => img.complete && img.naturalWidth > 0")
    screenshot(page, "two-factor-enrol")
    page.click("details summary")
    secret = page.locator("code.secret").first.inner_text().replace(" ", "")
    assert TwoFactorDevice.objects.get(user__username="hrbp").secret == secret
    page.fill("#id_code", two_factor.current_code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.url.endswith("/") and "/accounts/" not in page.url
    assert TwoFactorDevice.objects.get(user__username="hrbp").confirmed
