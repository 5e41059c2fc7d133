"""Fixtures for reviews and conduct tests. Time stands still at the demo's today."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from dueprocess.reviews import recording
from dueprocess.reviews.tests.factories import ReviewCycleFactory

# The root conftest's DEMO_TODAY, the day the demo organisation is built for.
DEMO_TODAY = dt.date(2026, 11, 24)
NOON = f"{DEMO_TODAY.isoformat()} 12:00 +08:00"


class Events(list):
    def types(self) -> list[str]:
        return [event[0] for event in self]

    def of(self, event_type: str) -> list[dict]:
        return [event[3] for event in self if event[0] == event_type]


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(NOON, tick=False):
        yield


@pytest.fixture
def events(monkeypatch):
    """The events the actions wrote, as (type, subject, actor, data). Each call still goes through to
    the record, so once records has landed its Event rows hold the same."""
    written = Events()
    original = recording.record

    def capture(subject, event_type, *, actor, data):
        written.append((event_type, subject, actor, data))
        original(subject, event_type, actor=actor, data=data)

    monkeypatch.setattr(recording, "record", capture)
    return written


@pytest.fixture
def cycle(demo_org):
    return ReviewCycleFactory()


@pytest.fixture
def zhang(demo_org):
    return demo_org["XQ0007"]
