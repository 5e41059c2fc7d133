"""Cases tests: time stands still at the demo's today, and the product manager's story up to the
failed plan is loaded through the reviews and plans actions."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.api.tests.conftest import api, token_for
from dueprocess.reviews.tests.conftest import DEMO_TODAY, _frozen_today, events, zhang

__all__ = ["_frozen_today", "api", "events", "token_for", "zhang"]


def day(n: int) -> dt.date:
    return DEMO_TODAY - dt.timedelta(days=n)


@pytest.fixture
def story(demo_org):
    """Zhang Wei's reviews, warning and failed plan, as the demo tells them."""
    from dueprocess.plans import demo as plans_demo
    from dueprocess.reviews import demo as reviews_demo

    reviews_demo.load(today=DEMO_TODAY)
    plans_demo.load(today=DEMO_TODAY)
    return demo_org


@pytest.fixture
def open_case(story, persona, zhang):
    """An incompetence case for Zhang Wei with nothing linked yet, gathering evidence."""
    from dueprocess.cases import actions

    case = actions.open_case(
        actor=persona("hrbp"), employee=zhang, ground="incompetence", summary="Plan failed."
    )
    return actions.start_gathering(case, actor=persona("hrbp"))
