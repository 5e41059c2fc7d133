"""Helpers for browser tests, meant for reuse: log in through the real forms, switch language, and keep
screenshots as test artefacts (test-artifacts/screenshots/, or DUEPROCESS_SCREENSHOTS)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from dueprocess.accounts import two_factor
from dueprocess.accounts.demo import DEMO_PASSWORD
from dueprocess.accounts.models import TwoFactorDevice

REPO = Path(__file__).resolve().parents[3]
SCREENSHOTS = Path(os.environ.get("DUEPROCESS_SCREENSHOTS", REPO / "test-artifacts" / "screenshots"))


def screenshot(page, name: str) -> Path:
    """Save the whole page as <name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login_as(page, username: str, *, language: str | None = "en") -> None:
    """Log in through the login form, and the two-factor step when the role has one, as a person
    would; then switch to ``language`` (the demo users' own language is Chinese), None to keep it."""
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    if "/accounts/two-factor/" in page.url:
        page.fill("#id_code", fresh_code(username))
        page.click("main form button[type=submit]")
        page.wait_for_load_state()
    if "/accounts/" in page.url:
        raise AssertionError(f"{username} could not log in: still on {page.url}")
    if language:
        switch_language(page, language)


def switch_language(page, code: str) -> None:
    if page.get_attribute("html", "lang") != code:
        page.click(f"form.langswitch button[value={code}]")
        page.wait_for_load_state()


def fresh_code(username: str) -> str:
    """The code the demo user's app would show now. A code is accepted once only, so when this
    period's code was used by an earlier login, the next period's is given (it is accepted too)."""
    device = TwoFactorDevice.objects.get(user__username=username)
    while device.last_step is not None and device.last_step > two_factor.current_step():
        time.sleep(1)  # two logins already this period: wait for the next one
    step = two_factor.current_step()
    if device.last_step is not None and device.last_step >= step:
        step = device.last_step + 1
    return two_factor.code_for_step(device.secret, step)
