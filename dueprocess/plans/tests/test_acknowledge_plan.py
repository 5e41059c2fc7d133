import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import draft, published


def test_the_employee_acknowledges_the_current_version(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    version = actions.acknowledge_plan(plan, actor=persona("employee"))
    assert version.is_acknowledged
    assert events.of("plans.acknowledged") == [{"plan": str(plan.public_id), "version": 1}]


def test_a_version_is_acknowledged_once(persona, zhang):
    plan = published(persona("manager"), zhang)
    actions.acknowledge_plan(plan, actor=persona("employee"))
    with pytest.raises(ValidationError):
        actions.acknowledge_plan(plan, actor=persona("employee"))


def test_a_draft_cannot_be_acknowledged_it_has_not_been_shared(persona, zhang):
    with pytest.raises(PermissionDenied):
        actions.acknowledge_plan(draft(persona("manager"), zhang), actor=persona("employee"))


def test_nobody_acknowledges_for_the_employee(persona, zhang):
    plan = published(persona("manager"), zhang)
    for username in ("manager", "hrbp"):
        with pytest.raises(PermissionDenied):
            actions.acknowledge_plan(plan, actor=persona(username))
