"""The employee acknowledges, responds to and comments on a plan while it runs, and not after."""

import datetime as dt

import time_machine
from django.urls import reverse

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import check_in, published


def page(plan) -> str:
    return reverse("portal:plan_detail", args=[plan.public_id])


def test_while_the_plan_runs_the_employee_acknowledges_and_responds(demo_org, persona, zhang, client_as):
    plan = published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 20))
    client = client_as("employee")
    html = client.get(page(plan)).content.decode()
    assert "It is due to end on 2026-12-20" in html and "I acknowledge receiving this plan" in html
    client.post(reverse("portal:plan_acknowledge", args=[plan.public_id]))
    client.post(reverse("portal:plan_respond", args=[plan.public_id]), {"text": "The timeline is tight."})
    version = plan.versions.get()
    assert version.is_acknowledged and version.employee_response == "The timeline is tight."
    html = client.get(page(plan)).content.decode()
    assert "The timeline is tight." in html and "I acknowledge receiving this plan" not in html


def test_the_home_page_asks_for_the_acknowledgement(demo_org, persona, zhang, client_as):
    plan = published(persona("manager"), zhang)
    html = client_as("employee").get(reverse("portal:home")).content.decode()
    assert "Your improvement plan (version 1) awaits your acknowledgement." in html and page(plan) in html


def test_once_the_plan_is_closed_it_can_no_longer_be_answered(demo_org, persona, zhang, client_as):
    plan = published(persona("manager"), zhang)
    with time_machine.travel("2026-11-30 12:00 +08:00", tick=False):
        actions.decide_outcome(plan, actor=persona("hrbp"), outcome="passed", summary="All goals met.")
        client = client_as("employee")
        response = client.post(reverse("portal:plan_acknowledge", args=[plan.public_id]), follow=True)
        assert (
            "This plan is passed: it can no longer be acknowledged or answered." in response.content.decode()
        )
        response = client.post(reverse("portal:plan_respond", args=[plan.public_id]), {"text": "Late"})
        assert "it can no longer be acknowledged or answered" in response.content.decode()
        html = client.get(page(plan)).content.decode()
    assert "This plan closed as passed on 2026-11-30" in html and "Add my response" not in html
    version = plan.versions.get()
    assert not version.is_acknowledged and not version.employee_response


def test_the_employee_comments_on_a_check_in_while_the_plan_runs(demo_org, persona, zhang, client_as):
    plan = published(persona("manager"), zhang)
    meeting = check_in(plan, persona("manager"), [zhang])
    client = client_as("employee")
    url = reverse("portal:check_in_comment", args=[plan.public_id, meeting.public_id])
    client.post(url, {f"check-in-{meeting.public_id}-text": "The test server was down."})
    meeting.refresh_from_db()
    assert meeting.employee_comments == "The test server was down."
    assert "Your comments" in client.get(page(plan)).content.decode()


def test_a_blank_response_names_the_field(demo_org, persona, zhang, client_as):
    plan = published(persona("manager"), zhang)
    response = client_as("employee").post(
        reverse("portal:plan_respond", args=[plan.public_id]), {"text": " "}
    )
    assert response.status_code == 200 and "This field is required." in response.content.decode()
