"""Portal tests: time stands still at the demo's today. ``told`` is the demo's story up to the
notice served today; ``wu`` gives Wu Jing, whose case is still being prepared, an account."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from dueprocess.cases.tests.conftest import open_case, story
from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, cycle, events, zhang

__all__ = ["_frozen_today", "cycle", "events", "open_case", "story", "zhang"]


@pytest.fixture
def told(story):
    """Zhang Wei's whole story: reviews, warning, failed plan, hearing, statement, notice today."""
    from dueprocess.cases import demo as cases_demo

    cases_demo.load(today=DEMO_TODAY)
    return story


@pytest.fixture
def wu(demo_org):
    from dueprocess.accounts.models import Role, User

    return User.objects.create_user("wu.jing", role=Role.EMPLOYEE, employee=demo_org["XQ0010"])


def invite(case, actor, days_ahead: int = 2):
    """Invite the employee to a hearing a few days from the demo's today, at ten in the morning."""
    from dueprocess.cases import actions

    day = DEMO_TODAY + dt.timedelta(days=days_ahead)
    return actions.invite_to_hearing(
        case,
        actor=actor,
        scheduled_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0))),
        place="Meeting room 3",
        attendees="Line manager, HR business partner",
        companion_allowed=True,
        agenda="The plan's outcome.",
    )


@pytest.fixture
def page_queries(db):
    """How many queries one page costs: a page must cost the same for one item or many."""

    def count(client, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    return count
