"""Every evidence file is checked where it is kept, whichever page, API call or command sent it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dueprocess.plans import actions as plan_actions
from dueprocess.plans.models import PlanOutcome
from dueprocess.plans.tests.factories import published
from dueprocess.records.models import Document
from dueprocess.reviews.models import Incident
from dueprocess.reviews.tests.factories import incident


def test_a_program_named_as_a_pdf_is_refused_and_nothing_is_kept(persona, zhang):
    with pytest.raises(ValidationError) as error:
        incident(persona("manager"), zhang, evidence=[("invoice.pdf", "application/pdf", b"MZ\x90\x00")])
    assert "not really a PDF file" in error.value.message_dict["evidence"][0]
    assert not Incident.objects.exists() and not Document.objects.exists()


def test_the_kind_of_file_decides_the_stored_content_type(persona, zhang):
    found = incident(persona("manager"), zhang, evidence=[("scan.pdf", "text/html", b"%PDF-1.7 scan")])
    assert found.evidence.get().content_type == "application/pdf"
    assert Document.objects.get().content_type == "application/pdf"


def test_a_plan_outcome_refuses_a_disguised_file(persona, zhang):
    plan = published(persona("manager"), zhang)
    with pytest.raises(ValidationError) as error:
        plan_actions.decide_outcome(
            plan, actor=persona("hrbp"), outcome="failed", summary="See the log.",
            evidence=[("release-log.csv", "text/csv", b"\x00\x01\x02 binary")],
        )  # fmt: skip
    assert "evidence" in error.value.message_dict
    assert not PlanOutcome.objects.exists()


def test_the_outcome_page_names_the_field_of_a_disguised_upload(persona, zhang, client_as):
    plan = published(persona("manager"), zhang)
    upload = SimpleUploadedFile("log.pdf", b"<html><script>", content_type="application/pdf")
    response = client_as("hrbp").post(
        reverse("plans:outcome_create", args=[plan.public_id]),
        {"outcome": "failed", "decided_on": "2026-11-20", "summary": "See the log.", "evidence": upload},
    )
    assert "Evidence document: “log.pdf” is not really a PDF file" in response.content.decode()
    assert not PlanOutcome.objects.exists()
