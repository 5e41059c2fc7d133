"""Reminders tests: time stands still at the demo's today and is moved on by ``at(day)``; the mail
sent after commit lands in ``mail.outbox`` (the locmem backend)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
import time_machine
from django.core import mail

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.cases.tests.conftest import open_case, story
from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, events, zhang

__all__ = ["_frozen_today", "events", "open_case", "story", "zhang"]


@pytest.fixture
def demo_org(demo_org):
    """The demo organisation with every account reading English, so that these tests read the
    messages as written; the demo's own people read Chinese (one test checks that they get it)."""
    from dueprocess.accounts.models import User

    User.objects.update(language="en")
    return demo_org


def day(n: int) -> dt.date:
    """``n`` days after the demo's today (before it if negative)."""
    return DEMO_TODAY + dt.timedelta(days=n)


def noon(n: int = 0, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day(n), dt.time(hour), tzinfo=dt.timezone(dt.timedelta(hours=8)))


def notice_served_today(employee, hrbp) -> SeparationCase:
    """Pay in lieu: the notice period ends and the certificate is due today (a stand-in for the
    case's steps, which have their own tests)."""
    return SeparationCase.objects.create(
        employee=employee,
        jurisdiction="CN",
        locality="shanghai",
        ground="incompetence",
        summary="Plan failed.",
        opened_by=hrbp,
        opened_on=day(-10),
        stage=Stage.NOTICE_SERVED,
        notice_given_on=day(0),
        notice_served_on=day(0),
        last_day=day(0),
        pay_in_lieu=True,
    )


@contextlib.contextmanager
def at(n: int, later: dt.timedelta = dt.timedelta()):
    """Nine in the morning (and ``later``), ``n`` days after the demo's today."""
    with time_machine.travel(noon(n, 9) + later, tick=False):
        yield


@pytest.fixture(autouse=True)
def _built_in_finders_only(monkeypatch):
    """These tests are about this app's deadlines; other apps (learning) test the finders they add."""
    from dueprocess.reminders import due

    monkeypatch.setattr(
        due, "FINDERS", [f for f in due.FINDERS if f.__module__ == "dueprocess.reminders.finders"]
    )


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the reminders as of day ``n`` (after commit, as in production) and return what was mailed
    by that run: ``run(1)`` -> (summary, messages); ``run(1, later=timedelta(minutes=5))``."""
    from dueprocess.reminders.sending import send_reminders

    def run_on(n: int = 0, later: dt.timedelta = dt.timedelta()):
        before = len(mail.outbox)
        with at(n, later), django_capture_on_commit_callbacks(execute=True):
            summary = send_reminders()
        return summary, mail.outbox[before:]

    return run_on


def to(messages) -> list[str]:
    return sorted(address for message in messages for address in message.to)
