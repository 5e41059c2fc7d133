"""The dashboard lists the user's open work, only what policy lets them see, with a number of
queries that does not grow with the number of rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dueprocess.cases.tests.conftest import DEMO_TODAY, _frozen_today  # noqa: F401 - time stands still


@pytest.fixture
def demo_story(demo_org):
    from dueprocess.cases import demo as cases_demo
    from dueprocess.plans import demo as plans_demo
    from dueprocess.reviews import demo as reviews_demo

    reviews_demo.load(today=DEMO_TODAY)
    plans_demo.load(today=DEMO_TODAY)
    cases_demo.load(today=DEMO_TODAY)
    return demo_org


def html_for(client_as, username) -> str:
    return client_as(username).get(reverse("web:home")).content.decode()


def test_hr_sees_the_blocked_case_and_the_ending_employment(demo_story, client_as):
    html = html_for(client_as, "hr.admin")
    assert "Cases the law engine blocks" in html and "吴静" in html
    assert "Employment ending soon" in html and "张伟" in html


def test_the_hr_partner_does_not_see_cases_outside_their_departments(demo_story, client_as):
    html = html_for(client_as, "hrbp")
    assert "张伟" in html and "吴静" not in html


def test_a_manager_of_another_team_sees_no_case(demo_story, client_as):
    html = html_for(client_as, "other.manager")
    assert "张伟" not in html and "Employment ending soon" not in html


def test_decisions_waiting_for_approval_leave_the_list_of_whoever_approved(demo_org, client_as, persona):
    from dueprocess.cases import actions
    from dueprocess.cases.tests.conftest import DEMO_TODAY as today
    from dueprocess.cases.tests.test_blockers_and_the_story import _ready_for_approval
    from dueprocess.plans import demo as plans_demo
    from dueprocess.reviews import demo as reviews_demo

    reviews_demo.load(today=today)
    plans_demo.load(today=today)
    case = actions.open_case(
        actor=persona("hrbp"), employee=demo_org["XQ0007"], ground="incompetence", summary="x"
    )
    case = _ready_for_approval(
        actions.start_gathering(case, actor=persona("hrbp")), persona, demo_org["XQ0007"]
    )
    assert "Decisions waiting for your approval" in html_for(client_as, "legal")
    actions.decide_approval(case, actor=persona("legal"), capacity="legal", decision="approved")
    assert "Decisions waiting for your approval" not in html_for(client_as, "legal")
    assert "Decisions waiting for your approval" in html_for(client_as, "hrbp")
    assert "Decisions waiting for your approval" not in html_for(client_as, "manager")


def test_the_query_count_does_not_grow_with_rows(demo_story, client_as, persona):
    from dueprocess.cases import actions

    client = client_as("hr.admin")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("web:home"))
    for number in ("XQ0009", "XQ0011", "XQ0013", "XQ0008"):
        case = actions.open_case(
            actor=persona("hr.admin"), employee=demo_story[number], ground="incompetence", summary="x"
        )
        actions.start_gathering(case, actor=persona("hr.admin"))
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("web:home"))
    assert len(many) == len(few)
