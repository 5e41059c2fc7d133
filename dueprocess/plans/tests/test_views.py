"""Plan pages: who sees what, and forms that name the field at fault."""

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.plans import demo as plans_demo
from dueprocess.plans.models import CheckIn, ImprovementPlan
from dueprocess.plans.tests.factories import draft, published
from dueprocess.reviews import demo as reviews_demo


@pytest.fixture
def story(demo_org):
    reviews_demo.load(today=dt.date(2026, 11, 24))
    plans_demo.load(today=dt.date(2026, 11, 24))
    return ImprovementPlan.objects.get(employee__number="XQ0007")


def detail(plan):
    return reverse("plans:plan_detail", args=[plan.public_id])


def test_the_employee_reads_their_own_plan_in_the_portal(story, client_as):
    response = client_as("employee").get(detail(story))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:plan_detail", args=[story.public_id])


@pytest.mark.parametrize("username", ["manager", "hrbp", "legal", "auditor"])
def test_the_plan_page_shows_goals_support_check_ins_and_outcome(story, client_as, username):
    page = client_as(username).get(detail(story)).content.decode()
    assert "Ship releases on the agreed date" in page and "Xingqiao Academy" in page
    assert page.count("<article>") == 4 and "One of four releases" in page


def test_another_teams_manager_gets_not_found_everywhere(story, client_as):
    client = client_as("other.manager")
    for name in ("plan_detail", "plan_edit", "check_in_create", "outcome_create"):
        assert client.get(reverse(f"plans:{name}", args=[story.public_id])).status_code == 404
    assert "张伟" not in client.get(reverse("plans:plan_list")).content.decode()


def test_the_employee_does_not_see_a_draft(demo_org, persona, client_as):
    plan = draft(persona("manager"), demo_org["XQ0007"])
    assert client_as("employee").get(detail(plan)).status_code == 404


def test_the_employee_acknowledges_and_responds_from_the_page(demo_org, persona, client_as):
    plan = published(persona("manager"), demo_org["XQ0007"])
    client = client_as("employee")
    assert "I acknowledge receiving this plan" in client.get(detail(plan), follow=True).content.decode()
    client.post(reverse("plans:plan_acknowledge", args=[plan.public_id]))
    client.post(reverse("plans:plan_respond", args=[plan.public_id]), {"text": "The timeline is tight."})
    plan.refresh_from_db()
    assert plan.current.is_acknowledged and plan.current.employee_response == "The timeline is tight."


def test_a_check_in_after_the_plan_ended_is_shown_beside_the_date(demo_org, persona, client_as):
    plan = published(persona("manager"), demo_org["XQ0007"])
    goals = list(plan.current.goals.all())
    data = {"held_on": "2026-11-22", "notes": "Late", "attendees": [demo_org["XQ0007"].pk]}
    data |= {f"progress_{g.pk}": "behind" for g in goals}
    response = client_as("manager").post(reverse("plans:check_in_create", args=[plan.public_id]), data)
    assert response.status_code == 200 and "a check-in cannot come after it" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_the_manager_drafts_a_plan_through_the_form(demo_org, client_as):
    zhang = demo_org["XQ0007"]
    goal = {
        "goals-0-title": "Releases",
        "goals-0-metric": "on-time releases",
        "goals-0-baseline": "1/4",
        "goals-0-target": "4/4",
        "goals-0-due_on": "2026-12-20",
        "goals-0-measured_by": "release log",
    }
    form = {
        "goals-TOTAL_FORMS": "2",
        "goals-INITIAL_FORMS": "0",
        "reason": "Missed launches",
        "starts_on": "2026-11-25",
        "ends_on": "2026-12-24",
        **goal,
    }
    response = client_as("manager").post(reverse("plans:plan_create", args=[zhang.public_id]), form)
    plan = ImprovementPlan.objects.get(employee=zhang)
    assert response.status_code == 302 and plan.current.goals.count() == 1


def test_a_plan_without_goals_is_refused_on_the_form(demo_org, client_as):
    form = {
        "goals-TOTAL_FORMS": "2",
        "goals-INITIAL_FORMS": "0",
        "reason": "x",
        "starts_on": "2026-11-25",
        "ends_on": "2026-12-24",
    }
    response = client_as("manager").post(
        reverse("plans:plan_create", args=[demo_org["XQ0007"].public_id]), form
    )
    assert "A plan needs at least one measurable goal." in response.content.decode()
    assert not ImprovementPlan.objects.exists()


def test_the_manager_adds_training_and_records_that_it_happened(demo_org, persona, client_as):
    plan = published(persona("manager"), demo_org["XQ0007"])
    client = client_as("manager")
    form = {
        "kind": "training",
        "description": "Delivery course",
        "starts_on": "2026-09-08",
        "ends_on": "2026-09-10",
    }
    assert client.post(reverse("plans:support_create", args=[plan.public_id]), form).status_code == 302
    course = plan.support_actions.get()
    url = reverse("plans:support_complete", args=[plan.public_id, course.public_id])
    client.post(url, {"happened": "yes", "completed_on": "2026-09-10", "note": ""})
    assert plan.training_or_job_adjustment_done()


def test_support_dates_out_of_order_are_named_on_the_form(demo_org, persona, client_as):
    plan = published(persona("manager"), demo_org["XQ0007"])
    form = {"kind": "coaching", "description": "Weekly", "starts_on": "2026-09-10", "ends_on": "2026-09-08"}
    response = client_as("manager").post(reverse("plans:support_create", args=[plan.public_id]), form)
    assert "The support cannot end before it starts." in response.content.decode()
    assert not plan.support_actions.exists()
