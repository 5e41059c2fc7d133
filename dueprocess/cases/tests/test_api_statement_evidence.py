"""The employee's statement with evidence files through the API (multipart/form-data), as in the
portal and on the case page: the same rule for files, the same action and event on the case's record;
the files handed back to the employee, as among the documents of their portal, and to nobody else."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from dueprocess.api.tests.conftest import ActionEvents
from dueprocess.cases import actions
from dueprocess.cases.models import EmployeeStatement, StatementEvidence
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.records.models import Document, Event, ReadLog

PDF = b"%PDF-1.4 the release log, week 46"


@pytest.fixture
def events(db):
    """The events the actions wrote, leaving out the tests' own API tokens (as the API's tests read)."""
    return ActionEvents(after=Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)


@pytest.fixture
def invited(open_case, persona):
    """Zhang Wei's case with a hearing two days ahead: the statement may be written, and the case is
    shared with him."""
    day = DEMO_TODAY + dt.timedelta(days=2)
    actions.invite_to_hearing(
        open_case, actor=persona("hrbp"), place="Meeting room 3", attendees="HR", agenda="The plan.",
        scheduled_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10))),
    )  # fmt: skip
    return open_case


def pdf(name: str = "release-log.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/html")  # the bytes decide, not this


def stored() -> tuple[int, int, int]:
    return EmployeeStatement.objects.count(), StatementEvidence.objects.count(), Document.objects.count()


def test_the_employee_answers_with_evidence_as_in_the_portal(invited, api, client_as, events):
    path = f"/cases/{invited.public_id}/statements/with-evidence"
    page = client_as("employee").post(
        f"/portal/cases/{invited.public_id}/statement/", {"text": "My answer.", "evidence": [pdf()]}
    )
    assert page.status_code == 302
    response = api("employee").upload(path, {"text": "My answer."}, [pdf()])
    assert response.status_code == 201, response.content
    body, sha256 = response.json(), hashlib.sha256(PDF).hexdigest()
    assert body["on_behalf"] is False
    assert body["evidence"] == [
        {"name": "release-log.pdf", "sha256": sha256, "content_type": "application/pdf", "size": len(PDF)}
    ]
    by_portal, by_api = events.rows()[-2:]
    assert by_portal.type == by_api.type == "cases.statement_submitted"
    assert by_api.chain_id == by_portal.chain_id  # the case's own record
    assert {**by_portal.data, "statement": None} == {**by_api.data, "statement": None}
    assert by_api.data["evidence"] == [{"name": "release-log.pdf", "sha256": sha256}]
    assert by_api.documents == [sha256]

    download = api("employee").get(
        f"/cases/{invited.public_id}/statements/{body['public_id']}/evidence/{sha256}"
    )
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and download["Cache-Control"] == "private, no-store"
    assert ReadLog.objects.filter(what="document", object_label__contains="XQ0007").exists()


def test_hr_enters_a_statement_handed_in_on_paper_and_those_who_decide_read_its_file(
    invited, api, events, persona
):
    response = api("hrbp").upload(
        f"/cases/{invited.public_id}/statements/with-evidence", {"text": "Handed in at reception."}, [pdf()]
    )
    assert response.status_code == 201, response.content
    body, sha256 = response.json(), hashlib.sha256(PDF).hexdigest()
    assert body["on_behalf"] is True and events.of("cases.statement_submitted")[0]["on_behalf"] is True
    listed = api("legal").get(f"/cases/{invited.public_id}").json()["statements"]
    assert [f["sha256"] for s in listed for f in s["evidence"]] == [sha256]
    file_path = f"/cases/{invited.public_id}/statements/{body['public_id']}/evidence/{sha256}"
    # As on the case page and in the portal: HR, legal counsel, the auditor and the employee.
    for username in ("employee", "hrbp", "hr.admin", "legal", "auditor"):
        download = api(username).get(file_path)
        assert download.status_code == 200, username
        assert b"".join(download.streaming_content) == PDF
        assert download["Cache-Control"] == "private, no-store"
        assert ReadLog.objects.filter(user=persona(username), what="document").count() == 1, username
    # Not the line manager (policy.can_read_case_evidence), nor anyone out of scope. The manager reads
    # the statement but not its files' names: `evidence` is absent, only counted.
    (seen,) = api("manager").get(f"/cases/{invited.public_id}").json()["statements"]
    assert "evidence" not in seen and seen["evidence_count"] == 1
    assert "release-log" not in str(seen) and sha256 not in str(seen)
    reads = ReadLog.objects.count()
    for username in ("manager", "other.manager"):
        assert api(username).get(file_path).status_code == 404, username
    assert api(None).get(file_path).status_code == 401
    assert ReadLog.objects.count() == reads


def test_a_file_is_read_only_through_its_own_case_and_statement(invited, api, story, persona):
    hrbp = persona("hrbp")
    other = actions.start_gathering(
        actions.open_case(actor=hrbp, employee=story["XQ0008"], ground="incompetence", summary="S"),
        actor=hrbp,
    )
    actions.invite_to_hearing(
        other, actor=hrbp, place="Room 2", attendees="HR", agenda="The plan.",
        scheduled_at=timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=2), dt.time(10))),
    )  # fmt: skip
    theirs = actions.submit_statement(
        other, actor=hrbp, text="On paper.", evidence=[("theirs.pdf", "application/pdf", b"%PDF-1.4 theirs")]
    )
    mine = actions.submit_statement(
        invited, actor=persona("employee"), text="Mine.", evidence=[("mine.pdf", "application/pdf", PDF)]
    )
    foreign, own = hashlib.sha256(b"%PDF-1.4 theirs").hexdigest(), hashlib.sha256(PDF).hexdigest()
    path = "/cases/{}/statements/{}/evidence/{}"
    assert api("hrbp").get(path.format(other.public_id, theirs.public_id, foreign)).status_code == 200
    for case, statement, sha256 in [
        (invited, mine, foreign),  # another case's file through this statement
        (invited, theirs, own),  # another case's statement under this case
        (other, mine, own),  # this statement under another case
    ]:
        assert api("hrbp").get(path.format(case.public_id, statement.public_id, sha256)).status_code == 404
    # The employee, who may read his own case's files, reads no one else's.
    assert api("employee").get(path.format(other.public_id, theirs.public_id, foreign)).status_code == 404
    assert api("employee").get(path.format(invited.public_id, mine.public_id, own)).status_code == 200


def test_a_malformed_hash_is_refused_before_anything_is_looked_up(invited, api, persona):
    mine = actions.submit_statement(
        invited, actor=persona("employee"), text="Mine.", evidence=[("mine.pdf", "application/pdf", PDF)]
    )
    sha256 = hashlib.sha256(PDF).hexdigest()
    for bad in (sha256.upper(), sha256[:63], sha256 + "0"):
        response = api("legal").get(f"/cases/{invited.public_id}/statements/{mine.public_id}/evidence/{bad}")
        assert response.status_code == 422, bad
    assert not ReadLog.objects.filter(what="document").exists()


@pytest.mark.parametrize(
    "upload, says",
    [
        (SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/pdf"), "setup.exe"),
        (pdf("notes.pdf", b"<html><body>not a pdf</body></html>"), "notes.pdf"),
        (pdf("photo.jpg", b"GIF89a a gif"), "photo.jpg"),
    ],
)
def test_a_file_refused_is_422_naming_the_field_and_the_file_and_nothing_is_written(
    invited, api, events, upload, says
):
    before = stored()
    response = api("employee").upload(
        f"/cases/{invited.public_id}/statements/with-evidence", {"text": "My answer."}, [pdf(), upload]
    )
    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "evidence"] and says in error["msg"]
    assert error["msg"].startswith("Evidence:")  # the case page's label
    assert stored() == before and events.types() == []


def test_the_action_refuses_a_blank_statement_and_keeps_no_file(invited, api, events):
    before = stored()
    response = api("employee").upload(
        f"/cases/{invited.public_id}/statements/with-evidence", {"text": " "}, [pdf()]
    )
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["body", "text"]]
    assert stored() == before and events.types() == []


@pytest.mark.parametrize("username", ["manager", "auditor", "other.manager"])
def test_those_who_may_not_answer_the_case_are_refused_before_their_files_are_read(
    invited, api, events, username
):
    """404 as the JSON statement answers them; even a file that would be refused is never looked at."""
    before = stored()
    bad = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    for files in ([pdf()], [bad]):
        response = api(username).upload(
            f"/cases/{invited.public_id}/statements/with-evidence", {"text": "x"}, files
        )
        assert response.status_code == 404, (username, response.content)
    assert stored() == before and events.types() == []


def test_a_case_not_yet_shared_does_not_exist_for_the_employee(open_case, api, events):
    before = stored()
    response = api("employee").upload(
        f"/cases/{open_case.public_id}/statements/with-evidence", {"text": "x"}, [pdf()]
    )
    assert response.status_code == 404 and stored() == before and events.types() == []
