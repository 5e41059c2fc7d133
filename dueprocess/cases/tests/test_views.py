"""The case pages: who sees them, the figures only for those who may see wages, and every move
through a form whose bad input shows the error and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.records.models import Event


@pytest.fixture
def demo_cases(story):
    from dueprocess.cases import demo

    demo.load(today=DEMO_TODAY)
    return {c.employee.number: c for c in SeparationCase.objects.select_related("employee")}


def page(client, case):
    return client.get(reverse("cases:case_detail", args=[case.public_id]))


@pytest.mark.parametrize("username", ["hr.admin", "hrbp", "legal", "auditor"])
def test_case_handlers_see_the_case_with_its_figures(demo_cases, client_as, username):
    response = page(client_as(username), demo_cases["XQ0007"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "What the law says now" in html and demo_cases["XQ0007"].latest_assessment.result["total"] in html
    assert "Hearing held" in html and "Notice served" in html


def test_the_line_manager_sees_the_case_but_not_the_figures(demo_cases, client_as):
    response = page(client_as("manager"), demo_cases["XQ0007"])
    html = response.content.decode()
    assert response.status_code == 200
    assert "What the law says now" not in html
    assert demo_cases["XQ0007"].latest_assessment.result["severance"]["amount"] not in html


@pytest.mark.parametrize("username", ["other.manager", "employee"])
def test_others_and_the_employee_get_not_found(demo_cases, client_as, username):
    assert page(client_as(username), demo_cases["XQ0007"]).status_code == 404


def test_the_blocked_case_shows_why(demo_cases, client_as):
    html = page(client_as("hr.admin"), demo_cases["XQ0010"]).content.decode()
    assert "LCL 42(4)" in html and "Not yet lawful" in html


def test_the_list_shows_open_cases_in_scope(demo_cases, client_as):
    html = client_as("hrbp").get(reverse("cases:case_list")).content.decode()
    assert "XQ0007" in html and "XQ0010" not in html
    html = client_as("hr.admin").get(reverse("cases:case_list")).content.decode()
    assert "XQ0007" in html and "XQ0010" in html


def test_opening_a_case_from_the_form(story, client_as):
    zhang = story["XQ0007"]
    client = client_as("hrbp")
    url = reverse("cases:case_open", args=[zhang.public_id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"ground": "incompetence", "summary": "Plan failed."})
    case = SeparationCase.objects.get(employee=zhang)
    assert response.status_code == 302 and case.stage == Stage.DRAFT
    assert client_as("manager").get(url).status_code == 404


def test_a_bad_move_shows_the_error_and_changes_nothing(demo_cases, client_as):
    case = demo_cases["XQ0010"]
    client = client_as("hr.admin")
    events = Event.objects.count()
    url = reverse("cases:case_move", args=[case.public_id, "plan_termination"])
    response = client.post(
        url,
        {
            "plan_termination-notice_given_on": DEMO_TODAY.isoformat(),
            "plan_termination-last_day": (DEMO_TODAY - dt.timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 422
    assert "The last day cannot come before the notice." in response.content.decode()
    assert Event.objects.count() == events and SeparationCase.objects.get(pk=case.pk).last_day is None


def test_a_blocked_move_names_the_article(demo_cases, client_as):
    case = demo_cases["XQ0010"]
    url = reverse("cases:case_move", args=[case.public_id, "invite"])
    response = client_as("hr.admin").post(
        url,
        {
            "invite-scheduled_at": f"{DEMO_TODAY + dt.timedelta(days=3)}T10:00",
            "invite-place": "Room 1",
            "invite-attendees": "HR",
        },
    )
    assert response.status_code == 422 and "LCL 42(4)" in response.content.decode()
    assert not case.hearings.exists()


def test_a_move_through_the_page_is_recorded(story, client_as, persona):
    from dueprocess.cases import actions

    case = actions.open_case(
        actor=persona("hrbp"), employee=story["XQ0007"], ground="incompetence", summary="x"
    )
    url = reverse("cases:case_move", args=[case.public_id, "start_gathering"])
    response = client_as("hrbp").post(url)
    assert response.status_code == 302
    assert SeparationCase.objects.get(pk=case.pk).stage == Stage.GATHERING_EVIDENCE
    assert Event.objects.filter(type="cases.gathering_started").exists()


def test_the_manager_cannot_make_moves(demo_cases, client_as):
    case = demo_cases["XQ0010"]
    url = reverse("cases:case_move", args=[case.public_id, "withdraw"])
    assert client_as("manager").post(url, {"withdraw-reason": "x"}).status_code == 404


def test_layoff_pages_are_for_the_hr_administrator(story, client_as):
    client = client_as("hr.admin")
    numbers = "XQ0009, XQ0011\nXQ0013"
    response = client.post(
        reverse("cases:layoff_create"),
        {
            "name": "Beijing",
            "reason": "Closed.",
            "employees": numbers,
            "headcount": 25,
            "last_day": (DEMO_TODAY + dt.timedelta(days=45)).isoformat(),
            "others_in_period": 0,
        },
    )
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert detail.status_code == 200 and "XQ0011" in detail.content.decode()
    assert client_as("hrbp").get(response["Location"]).status_code == 404
    bad = client_as("hr.admin").post(
        reverse("cases:layoff_create"),
        {
            "name": "x",
            "reason": "y",
            "employees": "XQ0009 NOPE",
            "headcount": 25,
            "last_day": (DEMO_TODAY + dt.timedelta(days=45)).isoformat(),
            "others_in_period": 0,
        },
    )
    assert "Unknown employee numbers: NOPE" in bad.content.decode()


def test_the_profile_shows_the_cases_and_offers_to_open_one(story, client_as):
    from django.urls import reverse

    zhang = story["XQ0007"]
    html = client_as("hrbp").get(reverse("people:employee_detail", args=[zhang.public_id])).content.decode()
    assert reverse("cases:case_open", args=[zhang.public_id]) in html
    profile = reverse("people:employee_detail", args=[zhang.public_id])
    html = client_as("manager").get(profile).content.decode()
    assert reverse("cases:case_open", args=[zhang.public_id]) not in html


def test_the_case_list_is_paged_with_the_same_queries_per_page(story, client_as, persona):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dueprocess.cases import actions, views

    client = client_as("hr.admin")
    actions.open_case(actor=persona("hr.admin"), employee=story["XQ0007"], ground="incompetence", summary="x")
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("cases:case_list"))
    for number in ("XQ0008", "XQ0009", "XQ0011", "XQ0013"):
        actions.open_case(
            actor=persona("hr.admin"), employee=story[number], ground="incompetence", summary="x"
        )
    views.CASES_PER_PAGE = 2
    try:
        with CaptureQueriesContext(connection) as many:
            html = client.get(reverse("cases:case_list") + "?page=2").content.decode()
    finally:
        views.CASES_PER_PAGE = 50
    assert "Page 2 of 3" in html and len(many) == len(one)
