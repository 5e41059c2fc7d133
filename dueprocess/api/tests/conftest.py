"""API test fixtures: a token per persona, a client that sends it, and the demo's whole story."""

from __future__ import annotations

import pytest

from dueprocess.api.actions import create_api_token
from dueprocess.records.models import Event
from dueprocess.reviews.tests.conftest import Events, _frozen_today

__all__ = ["_frozen_today", "api", "events", "story", "token_for"]


class ActionEvents(Events):
    """The events the actions under test wrote; making the tests' own tokens is left out."""

    def rows(self) -> list[Event]:
        return [event for event in super().rows() if not event.type.startswith("api.")]


@pytest.fixture
def events(db):
    last = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return ActionEvents(after=last)


@pytest.fixture
def token_for(persona):
    """A fresh API token for a demo account: token_for("hr.admin")."""

    def make(username: str, **kwargs) -> str:
        user = persona(username)
        return create_api_token(actor=user, owner=user, name="tests", **kwargs)[1]

    return make


class Api:
    """Calls /api/v1/ as one persona (or with no token at all)."""

    def __init__(self, client, token: str | None) -> None:
        self.client, self.token = client, token

    def _headers(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1{path}", params, **self._headers())

    def post(self, path: str, body: dict | None = None):
        return self.client.post(
            f"/api/v1{path}", body or {}, content_type="application/json", **self._headers()
        )

    def upload(self, path: str, fields: dict, files: list):
        """multipart/form-data: the fields (a list is a field repeated) and the files as `evidence`."""
        return self.client.post(f"/api/v1{path}", {**fields, "evidence": files}, **self._headers())


@pytest.fixture
def api(client, token_for):
    """api("manager").get("/people/employees"); api(None) sends no token."""
    return lambda username: Api(client, token_for(username) if username else None)


@pytest.fixture
def story(demo_org):
    """The demo's reviews, conduct and plans chapters, told through the actions."""
    from dueprocess.plans import demo as plans_demo
    from dueprocess.reviews import demo as reviews_demo
    from dueprocess.reviews.tests.conftest import DEMO_TODAY

    reviews_demo.load(today=DEMO_TODAY)
    plans_demo.load(today=DEMO_TODAY)
    return demo_org
