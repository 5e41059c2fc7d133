"""Fixtures every app's tests share: the demo organisation and its personas."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

DEMO_TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Stored files go to a folder of the test's own, never to the developer's data folder; and
    passwords hash fast, since no test is about the strength of the hash. Tests read English unless
    they ask for Chinese (the product's default language is zh-Hans)."""
    settings.LANGUAGE_CODE = "en"
    translation.activate("en")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents")},
        },
    }


@pytest.fixture(autouse=True)
def _force_login_includes_the_second_factor(monkeypatch):
    """``client.force_login`` stands for a completed login, so it stands for the two-factor code too.
    The tests of the two-factor steps log in through the forms instead."""
    from django.test import Client

    from dueprocess.accounts.two_factor import SESSION_KEY

    force_login = Client.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        session = self.session
        session[SESSION_KEY] = user.pk
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login_verified)


@pytest.fixture
def demo_org(db):
    """The demo organisation with one account per role (see accounts/demo.py for who is who)."""
    from dueprocess.accounts import demo as accounts_demo
    from dueprocess.people import demo as people_demo

    employees = people_demo.load(today=DEMO_TODAY)
    accounts_demo.load()
    return employees


@pytest.fixture
def persona(demo_org):
    """Look a demo account up by username: persona("hrbp")."""
    from dueprocess.accounts.models import User

    return lambda username: User.objects.get(username=username)


@pytest.fixture
def client_as(client, persona):
    """A test client logged in as a demo account: client_as("manager")."""

    def login(username: str):
        client.force_login(persona(username))
        return client

    return login
