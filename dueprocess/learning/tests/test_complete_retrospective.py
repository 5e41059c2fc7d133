import pytest
from django.core.exceptions import ValidationError

from dueprocess.learning import actions
from dueprocess.learning.tests.conftest import DEMO_TODAY


def test_it_needs_every_area_an_action_and_a_summary(retrospective, persona):
    actions.record_finding(
        retrospective,
        actor=persona("hrbp"),
        area="legal",
        went_well="Union told.",
        went_wrong="Slow approval.",
        root_cause="Legal joined late.",
    )
    with pytest.raises(ValidationError) as refused:
        actions.complete_retrospective(retrospective, actor=persona("hrbp"), summary="")
    errors = refused.value.message_dict
    assert set(errors) == {"summary", "findings", "actions"}
    assert "performance management, behaviour norms, communication" in errors["findings"][0]


def test_completed_it_is_locked_and_on_the_record(improvement_action, persona, events):
    retrospective = actions.complete_retrospective(
        improvement_action.retrospective, actor=persona("legal"), summary="Support before a case."
    )
    assert retrospective.status == "completed" and retrospective.completed_on == DEMO_TODAY
    assert events.of("learning.retrospective_completed") == [
        {
            **events.of("learning.retrospective_completed")[0],
            "summary": "Support before a case.",
            "actions": 1,
        }
    ]
    with pytest.raises(ValidationError, match="locked"):
        actions.complete_retrospective(retrospective, actor=persona("legal"), summary="Again.")
