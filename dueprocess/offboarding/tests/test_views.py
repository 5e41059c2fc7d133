"""The offboarding pages: what each role sees and may do, each write through its action."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from dueprocess.offboarding import actions
from dueprocess.offboarding.models import Checklist, Dispute, ExitInterview, Questionnaire, TaskStatus
from dueprocess.offboarding.tests.conftest import day, task


def url(case, rest: str = "") -> str:
    return f"/offboarding/{case.public_id}/{rest}"


def test_hr_creates_the_checklist_from_the_page(offboarding, client_as):
    client = client_as("hrbp")
    assert "Create the checklist" in client.get(url(offboarding)).content.decode()
    assert client.post(url(offboarding, "checklist/")).status_code == 302
    page = client.get(url(offboarding)).content.decode()
    assert "Termination certificate issued" in page and "2026-12-09" in page and "required by law" in page


def test_a_task_is_done_from_the_page_and_a_refusal_is_named(checklist, client_as):
    client = client_as("hrbp")
    handover = task(checklist, "handover")
    client.post(
        url(checklist.case, f"tasks/{handover.public_id}/done/"), {"done_on": "2026-11-24", "note": "OK"}
    )
    assert task(checklist, "handover").status == TaskStatus.DONE
    certificate = task(checklist, "termination_certificate")
    response = client.post(
        url(checklist.case, f"tasks/{certificate.public_id}/not-applicable/"), {"reason": "x"}, follow=True
    )
    assert "only legal counsel" in response.content.decode()
    assert task(checklist, "termination_certificate").is_open


def test_the_line_manager_sees_the_checklist_and_does_their_own_task_but_no_figures(
    checklist, persona, client_as
):
    actions.create_settlement(checklist.case, actor=persona("hrbp"))
    client = client_as("manager")
    page = client.get(url(checklist.case)).content.decode()
    assert "Handover of work completed" in page and "Settlement" not in page and "234133.33" not in page
    handover, certificate = task(checklist, "handover"), task(checklist, "termination_certificate")
    client.post(url(checklist.case, f"tasks/{handover.public_id}/done/"), {"done_on": "2026-11-24"})
    assert task(checklist, "handover").status == TaskStatus.DONE
    refused = client.post(
        url(checklist.case, f"tasks/{certificate.public_id}/done/"), {"done_on": "2026-11-24"}
    )
    assert refused.status_code == 403 and task(checklist, "termination_certificate").is_open


@pytest.mark.parametrize("username", ["other.manager", "employee"])
def test_those_who_may_not_read_the_case_get_nothing(checklist, client_as, username):
    client = client_as(username)
    assert client.get(url(checklist.case)).status_code == 404
    assert client.post(url(checklist.case, "checklist/")).status_code == 404


def test_the_settlement_from_draw_up_to_paid(offboarding, client_as):
    hrbp = client_as("hrbp")
    hrbp.post(url(offboarding, "settlement/"))
    hrbp.post(
        url(offboarding, "settlement/line/"),
        {"kind": "unused_leave", "amount": "1200.00", "reason": "3 days"},
    )
    settlement = offboarding.settlement
    assert settlement.total() == Decimal(offboarding.latest_assessment.result["total"]) + Decimal("1200.00")
    page = hrbp.get(url(offboarding)).content.decode()
    assert "1200.00" in page and "awaiting approval" in page
    admin = client_as("hr.admin")
    admin.post(url(offboarding, "settlement/approve/"))
    admin.post(url(offboarding, "settlement/paid/"), {"paid_on": "2026-11-24", "reference": "PAY-7"})
    assert settlement.is_paid()


def test_the_exit_interview_form_then_its_answers_for_hr_only(offboarding, client_as):
    questions = Questionnaire.objects.get(name="Exit interview").questions.all()
    data = {
        "held_on": "2026-11-24",
        **{f"question_{q.pk}": "4" if q.kind == "scale" else "Candid." for q in questions},
    }
    hrbp = client_as("hrbp")
    assert hrbp.post(url(offboarding, "exit-interview/"), data).status_code == 302
    assert ExitInterview.objects.get(case=offboarding).answers.count() == len(questions)
    assert "Candid." in hrbp.get(url(offboarding, "exit-interview/")).content.decode()
    assert client_as("legal").get(url(offboarding, "exit-interview/")).status_code == 404


def test_a_late_dispute_is_recorded_with_a_warning_and_links_to_the_record(offboarding, client_as):
    import time_machine

    with time_machine.travel(f"{day(400)} 12:00 +08:00", tick=False):
        response = client_as("legal").post(
            url(offboarding, "disputes/new/"),
            {"forum": "cn_arbitration", "filed_on": day(380).isoformat(), "claims": "2N"},
            follow=True,
        )
    page = response.content.decode()
    assert "filed after the limitation ended on 2027-11-24" in page and "LDAL 27" in page
    assert "evidence bundle" in page and "/records/chains/" in page
    assert Dispute.objects.get(case=offboarding).filed_after_limitation


def test_the_task_list_shows_my_open_tasks(checklist, client_as):
    page = client_as("manager").get("/offboarding/").content.decode()
    assert "Handover of work completed" in page and "Termination certificate" not in page
    assert "Termination certificate issued" in client_as("hrbp").get("/offboarding/").content.decode()


def test_the_panel_on_the_case_page(checklist, persona):
    request = RequestFactory().get("/")
    request.user = persona("manager")
    html = Template("{% load offboarding %}{% offboarding_panel case %}").render(
        Context({"request": request, "case": checklist.case})
    )
    assert "Termination certificate issued" in html and "2026-11-24" in html
    assert "the case cannot close" in html and "Settlement" not in html
    assert f"/offboarding/{checklist.case.public_id}/" in html


def test_the_panel_shows_the_settlement_to_hr(checklist, persona):
    actions.create_settlement(checklist.case, actor=persona("hrbp"))
    request = RequestFactory().get("/")
    request.user = persona("hrbp")
    html = Template("{% load offboarding %}{% offboarding_panel case %}").render(
        Context({"request": request, "case": checklist.case})
    )
    assert "CNY" in html and "not fully paid" in html


def test_without_a_checklist_the_page_explains(served, client_as):
    assert not Checklist.objects.filter(case=served).exists()
    page = client_as("manager").get(url(served)).content.decode()
    assert "No checklist yet." in page
