import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import FeedbackRequest, Relationship
from dueprocess.reviews.tests.factories import draft_review, submitted_review

DUE = dt.date(2026, 12, 5)


def test_the_manager_asks_a_peer_for_feedback(persona, cycle, zhang, demo_org, events):
    review = draft_review(persona("manager"), cycle, zhang)
    request = actions.request_feedback(
        review,
        actor=persona("manager"),
        respondent=demo_org["XQ0008"],
        relationship=Relationship.PEER,
        due_on=DUE,
    )
    assert request.respondent.number == "XQ0008" and not request.is_answered
    assert events.of("reviews.feedback_requested")[0]["anonymous"] is True


def test_it_refuses_the_employee_as_their_own_respondent_and_a_past_date(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError) as error:
        actions.request_feedback(
            review,
            actor=persona("manager"),
            respondent=zhang,
            relationship="peer",
            due_on=dt.date(2026, 11, 1),
        )
    assert {"respondent", "due_on"} <= set(error.value.message_dict)
    assert not FeedbackRequest.objects.exists()


def test_it_asks_each_colleague_only_once(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    ask = {
        "actor": persona("manager"),
        "respondent": demo_org["XQ0008"],
        "relationship": "peer",
        "due_on": DUE,
    }
    actions.request_feedback(review, **ask)
    with pytest.raises(ValidationError):
        actions.request_feedback(review, **ask)


def test_a_submitted_review_takes_no_new_requests(persona, cycle, zhang, demo_org):
    review = submitted_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError):
        actions.request_feedback(
            review, actor=persona("manager"), respondent=demo_org["XQ0008"], relationship="peer", due_on=DUE
        )


def test_another_teams_manager_cannot_ask(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(PermissionDenied):
        actions.request_feedback(
            review,
            actor=persona("other.manager"),
            respondent=demo_org["XQ0008"],
            relationship="peer",
            due_on=DUE,
        )
