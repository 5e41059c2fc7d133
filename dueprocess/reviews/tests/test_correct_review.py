import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Review, ReviewStatus
from dueprocess.reviews.tests.factories import draft_review, level, submitted_review


def test_a_correction_is_a_new_version_that_keeps_the_old_one(persona, cycle, zhang, events):
    old = submitted_review(persona("manager"), cycle, zhang, rating=3)
    goal = old.goals.first()
    new = actions.correct_review(
        old,
        actor=persona("hrbp"),
        reason="Checkout slipped; the first rating was wrong.",
        rating=level(2),
        goal_results={goal.pk: {"result": "Launched in August"}},
    )
    old.refresh_from_db()
    assert old.status == ReviewStatus.SUPERSEDED and old.rating.value == 3
    assert old.goals.get(pk=goal.pk).result == "Done in part"
    assert (new.version, new.corrects, new.status, new.rating.value) == (2, old, ReviewStatus.SUBMITTED, 2)
    assert new.goals.first().result == "Launched in August"
    assert list(Review.objects.current().filter(employee=zhang)) == [new]
    assert events.of("reviews.corrected")[0]["corrects"] == str(old.public_id)


def test_a_correction_needs_a_reason(persona, cycle, zhang):
    old = submitted_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError) as error:
        actions.correct_review(old, actor=persona("manager"), reason="", rating=level(2))
    assert "reason" in error.value.message_dict
    assert Review.objects.count() == 1


def test_a_draft_is_edited_not_corrected(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError) as error:
        actions.correct_review(review, actor=persona("manager"), reason="typo")
    assert "status" in error.value.message_dict


def test_a_superseded_version_cannot_be_corrected_again(persona, cycle, zhang):
    old = submitted_review(persona("manager"), cycle, zhang)
    actions.correct_review(old, actor=persona("manager"), reason="typo")
    with pytest.raises(ValidationError):
        actions.correct_review(old, actor=persona("manager"), reason="again")


def test_the_employee_cannot_correct_their_review(persona, cycle, zhang):
    old = submitted_review(persona("manager"), cycle, zhang)
    with pytest.raises(PermissionDenied):
        actions.correct_review(old, actor=persona("employee"), reason="I disagree")
