"""A protected period blocks the case; only legal counsel, in writing, may override; the blocker
clears by itself when the protected period ends."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dueprocess.cases import actions, assessing
from dueprocess.cases.models import Override, SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.people.models import ProtectedPeriod
from dueprocess.records.models import Event


@pytest.fixture
def wu_case(demo_org, persona):
    wu = demo_org["XQ0010"]
    case = actions.open_case(
        actor=persona("hr.admin"), employee=wu, ground="incompetence", summary="Goals missed."
    )
    return actions.start_gathering(case, actor=persona("hr.admin"))


def invite(case, user):
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=2), dt.time(10)))
    return actions.invite_to_hearing(case, actor=user, scheduled_at=at, place="Room 2", attendees="HR")


def test_it_refuses_a_hearing_while_the_employee_is_pregnant(wu_case, persona):
    with pytest.raises(ValidationError) as refused:
        invite(wu_case, persona("hr.admin"))
    assert "LCL 42(4)" in " ".join(refused.value.messages)
    assert SeparationCase.objects.get(pk=wu_case.pk).stage == Stage.GATHERING_EVIDENCE
    assert not wu_case.hearings.exists()


@pytest.mark.parametrize("username", ["hr.admin", "hrbp", "manager", "auditor", "employee"])
def test_only_legal_counsel_may_override(wu_case, persona, username):
    with pytest.raises(PermissionDenied):
        actions.override_finding(
            wu_case, actor=persona(username), code="CN.LCL.42.4", justification="Because."
        )
    assert not Override.objects.exists()


def test_an_override_needs_a_written_justification(wu_case, persona):
    with pytest.raises(ValidationError) as refused:
        actions.override_finding(wu_case, actor=persona("legal"), code="CN.LCL.42.4", justification="   ")
    assert "justification" in refused.value.message_dict
    assert not Override.objects.exists()


def test_an_override_of_a_finding_the_case_does_not_have_is_refused(wu_case, persona):
    with pytest.raises(ValidationError) as refused:
        actions.override_finding(wu_case, actor=persona("legal"), code="CN.LCL.99", justification="Why.")
    assert "code" in refused.value.message_dict


def test_an_override_is_recorded_and_lets_the_case_proceed(wu_case, persona):
    code = next(f.code for f in assessing.evaluate(wu_case, DEMO_TODAY).findings if f.article == "LCL 42(4)")
    override = actions.override_finding(
        wu_case, actor=persona("legal"), code=code, justification="The pregnancy ended; certificate on file."
    )
    event = Event.objects.filter(type="cases.finding_overridden").get()
    assert event.data["code"] == code and event.data["justification"] == override.justification
    assert event.chain.subject_key == f"case:{wu_case.public_id}"
    evaluation = assessing.evaluate(wu_case, DEMO_TODAY)
    assert all(f.overridden for f in evaluation.findings if f.article == "LCL 42(4)")
    assert invite(wu_case, persona("hr.admin")).case_id == wu_case.pk


def test_the_blocker_clears_when_the_protected_period_has_ended(wu_case, persona):
    ProtectedPeriod.objects.filter(employee=wu_case.employee).update(
        starts_on=DEMO_TODAY - dt.timedelta(days=400), ends_on=DEMO_TODAY - dt.timedelta(days=200)
    )
    standing = {f.article for f in assessing.evaluate(wu_case, DEMO_TODAY).standing}
    assert "LCL 42(4)" not in standing
    assert invite(wu_case, persona("hr.admin")).case_id == wu_case.pk
