import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.tests.factories import draft_review, submitted_review


def test_the_employee_writes_a_self_assessment_once_the_review_is_open(persona, cycle, zhang, events):
    review = actions.open_review(draft_review(persona("manager"), cycle, zhang), actor=persona("manager"))
    review = actions.record_self_assessment(review, actor=persona("employee"), text="I shipped most of it.")
    assert review.self_assessment == "I shipped most of it." and review.self_assessed_at is not None
    assert events.of("reviews.self_assessed") == [
        {"review": str(review.public_id), "text": "I shipped most of it."}
    ]


def test_the_employee_cannot_write_on_a_review_not_yet_shared(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(PermissionDenied):
        actions.record_self_assessment(review, actor=persona("employee"), text="Hello")


def test_the_manager_cannot_write_the_employees_self_assessment(persona, cycle, zhang):
    review = actions.open_review(draft_review(persona("manager"), cycle, zhang), actor=persona("manager"))
    with pytest.raises(PermissionDenied):
        actions.record_self_assessment(review, actor=persona("manager"), text="He thinks he did well.")


def test_an_empty_self_assessment_is_refused_by_field(persona, cycle, zhang):
    review = actions.open_review(draft_review(persona("manager"), cycle, zhang), actor=persona("manager"))
    with pytest.raises(ValidationError) as error:
        actions.record_self_assessment(review, actor=persona("employee"), text="  ")
    assert "self_assessment" in error.value.message_dict


def test_a_submitted_review_takes_no_more_self_assessment(persona, cycle, zhang):
    review = submitted_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError):
        actions.record_self_assessment(review, actor=persona("employee"), text="Too late")
