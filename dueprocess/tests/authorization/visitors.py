"""The demo's roles as visitors of the site (a logged-in session, second factor entered, and an API
token each, made once), the demo loaded once in a transaction, and a savepoint that undoes a request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import time_machine
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import translation

from dueprocess.tests.authorization import story


@dataclass
class Visitor:
    """One role, by its session cookie (the web pages) and its API token."""

    role: str
    cookie: str | None
    token: str | None

    def _client(self) -> Client:
        client = Client()
        if self.cookie:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.cookie
        return client

    def get(self, url: str, **params):
        return self._client().get(url, params)

    def post(self, url: str, data: dict | None = None, **extra):
        return self._client().post(url, data or {}, **extra)

    def _bearer(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def api_get(self, url: str):
        return Client().get(url, **self._bearer())

    def api_post(self, url: str, body: dict | bytes, content_type: str = "application/json"):
        return Client().post(url, body, content_type=content_type, **self._bearer())


def visitor_for(role: str) -> Visitor:
    from dueprocess.accounts.models import User
    from dueprocess.accounts.two_factor import SESSION_KEY
    from dueprocess.api.actions import create_api_token

    if role == "anonymous":
        return Visitor(role, None, None)
    user = User.objects.get(username=role)
    client = Client()
    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = user.pk  # the second factor, entered
    session.save()
    token = create_api_token(actor=user, owner=user, name="authorization tests")[1]
    return Visitor(role, client.cookies[settings.SESSION_COOKIE_NAME].value, token)


@contextmanager
def loaded_demo(django_db_blocker, documents: Path) -> Iterator[dict]:
    """The demo and the story's extra records, a visitor per role, at the demo's noon; everything is
    rolled back when the block ends. Documents are stored in ``documents``."""
    overrides = override_settings(
        LANGUAGE_CODE="en",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        STORAGES={
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(documents)},
            },
        },
    )
    with overrides, time_machine.travel(story.NOON, tick=False), django_db_blocker.unblock():
        translation.activate("en")
        with transaction.atomic():
            objects = story.load()
            objects["visitors"] = {role: visitor_for(role) for role in story.ROLES}
            yield objects
            transaction.set_rollback(True)


@contextmanager
def undone() -> Iterator[None]:
    """Whatever happens inside is rolled back: a request's writes never reach the next request."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
