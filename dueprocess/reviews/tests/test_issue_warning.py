import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Conclusion, Warning, WarningLevel
from dueprocess.reviews.tests.factories import investigation_heard

ISSUED, EXPIRES = dt.date(2026, 10, 20), dt.date(2027, 10, 19)


def warn(actor, employee, **overrides):
    values = {
        "level": WarningLevel.WRITTEN,
        "issued_on": ISSUED,
        "expires_on": EXPIRES,
        "reason": "Missed the launch commitment without telling anyone.",
    }
    return actions.issue_warning(actor=actor, employee=employee, **{**values, **overrides})


def test_hr_issues_a_written_warning_after_a_substantiated_investigation(persona, zhang, events):
    found = investigation_heard(persona("hrbp"), zhang)
    actions.conclude_investigation(
        found, actor=persona("hrbp"), conclusion=Conclusion.SUBSTANTIATED, findings="x"
    )
    warning = warn(persona("hrbp"), zhang, investigation=found)
    assert warning.is_live(dt.date(2026, 11, 24)) and not warning.is_live(EXPIRES)
    data = events.of("reviews.warning_issued")[0]
    assert (data["level"], data["expires_on"]) == ("written", "2027-10-19")


def test_a_warning_must_expire_after_it_is_issued(persona, zhang):
    with pytest.raises(ValidationError) as error:
        warn(persona("hrbp"), zhang, expires_on=ISSUED)
    assert "expires_on" in error.value.message_dict
    assert not Warning.objects.exists()


def test_an_open_or_unsubstantiated_investigation_grounds_no_warning(persona, zhang):
    found = investigation_heard(persona("hrbp"), zhang)
    with pytest.raises(ValidationError) as error:
        warn(persona("hrbp"), zhang, investigation=found)
    assert "investigation" in error.value.message_dict


def test_a_warning_cannot_be_dated_in_the_future_or_have_no_level(persona, zhang):
    with pytest.raises(ValidationError) as error:
        warn(persona("hrbp"), zhang, level="stern", issued_on=dt.date(2026, 12, 1))
    assert {"level", "issued_on"} <= set(error.value.message_dict)


@pytest.mark.parametrize("username", ["manager", "other.manager", "employee", "auditor"])
def test_only_hr_and_legal_issue_warnings(persona, zhang, username):
    with pytest.raises(PermissionDenied):
        warn(persona(username), zhang)
