import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.tests.factories import incident


def a_warning(persona, zhang):
    return actions.issue_warning(
        actor=persona("hrbp"),
        employee=zhang,
        level="written",
        issued_on=dt.date(2026, 10, 20),
        expires_on=dt.date(2027, 10, 19),
        reason="Missed launch",
    )


def test_the_employee_writes_an_explanation_to_their_warning(persona, zhang, events):
    explanation = actions.record_explanation(
        actor=persona("employee"),
        warning=a_warning(persona, zhang),
        text="The scope changed twice in September.",
    )
    assert explanation.written_on == dt.date(2026, 11, 24) and not explanation.declined
    assert events.of("reviews.explanation_recorded")[0]["by_employee"] is True


def test_hr_records_that_the_employee_declined_to_explain(persona, zhang):
    found = actions.open_investigation(incident(persona("manager"), zhang), actor=persona("hrbp"))
    explanation = actions.record_explanation(
        actor=persona("hrbp"), investigation=found, text="", declined=True
    )
    assert explanation.declined


def test_the_employee_cannot_mark_their_own_explanation_declined_or_leave_it_empty(persona, zhang):
    with pytest.raises(ValidationError) as error:
        actions.record_explanation(
            actor=persona("employee"), warning=a_warning(persona, zhang), text="", declined=True
        )
    assert {"declined"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        actions.record_explanation(actor=persona("employee"), warning=a_warning(persona, zhang), text=" ")
    assert "text" in error.value.message_dict


def test_nobody_else_writes_on_someone_elses_warning(persona, zhang):
    warning = a_warning(persona, zhang)
    for username in ("manager", "other.manager"):
        with pytest.raises(PermissionDenied):
            actions.record_explanation(actor=persona(username), warning=warning, text="On his behalf")
