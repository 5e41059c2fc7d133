import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Conclusion
from dueprocess.reviews.tests.factories import investigation_heard


def interview(investigation, actor, **overrides):
    values = {
        "held_on": dt.date(2026, 10, 9),
        "interviewers": "陈思敏",
        "notes": "Confirms the date was agreed.",
    }
    return actions.record_interview(investigation, actor=actor, **{**values, **overrides})


def test_hr_records_an_interview_with_a_witness(persona, zhang, demo_org, events):
    found = investigation_heard(persona("hrbp"), zhang)
    held = interview(found, persona("hrbp"), interviewee=demo_org["XQ0008"])
    assert held.interviewee.number == "XQ0008"
    assert events.of("reviews.interview_recorded")[0]["interviewee"] == "XQ0008"


def test_an_interview_before_the_investigation_or_without_notes_is_refused(persona, zhang, demo_org):
    found = investigation_heard(persona("hrbp"), zhang)
    with pytest.raises(ValidationError) as error:
        interview(found, persona("hrbp"), held_on=dt.date(2026, 10, 1), notes="", interviewee_other="")
    assert {"held_on", "notes", "interviewee"} <= set(error.value.message_dict)


def test_a_concluded_investigation_takes_no_more_interviews(persona, zhang, demo_org):
    found = investigation_heard(persona("hrbp"), zhang)
    actions.conclude_investigation(
        found, actor=persona("hrbp"), conclusion=Conclusion.SUBSTANTIATED, findings="x"
    )
    with pytest.raises(ValidationError):
        interview(found, persona("hrbp"), interviewee=demo_org["XQ0008"])
