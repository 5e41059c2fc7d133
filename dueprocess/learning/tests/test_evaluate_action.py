import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.learning import actions
from dueprocess.learning.tests.conftest import DEMO_TODAY


def evaluate(action, actor, **overrides):
    values = {"was_done": True, "effect": "partly", "evidence": "Two of three reviews were checked monthly."}
    return actions.evaluate_improvement_action(action, actor=actor, **{**values, **overrides})


def test_an_evaluation_rates_whether_it_was_done_and_worked_with_evidence(
    improvement_action, persona, events
):
    evaluation = evaluate(improvement_action, persona("hrbp"))
    assert evaluation.evaluated_on == DEMO_TODAY and evaluation.get_effect_display() == "it partly worked"
    (data,) = events.of("learning.action_evaluated")
    assert data["evidence"] == "Two of three reviews were checked monthly." and data["was_done"] is True


def test_the_owner_does_not_mark_their_own_work(improvement_action, persona):
    with pytest.raises(PermissionDenied):
        evaluate(improvement_action, persona("manager"))


def test_evidence_is_required_and_what_was_not_done_cannot_have_worked(improvement_action, persona):
    with pytest.raises(ValidationError) as refused:
        evaluate(improvement_action, persona("hrbp"), was_done=False, effect="worked", evidence=" ",
                 evaluated_on=DEMO_TODAY + dt.timedelta(days=1))  # fmt: skip
    assert set(refused.value.message_dict) == {"effect", "evidence", "evaluated_on"}


def test_a_dropped_action_is_not_evaluated(improvement_action, persona):
    actions.update_improvement_action(
        improvement_action, actor=persona("hrbp"), status="dropped", note="Merged."
    )
    with pytest.raises(ValidationError, match="dropped"):
        evaluate(improvement_action, persona("hrbp"))
