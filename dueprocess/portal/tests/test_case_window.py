"""The employee writes a statement while a hearing can be answered, and appeals within the days
allowed after notice; outside, the portal refuses with the date the window closed."""

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dueprocess.cases.models import SeparationCase
from dueprocess.portal.tests.conftest import invite

TOMORROW = "2026-11-25 09:00 +08:00"
AFTER_THE_APPEAL_WINDOW = "2026-12-09 09:00 +08:00"


def zhangs_case() -> SeparationCase:
    return SeparationCase.objects.get(employee__number="XQ0007")


def url(name: str, case) -> str:
    return reverse(f"portal:{name}", args=[case.public_id])


def test_an_invitation_shows_on_the_home_page_and_the_statement_may_be_written(open_case, persona, client_as):
    invite(open_case, persona("hrbp"))
    client = client_as("employee")
    assert (
        "You are invited to a hearing on 2026-11-26 10:00 at Meeting room 3."
        in client.get(reverse("portal:home")).content.decode()
    )
    html = client.get(url("case_detail", open_case)).content.decode()
    assert "before the hearing" in html and "You may bring a companion" in html
    client.post(url("statement", open_case), {"text": "I will bring a colleague."})
    assert open_case.statements.get().text == "I will bring a colleague."


def test_on_the_last_day_of_the_window_the_statement_and_its_evidence_are_kept(told, client_as, events):
    case, client = zhangs_case(), client_as("employee")
    assert "until the end of 2026-11-24" in client.get(url("case_detail", case)).content.decode()
    upload = SimpleUploadedFile("timeline.pdf", b"%PDF-1.4 releases", content_type="application/pdf")
    response = client.post(url("statement", case), {"text": "One more point.", "evidence": [upload]})
    assert response.status_code == 302
    statement = case.statements.get(text="One more point.")
    assert not statement.on_behalf and statement.evidence.get().name == "timeline.pdf"
    assert events.of("cases.statement_submitted")[0]["evidence"][0]["name"] == "timeline.pdf"
    download = client.get(reverse("portal:document", args=[statement.evidence.get().sha256]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 releases"


def test_after_the_window_closes_the_statement_is_refused(told, client_as):
    case = zhangs_case()
    with time_machine.travel(TOMORROW, tick=False):
        client = client_as("employee")
        assert (
            "The window for a written statement closed on 2026-11-24."
            in client.get(url("case_detail", case)).content.decode()
        )
        response = client.post(url("statement", case), {"text": "Too late?"})
    assert "its response window has closed" in response.content.decode()
    assert not case.statements.filter(text="Too late?").exists()


def test_the_employee_appeals_within_the_days_allowed(told, client_as):
    case, client = zhangs_case(), client_as("employee")
    assert (
        "You may appeal against the decision until the end of 2026-12-08."
        in client.get(url("case_detail", case)).content.decode()
    )
    client.post(url("appeal", case), {"grounds": "The third release was not mine to ship."})
    appeal = case.appeals.get()
    assert (
        appeal.grounds == "The third release was not mine to ship." and str(appeal.lodged_on) == "2026-11-24"
    )
    html = client.get(url("case_detail", case)).content.decode()
    assert "Lodge my appeal" not in html and "pending" in html


def test_after_the_appeal_window_the_appeal_is_refused(told, client_as):
    case = zhangs_case()
    with time_machine.travel(AFTER_THE_APPEAL_WINDOW, tick=False):
        client = client_as("employee")
        html = client.get(url("case_detail", case)).content.decode()
        assert "The appeal window closed on 2026-12-08." in html and "Lodge my appeal" not in html
        response = client.post(url("appeal", case), {"grounds": "Late."})
    assert "The appeal window closed 14 days after notice, on 2026-12-08." in response.content.decode()
    assert not case.appeals.exists()
