import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.tests.factories import incident


def test_hr_opens_an_investigation_into_an_incident(persona, zhang, events):
    found = actions.open_investigation(incident(persona("manager"), zhang), actor=persona("hrbp"))
    assert found.status == "open" and found.investigator == persona("hrbp")
    assert found.opened_on == dt.date(2026, 11, 24)
    assert events.types()[-1] == "reviews.investigation_opened"


def test_the_line_manager_does_not_investigate(persona, zhang):
    # The manager is often a witness; the investigation is kept independent of them.
    with pytest.raises(PermissionDenied):
        actions.open_investigation(incident(persona("manager"), zhang), actor=persona("manager"))


def test_an_incident_is_investigated_once_and_not_before_it_happened(persona, zhang):
    reported = incident(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        actions.open_investigation(reported, actor=persona("hrbp"), opened_on=dt.date(2026, 9, 1))
    assert "opened_on" in error.value.message_dict
    actions.open_investigation(reported, actor=persona("hrbp"))
    with pytest.raises(ValidationError) as error:
        actions.open_investigation(reported, actor=persona("legal"))
    assert "incident" in error.value.message_dict
