"""A plan's outcome with its evidence documents through the API (multipart/form-data), as on the
outcome page: the same rule for files, the same action, the same event on the plan's record; and the
documents handed back, as the plan page and the portal hand them out, to those who may read the plan."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dueprocess.accounts.models import User
from dueprocess.plans import actions
from dueprocess.plans.models import ImprovementPlan, OutcomeEvidence, PlanOutcome, PlanStatus
from dueprocess.records import open_document
from dueprocess.records.models import Document, ReadLog

COLLEAGUE, OTHER = "XQ0008", "XQ0009"
PDF = b"%PDF-1.4 spec reviews, November"


def publish(story, persona, number: str) -> ImprovementPlan:
    goal = {"title": "Written specs", "metric": "specs reviewed", "baseline": "40%", "target": "100%",
            "due_on": dt.date(2027, 1, 29), "measured_by": "The wiki"}  # fmt: skip
    plan = actions.draft_plan(
        actor=persona("hr.admin"), employee=story[number], reason="Specs arrive late.",
        starts_on=dt.date(2026, 11, 2), ends_on=dt.date(2027, 1, 29), goals=[goal],
    )  # fmt: skip
    return actions.publish_plan(plan, actor=persona("hr.admin"))


@pytest.fixture
def plan(story, persona) -> ImprovementPlan:
    return publish(story, persona, COLLEAGUE)


def pdf(name: str = "spec-reviews.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


PASSED = {"outcome": "passed", "summary": "Every spec reviewed before build.", "decided_on": "2026-11-24"}


def stored() -> tuple[int, int, int]:
    return PlanOutcome.objects.count(), OutcomeEvidence.objects.count(), Document.objects.count()


def test_the_outcome_and_its_documents_are_kept_and_recorded_as_through_the_page(
    api, story, persona, client_as, plan, events
):
    other = publish(story, persona, OTHER)
    page = client_as("hr.admin").post(f"/plans/{other.public_id}/outcome/", {**PASSED, "evidence": pdf()})
    assert page.status_code == 302
    response = api("hr.admin").upload(f"/plans/{plan.public_id}/outcome/with-evidence", PASSED, [pdf()])
    assert response.status_code == 201, response.content
    sha256 = hashlib.sha256(PDF).hexdigest()
    [kept] = response.json()["evidence"]
    assert (kept["name"], kept["sha256"], kept["content_type"], kept["size"]) == (
        "spec-reviews.pdf", sha256, "application/pdf", len(PDF),
    )  # fmt: skip
    by_page, by_api = events.rows()[-2:]
    assert by_page.type == by_api.type == "plans.closed"
    assert {**by_page.data, "plan": None} == {**by_api.data, "plan": None}
    assert by_api.data["evidence"] == [{"name": "spec-reviews.pdf", "sha256": sha256}]
    assert by_api.documents == [sha256]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PASSED
    with open_document(sha256) as kept_file:
        assert kept_file.read() == PDF


def test_a_failed_plan_may_rest_on_a_document_alone(api, plan, events):
    body = {"outcome": "failed", "summary": "No spec reviewed.", "decided_on": "2026-11-24"}
    without = api("hr.admin").upload(f"/plans/{plan.public_id}/outcome/with-evidence", body, [])
    assert without.status_code == 422  # not before its end, and not without evidence
    assert {"decided_on", "evidence"} == {e["loc"][-1] for e in without.json()["detail"]}
    assert events.types() == []


@pytest.mark.parametrize(
    "upload, says",
    [
        (SimpleUploadedFile("macro.xlsm", b"PK\x03\x04", content_type="application/pdf"), "macro.xlsm"),
        (pdf("minutes.pdf", b"MZ\x90\x00 a program"), "minutes.pdf"),
    ],
)
def test_a_file_refused_is_422_naming_the_field_and_the_file_and_nothing_is_written(
    api, plan, events, upload, says
):
    before = stored()
    response = api("hr.admin").upload(
        f"/plans/{plan.public_id}/outcome/with-evidence", PASSED, [pdf(), upload]
    )
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "evidence"] and says in error["msg"]
    assert error["msg"].startswith("Evidence document:")  # the outcome page's label
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and stored() == before and events.types() == []


@pytest.mark.parametrize(
    "username, status",
    [("colleague", 403), ("auditor", 403), ("employee", 404), ("other.manager", 404)],
)
def test_those_the_policy_refuses_are_refused_before_their_files_are_read(
    api, story, plan, events, username, status
):
    if username == "colleague":  # the employee on the plan sees it, and may not decide it
        username = User.objects.get(employee=story[COLLEAGUE]).username
    before = stored()
    bad = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    for files in ([pdf()], [bad]):
        response = api(username).upload(f"/plans/{plan.public_id}/outcome/with-evidence", PASSED, files)
        assert response.status_code == status, (username, response.content)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and stored() == before and events.types() == []


def evidence_path(plan: ImprovementPlan, sha256: str) -> str:
    return f"/plans/{plan.public_id}/outcome/evidence/{sha256}"


def test_those_who_read_the_plan_download_its_outcomes_documents(api, story, plan, persona):
    response = api("hr.admin").upload(f"/plans/{plan.public_id}/outcome/with-evidence", PASSED, [pdf()])
    sha256 = response.json()["evidence"][0]["sha256"]
    colleague = User.objects.get(employee=story[COLLEAGUE]).username  # the employee on the plan
    for username in ("hr.admin", "hrbp", "manager", "legal", "auditor", colleague):
        download = api(username).get(evidence_path(plan, sha256))
        assert download.status_code == 200, username
        assert b"".join(download.streaming_content) == PDF
        assert download["Content-Type"] == "application/pdf"
        assert download["Content-Disposition"].startswith("attachment;")
        assert download["Cache-Control"] == "private, no-store"
        assert ReadLog.objects.filter(user__username=username, what="document").count() == 1, username
    reads = ReadLog.objects.count()
    for username in ("other.manager", "employee"):  # another team's manager; another employee
        assert api(username).get(evidence_path(plan, sha256)).status_code == 404, username
    assert api(None).get(evidence_path(plan, sha256)).status_code == 401
    assert ReadLog.objects.count() == reads


def test_a_document_is_read_only_through_its_own_plan(api, story, persona, plan):
    other = publish(story, persona, OTHER)
    api("hr.admin").upload(f"/plans/{plan.public_id}/outcome/with-evidence", PASSED, [pdf()])
    mine = hashlib.sha256(PDF).hexdigest()
    theirs_bytes = b"%PDF-1.4 another plan's reviews"
    api("hr.admin").upload(
        f"/plans/{other.public_id}/outcome/with-evidence", PASSED, [pdf(content=theirs_bytes)]
    )
    theirs = hashlib.sha256(theirs_bytes).hexdigest()
    assert api("hr.admin").get(evidence_path(other, theirs)).status_code == 200
    assert api("hr.admin").get(evidence_path(plan, theirs)).status_code == 404
    assert api("hr.admin").get(evidence_path(other, mine)).status_code == 404


def test_a_malformed_hash_is_refused_before_anything_is_looked_up(api, plan):
    sha256 = hashlib.sha256(PDF).hexdigest()
    for bad in (sha256.upper(), sha256[:63], "release-log.pdf"):
        assert api("hr.admin").get(evidence_path(plan, bad)).status_code == 422, bad
    assert not ReadLog.objects.filter(what="document").exists()
