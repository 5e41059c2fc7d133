"""Improvement plans through the API: the scope of the pages, and every step through the same actions
(so the same events) as the pages."""

from __future__ import annotations

import pytest

from dueprocess.accounts.models import User
from dueprocess.plans.models import CheckIn, ImprovementPlan, PlanStatus

ZHANG, COLLEAGUE = "XQ0007", "XQ0008"


def goal(**overrides) -> dict:
    return {
        "title": "Written specs before build",
        "metric": "features with a reviewed spec",
        "baseline": "40%",
        "target": "100%",
        "due_on": "2027-01-29",
        "measured_by": "Spec reviews in the wiki",
        **overrides,
    }


def draft_body(story, **overrides) -> dict:
    return {
        "employee": str(story[COLLEAGUE].public_id),
        "reason": "Specs arrive after the build has started.",
        "starts_on": "2026-11-02",
        "ends_on": "2027-01-29",
        "goals": [goal()],
        **overrides,
    }


@pytest.fixture
def published(api, story):
    """A plan for the manager's other report, drafted and published through the API."""
    manager = api("manager")
    plan = manager.post("/plans", draft_body(story)).json()
    assert manager.post(f"/plans/{plan['public_id']}/publish").status_code == 200
    return ImprovementPlan.objects.get(public_id=plan["public_id"])


def check_in_body(story, **overrides) -> dict:
    return {
        "held_on": "2026-11-20",
        "attendees": [str(story[COLLEAGUE].public_id), str(story["XQ0006"].public_id)],
        "notes": "Two specs reviewed before build.",
        "progress": [{"goal": 0, "status": "on_track", "measured": "60%"}],
        **overrides,
    }


def test_the_other_teams_manager_sees_nothing_of_zhang_weis_plan(api, story):
    plan = ImprovementPlan.objects.get(employee=story[ZHANG])
    other = api("other.manager")
    assert other.get("/plans").json() == {"items": [], "count": 0}
    assert other.get(f"/plans/{plan.public_id}").status_code == 404
    assert other.post(f"/plans/{plan.public_id}/acknowledge").status_code == 404


def test_the_employee_sees_their_plan_with_its_story_but_not_a_draft(api, story):
    plan = ImprovementPlan.objects.get(employee=story[ZHANG])
    mine = api("employee").get(f"/plans/{plan.public_id}").json()
    assert mine["status"] == PlanStatus.FAILED and len(mine["check_ins"]) == 4
    assert mine["outcomes"][0]["outcome"] == "failed" and mine["support_actions"]
    assert [v["number"] for v in mine["versions"]] == sorted(v["number"] for v in mine["versions"])
    draft = api("manager").post("/plans", draft_body(story, employee=str(story[ZHANG].public_id))).json()
    assert api("employee").get(f"/plans/{draft['public_id']}").status_code == 404
    assert draft["public_id"] not in {p["public_id"] for p in api("employee").get("/plans").json()["items"]}


def test_a_plan_runs_its_course_through_the_api(api, story, published, events):
    colleague = User.objects.get(employee=story[COLLEAGUE])  # the demo gives colleagues an account
    employee, path = api(colleague.username), f"/plans/{published.public_id}"
    assert employee.post(f"{path}/acknowledge").json()["versions"][-1]["acknowledged_at"]
    assert employee.post(f"{path}/response", {"employee_response": "I will try."}).status_code == 200
    assert api("manager").post(f"{path}/check-ins", check_in_body(story)).status_code == 201
    assert events.types() == ["plans.acknowledged", "plans.responded", "plans.check_in_recorded"]


def test_a_check_in_through_the_api_is_recorded_as_through_the_page(api, story, client_as, published, events):
    goal_pk = published.current.goals.get().pk
    form = {
        "held_on": "2026-11-20",
        "attendees": [story[COLLEAGUE].pk, story["XQ0006"].pk],
        "notes": "Two specs reviewed before build.",
        "employee_comments": "",
        f"progress_{goal_pk}": "on_track",
        f"measured_{goal_pk}": "60%",
    }
    assert client_as("manager").post(f"/plans/{published.public_id}/check-in/", form).status_code == 302
    assert (
        api("manager").post(f"/plans/{published.public_id}/check-ins", check_in_body(story)).status_code
        == 201
    )
    by_page, by_api = events.rows()[-2:]
    assert by_page.type == by_api.type == "plans.check_in_recorded"
    assert {**by_page.data, "check_in": None} == {**by_api.data, "check_in": None}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"held_on": "2026-12-01"}, "held_on"),
        ({"progress": [{"goal": 5, "status": "met"}]}, "progress"),
        ({"attendees": ["00000000-0000-4000-8000-000000000000"]}, "attendees"),
        ({"notes": ""}, "notes"),
        ({"progress": [{"goal": 0, "status": "great"}]}, "status"),
    ],
)
def test_a_check_in_refused_is_422_naming_the_field_and_nothing_is_written(
    api, story, published, events, overrides, field
):
    response = api("manager").post(
        f"/plans/{published.public_id}/check-ins", check_in_body(story, **overrides)
    )
    assert response.status_code == 422
    assert field in {error["loc"][-1] for error in response.json()["detail"]}
    assert not CheckIn.objects.filter(plan=published).exists() and events.types() == []


def test_steps_policy_refuses_are_403(api, story, published, events):
    path = f"/plans/{published.public_id}"
    assert api("hr.admin").post(f"{path}/acknowledge").status_code == 403  # only the employee
    assert api("employee").post(f"{path}/check-ins", check_in_body(story)).status_code == 404  # not theirs
    assert events.types() == []


def test_a_plan_cannot_be_failed_before_it_ends(api, published, events):
    response = api("manager").post(
        f"/plans/{published.public_id}/outcome", {"outcome": "failed", "summary": "No."}
    )
    assert response.status_code == 422
    assert {"decided_on", "evidence"} <= {error["loc"][-1] for error in response.json()["detail"]}
    published.refresh_from_db()
    assert published.status == PlanStatus.ACTIVE and events.types() == []


def test_support_is_offered_and_settled(api, published, events):
    path = f"/plans/{published.public_id}/support"
    body = {
        "kind": "training",
        "description": "Spec-writing course",
        "starts_on": "2026-11-09",
        "ends_on": "2026-11-13",
    }
    support = api("manager").post(path, body).json()
    done = api("manager").post(
        f"{path}/{support['public_id']}/completion", {"happened": True, "completed_on": "2026-11-13"}
    )
    assert done.status_code == 200 and done.json()["status"] == "happened"
    assert events.types() == ["plans.support_added", "plans.support_completed"]
