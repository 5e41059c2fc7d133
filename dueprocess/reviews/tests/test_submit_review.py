import pytest
from django.core.exceptions import ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import ReviewStatus
from dueprocess.reviews.tests.factories import draft_review, level, submitted_review


def test_a_submitted_review_is_locked_and_shared(persona, cycle, zhang, events):
    review = submitted_review(persona("manager"), cycle, zhang)
    assert review.status == ReviewStatus.SUBMITTED and review.is_locked and review.is_shared
    assert review.submitted_by == persona("manager")
    assert events.types()[-1] == "reviews.submitted"
    with pytest.raises(ValidationError):
        actions.assess_review(review, actor=persona("manager"), manager_assessment="Changed my mind")


def test_it_names_what_is_missing_before_submission(persona, cycle, zhang):
    review = draft_review(
        persona("manager"), cycle, zhang, goals=[{"title": "A", "weight": "50", "target": "x"}]
    )
    with pytest.raises(ValidationError) as error:
        actions.submit_review(review, actor=persona("manager"))
    assert set(error.value.message_dict) == {"goals", "manager_assessment", "rating"}
    review.refresh_from_db()
    assert review.status == ReviewStatus.DRAFT


def test_it_submits_once_the_weights_add_up_and_the_rating_is_chosen(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    actions.assess_review(review, actor=persona("manager"), manager_assessment="Fine.", rating=level(3))
    assert actions.submit_review(review, actor=persona("manager")).status == ReviewStatus.SUBMITTED
