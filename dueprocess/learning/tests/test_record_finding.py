import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.learning import actions


def record(retrospective, actor, **overrides):
    values = {
        "area": "communication",
        "went_well": "Letters in both languages.",
        "went_wrong": "The customer heard late.",
        "root_cause": "No rule for telling customers.",
    }
    return actions.record_finding(retrospective, actor=actor, **{**values, **overrides})


def test_a_finding_says_what_went_well_what_went_wrong_and_why(retrospective, persona, events):
    finding = record(retrospective, persona("hrbp"))
    assert finding.get_area_display() == "communication"
    (data,) = events.of("learning.finding_recorded")
    assert data["root_cause"] == "No rule for telling customers." and data["area"] == "communication"


def test_writing_an_area_again_replaces_it_and_the_record_keeps_both(retrospective, persona, events):
    record(retrospective, persona("hrbp"))
    record(retrospective, persona("legal"), root_cause="Nobody owned customer contact.")
    assert retrospective.findings.get().root_cause == "Nobody owned customer contact."
    assert [d["root_cause"] for d in events.of("learning.finding_recorded")] == [
        "No rule for telling customers.",
        "Nobody owned customer contact.",
    ]


def test_each_part_is_required_and_named(retrospective, persona):
    with pytest.raises(ValidationError) as refused:
        record(retrospective, persona("hrbp"), area="morale", went_well=" ", went_wrong="", root_cause="")
    assert set(refused.value.message_dict) == {"area", "went_well", "went_wrong", "root_cause"}


def test_a_completed_retrospective_is_locked(improvement_action, persona):
    retrospective = actions.complete_retrospective(
        improvement_action.retrospective, actor=persona("hrbp"), summary="Start support earlier."
    )
    with pytest.raises(ValidationError, match="locked"):
        record(retrospective, persona("hrbp"))


def test_the_line_manager_does_not_write_the_retrospective(retrospective, persona):
    with pytest.raises(PermissionDenied):
        record(retrospective, persona("manager"))
