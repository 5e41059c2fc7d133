import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import PlanVersion, VersionStatus
from dueprocess.plans.tests.factories import ENDS, STARTS, draft, goals, published

LATER = dt.date(2026, 11, 30)


def revise(plan, actor, **overrides):
    values = {
        "reason": "Missed launch; two weak cycles.",
        "starts_on": STARTS,
        "ends_on": LATER,
        "goals": goals(ends_on=LATER),
        "change_reason": "Agreed one more week for the spec goal.",
    }
    return actions.revise_plan(plan, actor=actor, **{**values, **overrides})


def test_a_draft_is_edited_in_place(persona, zhang):
    plan = draft(persona("manager"), zhang)
    version = revise(plan, persona("manager"), change_reason="")
    assert version.number == 1 and version.ends_on == LATER
    assert PlanVersion.objects.filter(plan=plan).count() == 1


def test_a_published_plan_changes_only_as_a_new_version_acknowledged_again(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    actions.acknowledge_plan(plan, actor=persona("employee"))
    new = revise(plan, persona("manager"))
    old = plan.versions.get(number=1)
    assert (old.status, old.ends_on, old.is_acknowledged) == (VersionStatus.SUPERSEDED, ENDS, True)
    assert (new.number, new.status, new.ends_on, new.is_acknowledged) == (
        2,
        VersionStatus.PUBLISHED,
        LATER,
        False,
    )
    assert plan.current == new
    assert events.of("plans.revised")[0]["change_reason"].startswith("Agreed")


def test_a_new_version_says_what_changed(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        revise(plan, persona("manager"), change_reason=" ")
    assert "change_reason" in error.value.message_dict
    assert plan.versions.count() == 1


def test_a_revision_is_held_to_the_same_rules(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        revise(plan, persona("manager"), goals=[], ends_on=STARTS)
    assert {"goals", "ends_on"} <= set(error.value.message_dict)
