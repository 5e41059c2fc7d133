import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.records.models import Document, Event
from dueprocess.reviews.models import Incident
from dueprocess.reviews.tests.factories import incident


def test_the_manager_reports_an_incident_with_witnesses(persona, zhang, demo_org, events):
    found = incident(persona("manager"), zhang, witnesses=[demo_org["XQ0008"]])
    assert found.summary == "Missed the launch commitment"
    assert [w.number for w in found.witnesses.all()] == ["XQ0008"]
    data = events.of("reviews.incident_reported")[0]
    assert data["witnesses"] == ["XQ0008"] and data["reported_by"].startswith("Customer complaint")


def test_evidence_files_are_kept_by_their_hash(persona, zhang, events):
    found = incident(
        persona("manager"), zhang, evidence=[("complaint.eml", "message/rfc822", b"From: customer")]
    )
    (kept,) = found.evidence.all()
    assert len(kept.sha256) == 64 and kept.size == len(b"From: customer")
    assert events.of("reviews.incident_reported")[0]["evidence"][0]["sha256"] == kept.sha256
    assert Document.objects.filter(sha256=kept.sha256).exists()
    assert Event.objects.get(type="reviews.incident_reported").documents == [kept.sha256]


def test_dates_out_of_order_and_missing_words_are_named(persona, zhang):
    with pytest.raises(ValidationError) as error:
        incident(persona("manager"), zhang, reported_on=dt.date(2026, 9, 1), summary="", description="")
    assert {"reported_on", "summary", "description"} <= set(error.value.message_dict)
    assert not Incident.objects.exists()


def test_an_incident_cannot_be_dated_in_the_future_or_come_from_nobody(persona, zhang):
    with pytest.raises(ValidationError) as error:
        incident(
            persona("manager"),
            zhang,
            occurred_on=dt.date(2026, 12, 1),
            reported_on=dt.date(2026, 12, 2),
            reporter_other="",
        )
    assert {"occurred_on", "reported_by"} <= set(error.value.message_dict)


@pytest.mark.parametrize("username", ["other.manager", "employee", "auditor"])
def test_only_those_in_scope_report_incidents(persona, zhang, username):
    with pytest.raises(PermissionDenied):
        incident(persona(username), zhang)
