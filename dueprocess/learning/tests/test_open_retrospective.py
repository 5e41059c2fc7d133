import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.learning import actions
from dueprocess.learning.models import Retrospective
from dueprocess.learning.tests.conftest import DEMO_TODAY


def test_a_retrospective_comes_due_fourteen_days_after_the_case_closes(closed_case):
    assert closed_case.closed_on == DEMO_TODAY
    assert list(actions.retrospectives_due()) == [closed_case]
    assert actions.retrospective_due_on(closed_case) == DEMO_TODAY + dt.timedelta(days=14)


def test_a_case_still_open_owes_no_retrospective(served):
    assert list(actions.retrospectives_due()) == []
    assert actions.retrospective_due_on(served) is None


def test_a_withdrawn_case_owes_one_too(story, persona, demo_org):
    from dueprocess.cases import actions as case_actions

    case = case_actions.open_case(
        actor=persona("hrbp"), employee=demo_org["XQ0008"], ground="incompetence", summary="Two cycles low."
    )
    case_actions.withdraw_case(case, actor=persona("hrbp"), reason="She improved.")
    assert list(actions.retrospectives_due()) == [case]


def test_the_delay_is_a_setting(closed_case, settings):
    settings.LEARNING_RETROSPECTIVE_DAYS = 21
    assert actions.retrospective_due_on(closed_case) == DEMO_TODAY + dt.timedelta(days=21)


def test_opening_it_goes_on_the_case_record(closed_case, persona, events):
    retrospective = actions.open_retrospective(closed_case, actor=persona("hrbp"))
    assert retrospective.due_on == DEMO_TODAY + dt.timedelta(days=14) and retrospective.is_open
    (event,) = [e for e in events.rows() if e.type == "learning.retrospective_opened"]
    assert event.chain.subject_key == closed_case.chain_key
    assert event.data["due_on"] == "2026-12-08"


def test_a_case_has_one_retrospective_however_often_it_is_opened(closed_case, persona, events):
    first = actions.open_retrospective(closed_case, actor=persona("hrbp"))
    again = actions.open_retrospective(closed_case, actor=persona("legal"))
    assert first == again and Retrospective.objects.count() == 1
    assert events.types().count("learning.retrospective_opened") == 1


def test_a_completed_retrospective_is_no_longer_due(improvement_action, persona):
    retrospective = improvement_action.retrospective
    actions.complete_retrospective(retrospective, actor=persona("hrbp"), summary="Start plans earlier.")
    assert list(actions.retrospectives_due()) == []


def test_it_waits_for_the_case_to_close(served, persona):
    with pytest.raises(ValidationError) as refused:
        actions.open_retrospective(served, actor=persona("hrbp"))
    assert "case" in refused.value.message_dict


@pytest.mark.parametrize("username", ["manager", "auditor", "employee", "other.manager"])
def test_only_those_running_the_case_open_it(closed_case, persona, username):
    with pytest.raises(PermissionDenied):
        actions.open_retrospective(closed_case, actor=persona(username))
