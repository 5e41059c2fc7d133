"""An incident reported with evidence files through the API (multipart/form-data), as on the incident
page: the same rule for files, the same action and event; the files handed back only to those who may
read the incident file."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dueprocess.records.models import Document, ReadLog
from dueprocess.reviews.models import Incident, IncidentEvidence

ZHANG = "XQ0007"
PDF = b"%PDF-1.4 the client's complaint"


def fields(story, **overrides) -> dict:
    return {
        "employee": str(story[ZHANG].public_id),
        "occurred_on": "2026-11-20",
        "summary": "Left a client meeting early",
        "description": "Walked out of the quarterly review with the client.",
        "reporter_other": "Client account lead",
        "witnesses": [str(story["XQ0008"].public_id), str(story["XQ0006"].public_id)],
        **overrides,
    }


def pdf(name: str = "complaint.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    # The browser's (or script's) content type is not trusted: the kind is read from the bytes.
    return SimpleUploadedFile(name, content, content_type="application/x-whatever")


def stored() -> tuple[int, int, int]:
    return Incident.objects.count(), IncidentEvidence.objects.count(), Document.objects.count()


def test_the_files_are_kept_by_their_hash_and_read_back_by_those_who_may(api, story, events):
    response = api("hrbp").upload("/incidents/with-evidence", fields(story), [pdf()])
    assert response.status_code == 201, response.content
    body = response.json()
    [kept] = body["evidence"]
    sha256 = hashlib.sha256(PDF).hexdigest()
    assert (kept["name"], kept["sha256"], kept["content_type"], kept["size"]) == (
        "complaint.pdf", sha256, "application/pdf", len(PDF),
    )  # fmt: skip
    assert sorted(w["number"] for w in body["witnesses"]) == ["XQ0006", "XQ0008"]
    [recorded] = events.of("reviews.incident_reported")
    assert recorded["incident"] == body["public_id"]
    assert recorded["evidence"] == [{"name": "complaint.pdf", "sha256": sha256}]
    assert events.rows()[-1].documents == [sha256]

    path = f"/incidents/{body['public_id']}/evidence/{sha256}"
    download = api("legal").get(path)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and "attachment" in download["Content-Disposition"]
    assert download["Cache-Control"] == "private, no-store"
    assert ReadLog.objects.filter(what="document", user_label__contains="legal").exists()


def test_it_reports_as_the_page_does_without_files(api, story, events):
    response = api("hrbp").upload("/incidents/with-evidence", fields(story), [])
    assert response.status_code == 201, response.content
    assert response.json()["evidence"] == [] and events.types() == ["reviews.incident_reported"]


@pytest.mark.parametrize(
    "upload, says",
    [
        (SimpleUploadedFile("invoice.exe", b"MZ\x90\x00", content_type="application/pdf"), "invoice.exe"),
        # A web page dressed as a PDF: its content does not match its name.
        (pdf("report.pdf", b"<html><script>alert(1)</script>"), "report.pdf"),
        # lib.uploads takes audio elsewhere; the incident page takes documents and pictures only.
        (SimpleUploadedFile("call.mp3", b"ID3" + b"\x00" * 40, content_type="audio/mpeg"), "call.mp3"),
        (pdf("empty.pdf", b""), "empty.pdf"),
    ],
)
def test_a_file_refused_is_422_naming_the_field_and_the_file_and_nothing_is_written(
    api, story, events, upload, says
):
    before = stored()
    response = api("hrbp").upload("/incidents/with-evidence", fields(story), [pdf("fine.pdf"), upload])
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "evidence"] and says in error["msg"]
    assert stored() == before and events.types() == []


def test_more_files_than_the_page_takes_are_refused(api, story, events):
    files = [pdf(f"page-{n}.pdf", PDF + bytes([n])) for n in range(11)]
    response = api("hrbp").upload("/incidents/with-evidence", fields(story), files)
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", "evidence"]]
    assert events.types() == []


def test_the_other_fields_are_checked_as_in_the_json_report(api, story, events):
    before = stored()
    response = api("hrbp").upload("/incidents/with-evidence", fields(story, summary=" "), [pdf()])
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"summary"}
    assert stored() == before and events.types() == []


@pytest.mark.parametrize("username", ["employee", "auditor"])
def test_a_role_that_may_not_report_is_refused_before_its_files_are_read(api, story, events, username):
    """Policy first: even a file that would be refused answers 403, and nothing is stored."""
    before = stored()
    bad = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    for files in ([pdf()], [bad]):
        response = api(username).upload("/incidents/with-evidence", fields(story), files)
        assert response.status_code == 403, (username, response.content)
    assert stored() == before and events.types() == []


def test_nobody_reports_about_someone_out_of_their_scope(api, story, events):
    before = stored()
    response = api("other.manager").upload("/incidents/with-evidence", fields(story), [pdf()])
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "employee"]
    assert stored() == before and events.types() == []


def test_evidence_goes_only_to_those_who_may_read_the_incident_file(api, story):
    incident = Incident.objects.filter(employee=story[ZHANG], evidence__isnull=False).first()
    path = f"/incidents/{incident.public_id}/evidence/{incident.evidence.first().sha256}"
    reads = ReadLog.objects.count()
    for username in ("employee", "other.manager"):
        assert api(username).get(path).status_code == 404, username
    assert api(None).get(path).status_code == 401
    assert ReadLog.objects.count() == reads
    assert api("manager").get(path).status_code == 200
    assert api("manager").get(f"/incidents/{incident.public_id}/evidence/{'0' * 64}").status_code == 404
    assert api("manager").get(f"/incidents/{incident.public_id}/evidence/not-a-hash").status_code == 422
