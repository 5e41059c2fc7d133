"""Offboarding tests: time stands still at the demo's today. ``served`` is Zhang Wei's case as the
cases demo leaves it (notice served today with pay in lieu, so the last day is today);
``offboarding`` is the same case once the employment has ended and offboarding has started."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.cases.tests.conftest import story
from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, events, zhang

__all__ = ["DEMO_TODAY", "_frozen_today", "events", "story", "zhang"]


def day(n: int) -> dt.date:
    """``n`` days after the demo's today (negative: before)."""
    return DEMO_TODAY + dt.timedelta(days=n)


@pytest.fixture
def served(story):
    from dueprocess.cases import demo
    from dueprocess.cases.models import SeparationCase

    demo.load(today=DEMO_TODAY)
    return SeparationCase.objects.get(employee__number="XQ0007")


@pytest.fixture
def offboarding(served, persona):
    from dueprocess.cases import actions

    actions.end_employment(served, actor=persona("hrbp"))
    return actions.start_offboarding(served, actor=persona("hrbp"))


@pytest.fixture
def checklist(offboarding, persona):
    from dueprocess.offboarding import actions

    return actions.create_checklist(offboarding, actor=persona("hrbp"))


@pytest.fixture
def served_abroad(demo_org, persona):
    """A case whose notice was served under another law, its last day ``last_day``: the row as the
    cases actions leave it, without the story that led there (the checklist reads only its law,
    ground, dates and stage)."""
    from dueprocess.cases.models import SeparationCase, Stage

    def make(number: str, ground: str, last_day: dt.date, stage: str = Stage.NOTICE_SERVED):
        employee = demo_org[number]
        return SeparationCase.objects.create(
            employee=employee,
            jurisdiction=employee.jurisdiction,
            locality=employee.location.locality,
            ground=ground,
            stage=stage,
            summary="Served.",
            opened_by=persona("hr.admin"),
            opened_on=last_day - dt.timedelta(days=60),
            notice_given_on=last_day - dt.timedelta(days=30),
            notice_served_on=last_day - dt.timedelta(days=30),
            decided_on=last_day - dt.timedelta(days=31),
            last_day=last_day,
        )

    return make


def task(checklist, kind: str):
    return checklist.tasks.get(kind=kind)
