"""The language buttons switch every label between English and 简体中文."""

import pytest

from dueprocess.tests.browser.helpers import login_as, screenshot, switch_language

pytestmark = pytest.mark.browser


def test_the_language_switch_shows_chinese(page):
    login_as(page, "manager", language="en")
    assert page.locator("nav.mainnav").inner_text().startswith("Dashboard")
    switch_language(page, "zh-hans")
    assert page.get_attribute("html", "lang") == "zh-hans"
    assert "工作台" in page.locator("nav.mainnav").inner_text()
    screenshot(page, "home-manager-zh-hans")
    switch_language(page, "en")
    assert "Dashboard" in page.locator("nav.mainnav").inner_text()


def test_the_login_page_follows_the_switch_before_logging_in(page):
    page.goto("/accounts/login/")
    switch_language(page, "zh-hans")
    assert page.locator("main h1").inner_text() == "登录"
    screenshot(page, "login-zh-hans")
