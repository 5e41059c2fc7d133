"""Answering 360 feedback, and what the summary may show: no names under anonymity, and nothing at
all until the cycle's minimum number of people have answered."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.accounts.models import Role, User
from dueprocess.reviews import actions
from dueprocess.reviews.tests.factories import draft_review, level

DUE = dt.date(2026, 12, 5)
PEERS = ["XQ0008", "XQ0005", "XQ0003"]


def respondent_user(employee):
    existing = User.objects.filter(employee=employee).first()
    return existing or User.objects.create(
        username=f"u{employee.number}", role=Role.EMPLOYEE, employee=employee
    )


def ask_and_answer(review, demo_org, manager, numbers, answer=True):
    requests = []
    for number in numbers:
        request = actions.request_feedback(
            review, actor=manager, respondent=demo_org[number], relationship="peer", due_on=DUE
        )
        if answer:
            request = actions.give_feedback(
                request,
                actor=respondent_user(demo_org[number]),
                answer=f"Answer from {number}",
                rating=level(2),
            )
        requests.append(request)
    return requests


def test_a_colleague_answers_their_own_request(persona, cycle, zhang, demo_org, events):
    review = draft_review(persona("manager"), cycle, zhang)
    (request,) = ask_and_answer(review, demo_org, persona("manager"), ["XQ0008"])
    assert request.is_answered and request.answer == "Answer from XQ0008"
    data = events.of("reviews.feedback_given")[0]
    assert data["answer"] is None, "an anonymous answer stays out of the record's event"


def test_nobody_else_can_answer_for_them(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    (request,) = ask_and_answer(review, demo_org, persona("manager"), ["XQ0008"], answer=False)
    with pytest.raises(PermissionDenied):
        actions.give_feedback(request, actor=persona("manager"), answer="Ghost-written")


def test_an_answer_cannot_be_given_twice_or_after_the_date(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    first, late = ask_and_answer(review, demo_org, persona("manager"), ["XQ0008", "XQ0005"], answer=False)
    user = respondent_user(demo_org["XQ0008"])
    actions.give_feedback(first, actor=user, answer="Fine")
    with pytest.raises(ValidationError):
        actions.give_feedback(first, actor=user, answer="Changed")
    day_after = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)
    with time_machine.travel(day_after, tick=False), pytest.raises(ValidationError) as error:
        actions.give_feedback(late, actor=respondent_user(demo_org["XQ0005"]), answer="Late")
    assert "answer" in error.value.message_dict


def test_anonymous_answers_stay_hidden_below_the_threshold(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    ask_and_answer(review, demo_org, persona("manager"), PEERS[:2])
    summary = review.feedback_summary()
    assert (summary.answered, summary.threshold, summary.withheld, summary.answers) == (2, 3, True, [])


def test_anonymous_answers_show_without_names_once_enough_have_answered(persona, cycle, zhang, demo_org):
    review = draft_review(persona("manager"), cycle, zhang)
    ask_and_answer(review, demo_org, persona("manager"), PEERS)
    summary = review.feedback_summary()
    assert not summary.withheld and len(summary.answers) == 3
    assert all(answer.respondent is None for answer in summary.answers)


def test_a_named_cycle_shows_who_said_what_from_the_first_answer(persona, cycle, zhang, demo_org):
    cycle.anonymous_feedback = False
    cycle.save()
    review = draft_review(persona("manager"), cycle, zhang)
    ask_and_answer(review, demo_org, persona("manager"), PEERS[:1])
    (answer,) = review.feedback_summary().answers
    assert answer.respondent.number == "XQ0008"
