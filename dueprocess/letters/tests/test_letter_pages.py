"""The letter pages: preview and issue from the case, the letter with its PDF (always a download,
always through the policy, written to the read log), the employee's acknowledgement and refusal with
their address and browser, and delivery recorded by other means."""

from __future__ import annotations

from django.urls import reverse

from dueprocess.letters import actions
from dueprocess.letters.models import Letter
from dueprocess.plans.models import ImprovementPlan
from dueprocess.records.models import ReadLog


def new_url(case) -> str:
    return reverse("letters:letter_new", args=["case", case.public_id])


def test_hr_previews_the_letter_then_issues_and_delivers_it(zhang_case, client_as):
    client = client_as("hrbp")
    page = client.get(new_url(zhang_case), {"kind": "termination_notice", "language": "zh-hans"})
    assert page.status_code == 200 and "解除劳动合同通知书" in page.content.decode()
    assert "262,933.33" in page.content.decode() and not Letter.objects.exists()
    issued = client.post(
        new_url(zhang_case), {"kind": "termination_notice", "language": "zh-hans", "deliver": "1"}
    )
    letter = Letter.objects.get()
    assert issued.status_code == 302 and issued.url == reverse(
        "letters:letter_detail", args=[letter.public_id]
    )
    assert letter.status == "delivered" and letter.delivered_at is not None
    page = client.get(issued.url).content.decode()
    assert letter.sha256 in page and "262,933.33" in page and "employee portal" in page


def test_a_letter_that_cannot_be_written_says_why_on_the_page(zhang_case, client_as):
    page = client_as("hrbp").get(new_url(zhang_case), {"kind": "ca_final_pay", "language": "en"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode(), (
        "California letters are not offered for a PRC case"
    )


def test_those_who_do_not_write_the_cases_letters_get_not_found(zhang_case, client_as):
    for username in ("manager", "employee", "other.manager", "auditor"):
        assert client_as(username).get(new_url(zhang_case)).status_code == 404, username


def test_the_pdf_is_a_download_through_the_policy_and_the_read_log(zhang_case, persona, client_as):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    url = reverse("letters:letter_download", args=[letter.public_id])
    response = client_as("legal").get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert ReadLog.objects.filter(user=persona("legal"), what="document").exists()
    assert client_as("other.manager").get(url).status_code == 404
    assert client_as("employee").get(url).status_code == 404, "not delivered to the employee yet"


def test_the_employee_acknowledges_in_the_portal_with_their_address_and_browser(zhang_case, persona, client):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    actions.deliver_letter(letter, actor=persona("hrbp"), email=False)
    client.force_login(persona("employee"))
    assert letter.subject in client.get(reverse("letters:my_letters")).content.decode()
    page = client.get(reverse("letters:letter_detail", args=[letter.public_id])).content.decode()
    assert letter.sha256 in page and "I acknowledge receiving this letter" in page
    client.post(
        reverse("letters:letter_acknowledge", args=[letter.public_id]),
        {"sha256": letter.sha256},
        REMOTE_ADDR="192.0.2.10",
        HTTP_USER_AGENT="Mozilla/5.0 (test)",
    )
    answer = letter.acknowledgements.get()
    assert (answer.ip, answer.user_agent, answer.sha256, answer.refused) == (
        "192.0.2.10",
        "Mozilla/5.0 (test)",
        letter.sha256,
        False,
    )


def test_the_employee_may_refuse_and_hr_records_delivery_before_witnesses(zhang_case, persona, client_as):
    letter = actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))
    actions.deliver_letter(letter, actor=persona("hrbp"), email=False)
    client_as("employee").post(
        reverse("letters:letter_refuse", args=[letter.public_id]), {"note": "I disagree."}
    )
    assert letter.acknowledgements.get().refused
    hr = client_as("hrbp")
    url = reverse("letters:letter_record_delivery", args=[letter.public_id])
    assert hr.get(url).status_code == 200
    form = {"channel": "in_person", "delivered_at": "2026-11-24T11:00", "witnesses": "Liu Fang", "note": ""}
    assert hr.post(url, form).status_code == 302
    assert letter.deliveries.filter(channel="in_person", witnesses="Liu Fang").exists()


def test_the_plan_page_lists_its_letters_and_offers_the_manager_to_write_one(
    story, zhang, persona, client_as
):
    plan = ImprovementPlan.objects.get(employee=zhang)
    letter = actions.issue_letter("plan_notice", plan, "en", actor=persona("manager"))
    page = client_as("manager").get(reverse("plans:plan_detail", args=[plan.public_id])).content.decode()
    assert reverse("letters:letter_detail", args=[letter.public_id]) in page
    assert reverse("letters:letter_new", args=["plan", plan.public_id]) in page
    check_in = plan.check_ins.first()
    assert reverse("letters:letter_new", args=["check-in", check_in.public_id]) in page
    own = client_as("employee").get(reverse("plans:plan_detail", args=[plan.public_id])).content.decode()
    assert "letters/new/" not in own and reverse("letters:letter_detail", args=[letter.public_id]) not in own
