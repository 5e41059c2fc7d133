import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Conclusion
from dueprocess.reviews.tests.factories import incident, investigation_heard


def test_hr_concludes_with_findings_once_the_employee_is_heard(persona, zhang, events):
    found = investigation_heard(persona("hrbp"), zhang)
    found = actions.conclude_investigation(
        found,
        actor=persona("hrbp"),
        conclusion=Conclusion.SUBSTANTIATED,
        findings="The date was agreed and missed without warning.",
    )
    assert (found.status, found.conclusion, found.concluded_on) == (
        "concluded",
        "substantiated",
        dt.date(2026, 11, 24),
    )
    assert events.of("reviews.investigation_concluded")[0]["conclusion"] == "substantiated"


def test_no_finding_is_made_before_the_employees_explanation(persona, zhang):
    found = actions.open_investigation(incident(persona("manager"), zhang), actor=persona("hrbp"))
    with pytest.raises(ValidationError) as error:
        actions.conclude_investigation(found, actor=persona("hrbp"), conclusion="substantiated", findings="x")
    assert "explanation" in error.value.message_dict
    found.refresh_from_db()
    assert found.status == "open"


def test_the_conclusion_must_be_one_of_the_two_and_findings_written(persona, zhang):
    found = investigation_heard(persona("hrbp"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.conclude_investigation(found, actor=persona("hrbp"), conclusion="maybe", findings="")
    assert {"conclusion", "findings"} <= set(error.value.message_dict)


def test_the_employee_cannot_conclude_their_own_investigation(persona, zhang):
    found = investigation_heard(persona("hrbp"), zhang)
    with pytest.raises(PermissionDenied):
        actions.conclude_investigation(
            found, actor=persona("employee"), conclusion="not_substantiated", findings="x"
        )
