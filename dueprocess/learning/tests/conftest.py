"""Learning tests: time stands still at the demo's today (``at(n)`` moves it), and the product
manager's case is told up to its close through the cases actions."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.cases.tests.conftest import story
from dueprocess.reminders.tests.conftest import at, day, run, to
from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, events, page_queries, zhang

__all__ = [
    "DEMO_TODAY",
    "_frozen_today",
    "at",
    "day",
    "events",
    "page_queries",
    "run",
    "story",
    "to",
    "zhang",
]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Early-warning flags are cached by the record's head; a test's rolled-back events reuse ids."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def served(story):
    """Zhang Wei's case as the demo leaves it: notice served today with pay in lieu."""
    from dueprocess.cases import demo
    from dueprocess.cases.models import SeparationCase

    demo.load(today=DEMO_TODAY)
    return SeparationCase.objects.get(employee__number="XQ0007")


@pytest.fixture
def closed_case(served, persona, monkeypatch):
    """The same case taken to its close today. Other apps' closing checks (offboarding tasks) are not
    what these tests are about, so they are set aside."""
    from dueprocess.cases import actions
    from dueprocess.cases.actions import decision

    monkeypatch.setattr(decision, "CLOSING_CHECKS", [])
    hrbp = persona("hrbp")
    case = actions.end_employment(served, actor=hrbp)
    case = actions.start_offboarding(case, actor=hrbp)
    return actions.close_case(case, actor=hrbp)


@pytest.fixture
def retrospective(closed_case, persona):
    from dueprocess.learning import actions

    return actions.open_retrospective(closed_case, actor=persona("hrbp"))


FINDINGS = {
    "performance": ("Goals were measurable.", "The plan started late.", "Reviews were not read monthly."),
    "behaviour": ("The warning was clear.", "The incident waited two days.", "No owner for triage."),
    "communication": ("Letters in both languages.", "The customer heard late.", "No escalation rule."),
    "legal": ("The union was told first.", "Approval took three days.", "Legal joined late."),
}


@pytest.fixture
def written(retrospective, persona):
    """Every area recorded, ready for its actions."""
    from dueprocess.learning import actions

    for area, (well, wrong, cause) in FINDINGS.items():
        actions.record_finding(
            retrospective,
            actor=persona("hrbp"),
            area=area,
            went_well=well,
            went_wrong=wrong,
            root_cause=cause,
        )
    return retrospective


@pytest.fixture
def improvement_action(written, persona):
    """Owned by the line manager, due in 30 days, evaluated every 60 days after that."""
    from dueprocess.learning import actions

    return actions.add_improvement_action(
        written,
        actor=persona("hrbp"),
        area="performance",
        title="Monthly review check for ratings below expectations",
        changes="the review cycle procedure",
        owner=persona("manager"),
        due_on=DEMO_TODAY + dt.timedelta(days=30),
        evaluate_every_days=60,
    )
