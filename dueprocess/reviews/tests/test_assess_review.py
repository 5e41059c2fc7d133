import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import RatingLevel, RatingScale
from dueprocess.reviews.tests.factories import draft_review, level


def test_the_manager_records_results_ratings_and_an_assessment(persona, cycle, zhang, events):
    review = draft_review(persona("manager"), cycle, zhang)
    first = review.goals.first()
    actions.assess_review(
        review,
        actor=persona("manager"),
        manager_assessment="Late on checkout.",
        rating=level(2),
        goal_results={first.pk: {"result": "Slipped to August", "rating": level(1)}},
    )
    first.refresh_from_db()
    review.refresh_from_db()
    assert (first.result, first.rating.value, review.rating.value) == ("Slipped to August", 1, 2)
    data = events.of("reviews.assessed")[0]
    assert data["rating"] == 2 and data["goals"][0]["result"] == "Slipped to August"


def test_it_refuses_a_rating_from_another_scale(persona, cycle, zhang):
    other = RatingScale.objects.create(code="three", name="三级")
    foreign = RatingLevel.objects.create(scale=other, value=1, label="差")
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError) as error:
        actions.assess_review(review, actor=persona("manager"), rating=foreign)
    assert "rating" in error.value.message_dict
    review.refresh_from_db()
    assert review.rating is None


def test_the_employee_cannot_assess_themselves(persona, cycle, zhang):
    review = draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(PermissionDenied):
        actions.assess_review(review, actor=persona("employee"), rating=level(5))
