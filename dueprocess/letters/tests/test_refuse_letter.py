"""A refusal to acknowledge is recorded too: by the employee in the portal, or by HR who saw it,
saying how it happened. The employee may still acknowledge later."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.letters import actions


@pytest.fixture
def delivered(zhang_case, persona):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    return actions.deliver_letter(letter, actor=persona("hrbp"), email=False)


def test_the_employee_refuses_in_the_portal(delivered, persona, events):
    refusal = actions.refuse_letter(
        delivered, actor=persona("employee"), ip="198.51.100.4", user_agent="Safari"
    )
    delivered.refresh_from_db()
    assert delivered.status == "refused" and refusal.refused and refusal.sha256 == delivered.sha256
    (data,) = events.of("letters.refused")
    assert data["by_employee"] is True and data["ip"] == "198.51.100.4"


def test_hr_records_a_refusal_they_witnessed_and_says_how(delivered, persona, events):
    with pytest.raises(ValidationError) as refused:
        actions.refuse_letter(delivered, actor=persona("hrbp"))
    assert "note" in refused.value.message_dict
    actions.refuse_letter(
        delivered, actor=persona("hrbp"), note="Refused to sign at 15:00; Liu Fang present."
    )
    (data,) = events.of("letters.refused")
    assert data["by_employee"] is False and "Liu Fang" in data["note"]


def test_after_refusing_the_employee_may_still_acknowledge(delivered, persona):
    actions.refuse_letter(delivered, actor=persona("employee"))
    with pytest.raises(ValidationError):
        actions.refuse_letter(delivered, actor=persona("employee"))
    actions.acknowledge_letter(delivered, actor=persona("employee"), sha256=delivered.sha256)
    delivered.refresh_from_db()
    assert delivered.status == "acknowledged"
    assert [a.refused for a in delivered.acknowledgements.all()] == [True, False]
    with pytest.raises(ValidationError):
        actions.refuse_letter(delivered, actor=persona("employee"))


def test_a_manager_of_another_team_records_nothing(delivered, persona):
    with pytest.raises(PermissionDenied):
        actions.refuse_letter(delivered, actor=persona("other.manager"), note="x")
