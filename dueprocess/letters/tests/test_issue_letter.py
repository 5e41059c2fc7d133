"""Issuing a letter keeps its PDF by hash, the data it was written from, and the template version, and
records "letters.issued" with the hash in the case's own chain; a letter that cannot be written
says why before anything is kept."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.letters import actions
from dueprocess.letters.models import Letter, LetterTemplate
from dueprocess.records import open_document
from dueprocess.records.models import Event
from dueprocess.records.verification import verify_chain


def test_the_pdf_is_stored_by_its_hash_and_the_hash_is_in_the_cases_chain(zhang_case, persona, events):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    with open_document(letter.sha256) as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == letter.sha256
    (event,) = [e for e in events.rows() if e.type == "letters.issued"]
    assert event.chain.subject_key == f"case:{zhang_case.public_id}"
    assert event.data["sha256"] == letter.sha256 and letter.sha256 in event.documents
    assert event.data["template"]["version"] == letter.template.version == 1
    assert verify_chain(event.chain).ok


def test_the_letter_keeps_the_exact_data_it_was_written_from(zhang_case, persona):
    letter = actions.issue_letter("termination_notice", zhang_case, "en", actor=persona("hrbp"))
    assessment = zhang_case.latest_assessment.result
    assert letter.context["assessment"]["total"] == assessment["total"]
    assert letter.context["case"]["last_day"] == zhang_case.last_day.isoformat()
    assert letter.context["employee"]["legal_name"] == "张伟"
    assert letter.status == "issued" and letter.delivered_at is None
    assert letter.reference.startswith("L-20261124-")


def test_the_shipped_default_is_recorded_once_as_version_one(zhang_case, persona):
    for language in ("en", "en", "zh-hans"):
        actions.issue_letter("reference_letter", zhang_case, language, actor=persona("hrbp"))
    versions = LetterTemplate.objects.filter(kind="reference_letter")
    assert sorted(versions.values_list("language", "version")) == [("en", 1), ("zh-hans", 1)]


def test_the_line_manager_reads_the_case_but_does_not_write_its_letters(zhang_case, persona):
    with pytest.raises(PermissionDenied):
        actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("manager"))
    assert not Letter.objects.exists()


def test_a_notice_of_termination_waits_for_the_approved_decision(story, persona):
    from dueprocess.cases.models import SeparationCase

    blocked = SeparationCase.objects.get(employee__number="XQ0010")
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("termination_notice", blocked, "zh-hans", actor=persona("hr.admin"))
    assert "approved decision" in " ".join(refused.value.messages)
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("hearing_invitation", blocked, "zh-hans", actor=persona("hr.admin"))
    assert "hearing" in refused.value.message_dict
    assert not Letter.objects.exists() and not Event.objects.filter(type="letters.issued").exists()


def test_a_kind_must_fit_what_the_letter_is_about(zhang_case, persona):
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("plan_notice", zhang_case, "en", actor=persona("hrbp"))
    assert "kind" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("termination_notice", zhang_case, "fr", actor=persona("hrbp"))
    assert "language" in refused.value.message_dict


def test_a_template_that_no_longer_renders_stops_the_letter_before_anything_is_kept(zhang_case, persona):
    LetterTemplate.objects.create(
        kind="reference_letter", language="en", version=1, subject="Ref", letterhead="", body="{{ nope }}"
    )
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("reference_letter", zhang_case, "en", actor=persona("hrbp"))
    assert "nope" in refused.value.message_dict["template"][0]
    assert not Letter.objects.exists()
