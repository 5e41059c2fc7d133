"""A capability case in London follows the ACAS Code: the engine's missing steps clear as the
investigation, the written invitation, the accompanied hearing are recorded, and the decision in
writing with the right of appeal is what serving the notice does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from dueprocess.cases import actions, assessing
from dueprocess.cases.tests.conftest import DEMO_TODAY


@pytest.fixture
def london(demo_org, persona):
    case = actions.open_case(
        actor=persona("hr.admin"),
        employee=demo_org["XQ0014"],
        ground="capability",
        summary="Sales targets missed for a year.",
    )
    return actions.start_gathering(case, actor=persona("hr.admin"))


def standing(case) -> set[str]:
    return {f.code for f in assessing.evaluate(case, DEMO_TODAY).standing}


def test_the_acas_steps_clear_as_the_hearing_is_arranged_and_held(london, persona):
    admin = persona("hr.admin")
    before = standing(london)
    assert {"GB.ACAS.INVESTIGATE", "GB.ACAS.INFORM", "GB.ACAS.HEARING", "GB.ACAS.COMPANION"} <= before
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY, dt.time(9)))
    hearing = actions.invite_to_hearing(
        london, actor=admin, scheduled_at=at, place="London office", attendees="HR, the manager"
    )
    assert hearing.companion_allowed, "in Great Britain the right to be accompanied is statutory"
    actions.record_hearing(
        hearing,
        actor=admin,
        held_on=DEMO_TODAY,
        minutes="Heard.",
        employee_attended=True,
        response_due_on=DEMO_TODAY,
    )
    after = standing(london)
    assert not {"GB.ACAS.INFORM", "GB.ACAS.HEARING", "GB.ACAS.COMPANION"} & after
    assert "GB.ACAS.INVESTIGATE" in after, "nothing was investigated: no record is linked"
    approving = {f.code for f in assessing.evaluate(london, DEMO_TODAY, "approve").standing}
    assert "GB.ACAS.DECISION" in after and not {"GB.ACAS.DECISION", "GB.ACAS.APPEAL"} & approving
