import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import ImprovementPlan, PlanStatus, VersionStatus
from dueprocess.plans.tests.factories import draft


def test_publishing_locks_the_version_and_shows_the_plan_to_the_employee(persona, zhang, events):
    plan = draft(persona("manager"), zhang)
    assert not ImprovementPlan.objects.visible_to(persona("employee")).exists()
    plan = actions.publish_plan(plan, actor=persona("manager"))
    assert plan.status == PlanStatus.ACTIVE
    assert plan.current.status == VersionStatus.PUBLISHED and plan.current.is_locked
    assert list(ImprovementPlan.objects.visible_to(persona("employee"))) == [plan]
    assert events.types() == ["plans.drafted", "plans.published"]


def test_a_plan_is_published_once(persona, zhang):
    plan = actions.publish_plan(draft(persona("manager"), zhang), actor=persona("manager"))
    with pytest.raises(ValidationError):
        actions.publish_plan(plan, actor=persona("manager"))


def test_another_teams_manager_neither_sees_nor_publishes_it(persona, zhang):
    plan = draft(persona("manager"), zhang)
    assert not ImprovementPlan.objects.visible_to(persona("other.manager")).exists()
    with pytest.raises(PermissionDenied):
        actions.publish_plan(plan, actor=persona("other.manager"))
