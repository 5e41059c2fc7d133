"""Reviews through the API: the scope of the pages, and the same actions (so the same events)."""

from __future__ import annotations

import pytest

from dueprocess.reviews import actions
from dueprocess.reviews.models import Review, ReviewStatus
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review

ZHANG = "XQ0007"


@pytest.fixture
def open_review(story, persona):
    """Zhang Wei's review in a new cycle, shared with him for his self-assessment."""
    review = draft_review(persona("manager"), ReviewCycleFactory(), story[ZHANG])
    return actions.open_review(review, actor=persona("manager"))


def listed(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["public_id"] for item in response.json()["items"]]


def test_the_employee_sees_only_their_own_shared_reviews(api, story, persona):
    draft = draft_review(persona("manager"), ReviewCycleFactory(), story[ZHANG])
    mine = listed(api("employee").get("/reviews"))
    shared = Review.objects.current().filter(employee=story[ZHANG], shared_at__isnull=False)
    assert sorted(mine) == sorted(str(r.public_id) for r in shared) and len(mine) == 3
    assert str(draft.public_id) in listed(api("hr.admin").get("/reviews", limit=100))
    assert api("employee").get(f"/reviews/{draft.public_id}").status_code == 404


def test_the_other_teams_manager_sees_no_review_of_zhang_wei(api, story):
    other = api("other.manager")
    zhangs = [str(r.public_id) for r in Review.objects.filter(employee=story[ZHANG])]
    assert not set(listed(other.get("/reviews", limit=100))) & set(zhangs)
    assert all(other.get(f"/reviews/{ident}").status_code == 404 for ident in zhangs)
    assert other.get(f"/reviews/{zhangs[0]}/feedback").status_code == 404


def test_anonymous_feedback_names_nobody(api, story):
    review = Review.objects.current().filter(employee=story[ZHANG]).first()
    summary = api("hr.admin").get(f"/reviews/{review.public_id}/feedback").json()
    assert summary["anonymous"] and not summary["withheld"] and summary["answers"]
    assert all("respondent" not in answer for answer in summary["answers"])


def test_a_self_assessment_through_the_api_is_recorded_as_through_the_page(
    api, open_review, client_as, events
):
    page = client_as("employee").post(
        f"/reviews/{open_review.public_id}/self-assessment/", {"text": "I shipped the beta."}
    )
    assert page.status_code == 302
    response = api("employee").post(
        f"/reviews/{open_review.public_id}/self-assessment", {"self_assessment": "I shipped the beta."}
    )
    assert response.status_code == 200 and response.json()["self_assessment"] == "I shipped the beta."
    by_page, by_api = events.rows()[-2:]
    assert (by_page.type, by_page.data, by_page.actor_id) == (by_api.type, by_api.data, by_api.actor_id)
    assert by_api.type == "reviews.self_assessed"


def test_the_manager_assesses_and_submits(api, open_review, events):
    manager = api("manager")
    body = {
        "manager_assessment": "Steady.",
        "rating": 3,
        "goals": [{"position": 0, "result": "Beta", "rating": 3}],
    }
    assessed = manager.post(f"/reviews/{open_review.public_id}/assessment", body).json()
    assert assessed["rating"]["value"] == 3 and assessed["goals"][0]["result"] == "Beta"
    submitted = manager.post(f"/reviews/{open_review.public_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == ReviewStatus.SUBMITTED
    assert events.types()[-2:] == ["reviews.assessed", "reviews.submitted"]


def test_a_submission_the_action_refuses_is_422_by_field_and_writes_nothing(api, open_review, events):
    response = api("manager").post(f"/reviews/{open_review.public_id}/submit")
    assert response.status_code == 422
    fields = {tuple(error["loc"]) for error in response.json()["detail"]}
    assert {("body", "rating"), ("body", "manager_assessment")} <= fields
    open_review.refresh_from_db()
    assert open_review.status == ReviewStatus.OPEN and events.types() == []


@pytest.mark.parametrize(
    "body, field",
    [
        ({"rating": 9}, "rating"),
        ({"goals": [{"position": 7, "result": "x"}]}, "goals"),
        ({"rating": "high"}, "rating"),
    ],
)
def test_bad_assessment_input_is_422_naming_the_field_and_writes_nothing(
    api, open_review, events, body, field
):
    response = api("manager").post(f"/reviews/{open_review.public_id}/assessment", body)
    assert response.status_code == 422
    assert any(error["loc"][-1] == field or field in error["loc"] for error in response.json()["detail"])
    assert events.types() == []


def test_an_action_policy_refuses_is_403(api, open_review, events):
    assert api("employee").post(f"/reviews/{open_review.public_id}/submit").status_code == 403
    response = api("manager").post(
        f"/reviews/{open_review.public_id}/self-assessment", {"self_assessment": "x"}
    )
    assert response.status_code == 403
    assert events.types() == []


def test_a_correction_is_a_new_version_pointing_at_the_old(api, story):
    review = Review.objects.current().filter(employee=story[ZHANG]).first()
    response = api("hr.admin").post(
        f"/reviews/{review.public_id}/correction", {"reason": "Typo in the rating.", "rating": 2}
    )
    assert response.status_code == 201
    new = response.json()
    assert new["version"] == review.version + 1 and new["corrects"] == str(review.public_id)
    old = api("hr.admin").get(f"/reviews/{review.public_id}").json()
    assert old["status"] == "superseded" and old["corrected_by"] == new["public_id"]


def test_cycles_are_those_of_visible_reviews(api, story):
    ReviewCycleFactory(name="A cycle nobody is reviewed in")
    names = [c["name"] for c in api("employee").get("/review-cycles").json()["items"]]
    assert len(names) == 3 and "A cycle nobody is reviewed in" not in names
    assert "A cycle nobody is reviewed in" in [
        c["name"] for c in api("hr.admin").get("/review-cycles").json()["items"]
    ]


def test_hr_sets_up_a_cycle_and_a_manager_may_not(api, story, events):
    body = {
        "name": "2027 H1",
        "period_starts_on": "2027-01-01",
        "period_ends_on": "2027-06-30",
        "due_on": "2027-07-15",
        "scale": "five-level",
    }
    assert api("manager").post("/review-cycles", body).status_code == 403
    unknown = api("hrbp").post("/review-cycles", {**body, "scale": "ten-level"})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["body", "scale"]
    made = api("hrbp").post("/review-cycles", body)
    assert made.status_code == 201 and len(made.json()["scale"]["levels"]) == 5
    assert events.types() == ["reviews.cycle_created"]


def test_a_review_is_started_opened_and_answered_by_a_colleague(api, story, events):
    manager, cycle = api("manager"), ReviewCycleFactory()
    goals = [{"title": "Ship the beta", "weight": "100", "target": "By March"}]
    body = {"cycle": str(cycle.public_id), "employee": str(story["XQ0008"].public_id), "goals": goals}
    review = manager.post("/reviews", body).json()
    assert review["status"] == "draft" and review["goals"][0]["weight"] == "100.00"
    assert manager.post(f"/reviews/{review['public_id']}/open").json()["status"] == "open"
    ask = {"respondent": str(story[ZHANG].public_id), "relationship": "peer", "due_on": "2026-12-10"}
    asked = manager.post(f"/reviews/{review['public_id']}/feedback-requests", ask)
    assert asked.status_code == 201, asked.content
    inbox = api("employee").get("/feedback-requests").json()["items"]
    assert [item["public_id"] for item in inbox] == [asked.json()["public_id"]]
    assert inbox[0]["employee"]["number"] == "XQ0008" and inbox[0]["answered_at"] is None
    answer = api("employee").post(
        f"/feedback-requests/{inbox[0]['public_id']}/answer", {"answer": "Reliable.", "rating": 4}
    )
    assert answer.status_code == 200 and answer.json()["answered_at"]
    assert events.types() == [
        "reviews.created",
        "reviews.opened",
        "reviews.feedback_requested",
        "reviews.feedback_given",
    ]
    assert api("hrbp").get("/feedback-requests").json()["count"] == 0  # addressed to the respondent only


def test_nobody_reviews_someone_out_of_their_scope(api, story, events):
    body = {
        "cycle": str(ReviewCycleFactory().public_id),
        "employee": str(story[ZHANG].public_id),
        "goals": [],
    }
    response = api("other.manager").post("/reviews", body)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "employee"]
    assert events.types() == []
