import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Review, ReviewStatus
from dueprocess.reviews.tests.factories import draft_review


def test_opening_a_review_shares_it_with_the_employee(persona, cycle, zhang, events):
    review = draft_review(persona("manager"), cycle, zhang)
    assert not Review.objects.visible_to(persona("employee")).exists()
    review = actions.open_review(review, actor=persona("manager"))
    assert review.status == ReviewStatus.OPEN and review.is_shared
    assert list(Review.objects.visible_to(persona("employee"))) == [review]
    assert events.types()[-1] == "reviews.opened"


def test_a_review_opens_only_once(persona, cycle, zhang):
    review = actions.open_review(draft_review(persona("manager"), cycle, zhang), actor=persona("manager"))
    with pytest.raises(ValidationError):
        actions.open_review(review, actor=persona("manager"))


def test_another_teams_manager_cannot_open_it(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(PermissionDenied):
        actions.open_review(review, actor=persona("other.manager"))
