"""Fixtures for reviews and conduct tests. Time stands still at the demo's today."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dueprocess.records.models import Event
from dueprocess.reviews.tests.factories import ReviewCycleFactory

# The root conftest's DEMO_TODAY, the day the demo organisation is built for.
DEMO_TODAY = dt.date(2026, 11, 24)
NOON = f"{DEMO_TODAY.isoformat()} 12:00 +08:00"


class Events:
    """The events written to the record since the test began, oldest first."""

    def __init__(self, after: int) -> None:
        self.after = after

    def rows(self) -> list[Event]:
        return list(Event.objects.filter(pk__gt=self.after).order_by("pk"))

    def types(self) -> list[str]:
        return [event.type for event in self.rows()]

    def of(self, event_type: str) -> list[dict]:
        return [event.data for event in self.rows() if event.type == event_type]


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(NOON, tick=False):
        yield


@pytest.fixture
def events(db):
    """Read what the actions wrote to the record (records.Event rows)."""
    last = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return Events(after=last)


@pytest.fixture
def page_queries(db):
    """How many queries one page costs: a list page must cost the same for 2 rows or 10."""

    def count(client, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    return count


@pytest.fixture
def cycle(demo_org):
    return ReviewCycleFactory()


@pytest.fixture
def zhang(demo_org):
    return demo_org["XQ0007"]
