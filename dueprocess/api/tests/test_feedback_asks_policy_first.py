"""The review and 360-feedback writes ask the policy before they read what the body names: a caller who
may not act is refused (403) whatever they send, and is never told which of their inputs was wrong."""

from __future__ import annotations

import pytest

from dueprocess.reviews import actions
from dueprocess.reviews.models import FeedbackRequest, Review, ReviewCycle
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review

ZHANG = "XQ0007"
NOBODY = "00000000-0000-4000-8000-000000000000"


@pytest.fixture
def open_review(story, persona):
    review = draft_review(persona("manager"), ReviewCycleFactory(), story[ZHANG])
    return actions.open_review(review, actor=persona("manager"))


@pytest.mark.parametrize("respondent", [NOBODY, "XQ0008"])
@pytest.mark.parametrize("username", ["employee", "auditor", "legal"])
def test_asking_for_feedback_is_refused_before_the_respondent_is_looked_up(
    api, story, open_review, events, username, respondent
):
    """Zhang Wei, the auditor and legal counsel read his review and may not ask about him."""
    named = story[respondent].public_id if respondent in story else respondent
    body = {"respondent": str(named), "relationship": "peer", "due_on": "2026-12-10"}
    response = api(username).post(f"/reviews/{open_review.public_id}/feedback-requests", body)
    assert response.status_code == 403, (username, response.content)
    assert "ask for feedback" in response.json()["detail"]
    assert not FeedbackRequest.objects.filter(review=open_review).exists() and events.types() == []


def test_the_manager_who_may_ask_is_still_told_what_is_wrong(api, open_review, events):
    body = {"respondent": NOBODY, "relationship": "peer", "due_on": "2026-12-10"}
    response = api("manager").post(f"/reviews/{open_review.public_id}/feedback-requests", body)
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "respondent"]
    assert events.types() == []


def test_a_cycle_is_refused_before_its_scale_is_looked_up(api, story, events):
    body = {
        "name": "2027 H1",
        "period_starts_on": "2027-01-01",
        "period_ends_on": "2027-06-30",
        "due_on": "2027-07-15",
        "scale": "no-such-scale",
    }
    before = ReviewCycle.objects.count()
    assert api("manager").post("/review-cycles", body).status_code == 403
    assert api("hrbp").post("/review-cycles", body).status_code == 422  # may: told about the scale
    assert ReviewCycle.objects.count() == before and events.types() == []


def test_a_review_is_refused_before_its_cycle_and_employee_are_looked_up(api, story, events):
    body = {"cycle": NOBODY, "employee": NOBODY, "goals": []}
    before = Review.objects.count()
    for username in ("employee", "auditor", "legal"):
        assert api(username).post("/reviews", body).status_code == 403, username
    manager = api("manager").post("/reviews", body)
    assert manager.status_code == 422
    assert {e["loc"][-1] for e in manager.json()["detail"]} == {"cycle", "employee"}
    assert Review.objects.count() == before and events.types() == []


def test_the_colleague_asked_is_told_about_a_rating_off_the_scale(api, story, open_review, persona, events):
    asked = actions.request_feedback(
        open_review, actor=persona("manager"), respondent=persona("legal").employee,
        relationship="other", due_on=open_review.cycle.due_on,
    )  # fmt: skip
    path = f"/feedback-requests/{asked.public_id}/answer"
    assert api("hrbp").post(path, {"answer": "x", "rating": 99}).status_code == 404  # not asked
    response = api("legal").post(path, {"answer": "Careful.", "rating": 99})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["body", "rating"]
    assert events.types() == ["reviews.feedback_requested"]  # the request itself, nothing more
