"""The files the employee handed in with their statement, read from the case page by those who decide
the case (HR, legal counsel) and by the auditor; never by the line manager or anyone out of scope,
never through another case's address, and every read written to the read log."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from dueprocess.cases import actions
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.records.models import ReadLog

MEDICAL = b"%PDF-1.4 Dr Chen: signed off sick 2-6 November"


def invite(case, hrbp):
    day = DEMO_TODAY + dt.timedelta(days=2)
    actions.invite_to_hearing(
        case, actor=hrbp, place="Meeting room 3", attendees="HR", agenda="The plan.",
        scheduled_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10))),
    )  # fmt: skip


@pytest.fixture
def statement(open_case, persona):
    """Zhang Wei answers the invitation with a doctor's note."""
    invite(open_case, persona("hrbp"))
    return actions.submit_statement(
        open_case,
        actor=persona("employee"),
        text="I was ill that week.",
        evidence=[("doctor's note.pdf", "application/pdf", MEDICAL)],
    )


def url(statement, sha256: str, case=None) -> str:
    case = case or statement.case
    return reverse("cases:statement_evidence", args=[case.public_id, statement.public_id, sha256])


SHA = hashlib.sha256(MEDICAL).hexdigest()


@pytest.mark.parametrize("username", ["hr.admin", "hrbp", "legal", "auditor"])
def test_those_who_decide_or_audit_the_case_download_the_exact_file_and_the_read_is_logged(
    statement, client_as, persona, username
):
    response = client_as(username).get(url(statement, SHA))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MEDICAL
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    [read] = ReadLog.objects.filter(what="document")
    assert read.user == persona(username)
    assert read.object_ref == f"cases.separationcase:{statement.case.public_id}"
    assert read.path == url(statement, SHA)


@pytest.mark.parametrize("username", ["manager", "other.manager"])
def test_the_line_manager_and_another_team_get_not_found_and_nothing_is_logged(
    statement, client_as, username
):
    assert client_as(username).get(url(statement, SHA)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_a_visitor_is_sent_to_log_in(statement, client):
    response = client.get(url(statement, SHA))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_another_employee_gets_not_found(story, statement, persona, client_as):
    """A colleague of Zhang Wei's, with an employee's account of her own, asks for his file."""
    from dueprocess.accounts.models import Role, User

    colleague = User.objects.create_user("colleague", role=Role.EMPLOYEE, employee=story["XQ0009"])
    assert client_as(colleague.username).get(url(statement, SHA)).status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_a_file_of_another_case_is_not_found_through_this_one(story, statement, persona, client_as):
    """HR may read both cases, and still reads each file only through its own case and statement."""
    hrbp = persona("hrbp")
    other = actions.start_gathering(
        actions.open_case(actor=hrbp, employee=story["XQ0008"], ground="incompetence", summary="S"),
        actor=hrbp,
    )
    invite(other, hrbp)
    elsewhere = b"%PDF-1.4 Sun's own answer"
    answer = actions.submit_statement(
        other, actor=hrbp, text="Handed in on paper.", evidence=[("answer.pdf", "application/pdf", elsewhere)]
    )
    foreign = hashlib.sha256(elsewhere).hexdigest()
    client = client_as("hrbp")
    assert client.get(url(answer, foreign)).status_code == 200
    assert client.get(url(statement, foreign)).status_code == 404  # this statement, the other's hash
    assert client.get(url(answer, SHA, case=statement.case)).status_code == 404  # the other statement
    assert client.get(url(statement, SHA, case=other)).status_code == 404  # this statement, other case
    assert ReadLog.objects.filter(what="document").count() == 1


@pytest.mark.parametrize("sha256", ["0" * 64, SHA.upper(), SHA[:63], "../../settings.py"])
def test_an_unknown_or_malformed_hash_is_not_found(statement, client_as, sha256):
    path = reverse("cases:case_detail", args=[statement.case.public_id])
    response = client_as("legal").get(f"{path}statements/{statement.public_id}/evidence/{sha256}/")
    assert response.status_code == 404
    assert not ReadLog.objects.filter(what="document").exists()


def test_the_case_page_links_the_files_for_hr_and_only_counts_them_for_the_line_manager(statement, client_as):
    link = f'href="{url(statement, SHA)}"'
    page = reverse("cases:case_detail", args=[statement.case.public_id])
    html = client_as("hrbp").get(page).content.decode()
    assert link in html and "doctor&#x27;s note.pdf" in html
    # A file's name can say as much as the file: the manager is told that there is one, no more.
    html = client_as("manager").get(page).content.decode()
    assert "1 file handed in, not shown to you" in html
    assert "doctor" not in html and SHA not in html and link not in html
