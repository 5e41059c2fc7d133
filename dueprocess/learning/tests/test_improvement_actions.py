import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.learning import actions
from dueprocess.learning.tests.conftest import DEMO_TODAY


def add(retrospective, actor, **overrides):
    values = {
        "area": "legal",
        "title": "Legal counsel reviews every case at opening",
        "changes": "the case-opening procedure",
        "owner": actor,
        "due_on": DEMO_TODAY + dt.timedelta(days=10),
    }
    return actions.add_improvement_action(retrospective, actor=actor, **{**values, **overrides})


def test_an_action_has_an_owner_a_date_and_the_process_it_changes(written, persona, events):
    action = add(written, persona("hrbp"), owner=persona("legal"))
    assert action.status == "open" and action.evaluate_every_days == 90  # the default interval
    (data,) = events.of("learning.action_added")
    assert data["owner"] == "legal" and data["changes"] == "the case-opening procedure"


def test_bad_input_is_named_field_by_field(written, persona):
    with pytest.raises(ValidationError) as refused:
        add(written, persona("hrbp"), area="", title="", changes=" ", owner=None,
            due_on=DEMO_TODAY - dt.timedelta(days=1), evaluate_every_days=0)  # fmt: skip
    assert set(refused.value.message_dict) == {
        "area",
        "title",
        "changes",
        "owner",
        "due_on",
        "evaluate_every_days",
    }


def test_the_owner_reports_progress_and_done_is_dated(improvement_action, persona, events):
    manager = persona("manager")
    actions.update_improvement_action(improvement_action, actor=manager, status="in_progress")
    action = actions.update_improvement_action(improvement_action, actor=manager, status="done")
    assert action.done_on == DEMO_TODAY
    assert [d["status"] for d in events.of("learning.action_updated")] == ["in_progress", "done"]


def test_done_and_dropped_are_final_and_dropping_needs_a_reason(improvement_action, persona):
    with pytest.raises(ValidationError) as refused:
        actions.update_improvement_action(improvement_action, actor=persona("manager"), status="dropped")
    assert "note" in refused.value.message_dict
    actions.update_improvement_action(improvement_action, actor=persona("manager"), status="done")
    with pytest.raises(ValidationError, match="cannot become"):
        actions.update_improvement_action(improvement_action, actor=persona("manager"), status="in_progress")


def test_someone_who_neither_owns_it_nor_runs_the_case_cannot_touch_it(improvement_action, persona):
    with pytest.raises(PermissionDenied):
        actions.update_improvement_action(improvement_action, actor=persona("other.manager"), status="done")


def test_overdue_means_past_its_date_and_unfinished(improvement_action, persona):
    assert not improvement_action.is_overdue(DEMO_TODAY + dt.timedelta(days=30))
    assert improvement_action.is_overdue(DEMO_TODAY + dt.timedelta(days=31))
    actions.update_improvement_action(improvement_action, actor=persona("manager"), status="done")
    improvement_action.refresh_from_db()
    assert not improvement_action.is_overdue(DEMO_TODAY + dt.timedelta(days=31))
