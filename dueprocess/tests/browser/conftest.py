"""Browser tests: Playwright for Python drives Debian's Chromium against a live server with the demo.

Never `playwright install`: the browser is the system's (`make setup` installs Debian's chromium).
The demo takes a while to load, so each test module shares one: it is loaded into the test database
when the module starts and flushed when it ends, and pytest-django's ``live_server`` serves it (without
its usual flush after every test; see ``_live_server_helper``). Tests in a module should therefore
leave the demo as they found it, or say in their name what they change.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from dueprocess.tests.browser.helpers import screenshot

CHROMIUM = Path(os.environ.get("DUEPROCESS_CHROMIUM", "/usr/bin/chromium"))
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _test_settings():
    """Replaces the root conftest's per-test settings: the live site's settings are set once, below."""


@pytest.fixture(scope="session")
def chromium() -> Iterator:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: `make setup` installs Debian's chromium package")
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the dev extras")
    # Playwright's sync API runs an event loop in this thread; Django would take every query made
    # while it runs for one made from async code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture(autouse=True)
def _live_server_helper(request) -> Iterator[None]:
    """Replaces pytest-django's, which asks every live-server test for ``transactional_db`` and so
    would empty the module's demo after each test. This only lets the server's host in."""
    if "live_server" not in request.fixturenames:
        yield
        return
    server = request.getfixturevalue("live_server")
    server._live_server_modified_settings.enable()
    yield
    server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def site_settings(tmp_path_factory) -> Iterator[None]:
    """English for visitors who have not chosen, fast password hashes, documents in a folder of the
    session's own: the root conftest does this per test, but the live site lives longer than a test."""
    documents = tmp_path_factory.mktemp("documents")
    overrides = override_settings(
        LANGUAGE_CODE="en",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        STORAGES={
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(documents)},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    overrides.enable()
    yield
    overrides.disable()


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker) -> str:
    """What the migrations put in the database (checklist templates, say), which a flush removes.
    Every module's demo asks for it before loading, so it is read before any module has flushed."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(scope="module")
def demo_site(
    request, chromium, site_settings, migrated_rows, django_db_blocker, live_server
) -> Iterator[str]:
    """The demo, loaded as `dueprocess demo` loads it; the database stays open to the module's tests
    (the helpers look things up in it), and is put back as the migrations left it when the module ends.

    A module that sets ``DEMO_APPS`` (say ``["people", "accounts"]``) gets only those apps' part of the
    demo, in the demo's order."""
    from django.db import connection

    from dueprocess.web.management.commands.demo import DEMO_STEPS

    only = getattr(request.module, "DEMO_APPS", None)
    with django_db_blocker.unblock():
        for step in DEMO_STEPS:
            module, function = step.split(":")
            if only is None or module.split(".")[1] in only:
                getattr(importlib.import_module(module), function)()
        yield live_server.url
        # As Django's serialized rollback does: the saved rows include the content types and
        # permissions that flush would otherwise make again.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(migrated_rows)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(chromium, demo_site, request) -> Iterator:
    """A fresh browser context (no cookies) on the demo site. A failing test leaves a screenshot, and
    any Content-Security-Policy violation the browser reports fails the test."""
    context = chromium.new_context(base_url=demo_site, locale="en-GB", viewport=VIEWPORT)
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    violations: list[str] = []

    def note_violation(message) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    browser_page.on("console", note_violation)
    yield browser_page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        screenshot(browser_page, f"FAILED-{request.node.name}")
    context.close()
    assert not violations, violations
