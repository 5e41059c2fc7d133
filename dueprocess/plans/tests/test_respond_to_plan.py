import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published


def test_the_employee_writes_a_response_kept_beside_the_version(persona, zhang, events):
    plan = published(persona("manager"), zhang)
    version = actions.respond_to_plan(plan, actor=persona("employee"), text="The launch date moved twice.")
    assert version.employee_response == "The launch date moved twice." and version.responded_at
    assert events.of("plans.responded")[0]["text"] == "The launch date moved twice."


def test_an_empty_or_second_response_is_refused(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.respond_to_plan(plan, actor=persona("employee"), text="")
    assert "employee_response" in error.value.message_dict
    actions.respond_to_plan(plan, actor=persona("employee"), text="First")
    with pytest.raises(ValidationError):
        actions.respond_to_plan(plan, actor=persona("employee"), text="Second")


def test_the_manager_cannot_respond_in_the_employees_name(persona, zhang):
    with pytest.raises(PermissionDenied):
        actions.respond_to_plan(published(persona("manager"), zhang), actor=persona("manager"), text="Agreed")
