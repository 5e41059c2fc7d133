import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.reviews import actions
from dueprocess.reviews.models import Review, ReviewStatus
from dueprocess.reviews.tests.factories import TWO_GOALS, draft_review


def test_a_manager_creates_a_draft_review_with_weighted_goals(persona, cycle, zhang, events):
    review = draft_review(persona("manager"), cycle, zhang)
    assert review.status == ReviewStatus.DRAFT and review.version == 1
    assert [g.title for g in review.goals.all()] == [g["title"] for g in TWO_GOALS]
    assert review.weight_total() == 100
    assert events.types() == ["reviews.created"]
    assert events.of("reviews.created")[0]["goals"][0]["weight"] == "60"


def test_it_refuses_a_review_without_goals(persona, cycle, zhang):
    with pytest.raises(ValidationError) as error:
        actions.create_review(actor=persona("manager"), cycle=cycle, employee=zhang, goals=[])
    assert "goals" in error.value.message_dict
    assert not Review.objects.exists()


def test_it_names_a_goal_without_a_target_or_with_a_bad_weight(persona, cycle, zhang):
    goals = [{"title": "Roadmap", "weight": "0", "target": ""}]
    with pytest.raises(ValidationError) as error:
        actions.create_review(actor=persona("manager"), cycle=cycle, employee=zhang, goals=goals)
    messages = error.value.message_dict["goals"]
    assert any("target" in m for m in messages) and any("weight" in m for m in messages)


def test_it_refuses_a_second_review_in_the_same_cycle(persona, cycle, zhang):
    draft_review(persona("manager"), cycle, zhang)
    with pytest.raises(ValidationError) as error:
        draft_review(persona("hrbp"), cycle, zhang)
    assert "employee" in error.value.message_dict


@pytest.mark.parametrize("username", ["other.manager", "employee", "legal", "auditor"])
def test_only_hr_and_the_line_manager_create_reviews(persona, cycle, zhang, username):
    with pytest.raises(PermissionDenied):
        draft_review(persona(username), cycle, zhang)


def test_nobody_reviews_themselves(persona, cycle, demo_org):
    with pytest.raises(PermissionDenied):
        draft_review(persona("manager"), cycle, demo_org["XQ0006"])
