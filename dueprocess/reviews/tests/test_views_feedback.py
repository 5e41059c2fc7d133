"""360 feedback on the pages: asking from the review, answering from "feedback asked of you", and
the summary that keeps its promise of anonymity."""

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.accounts.models import Role, User
from dueprocess.reviews import actions
from dueprocess.reviews.models import FeedbackRequest
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review, level

ASK = {"respondent": "XQ0008 · 孙晓梅", "relationship": "peer", "due_on": "2026-12-10"}


@pytest.fixture
def review(cycle, zhang, persona):
    return actions.open_review(draft_review(persona("manager"), cycle, zhang), actor=persona("manager"))


def colleague(demo_org, number):
    user, _created = User.objects.get_or_create(
        username=f"colleague.{number}", defaults={"role": Role.EMPLOYEE, "employee": demo_org[number]}
    )
    return user


def ask(review, persona, demo_org, number, relationship="peer"):
    return actions.request_feedback(
        review, actor=persona("manager"), respondent=demo_org[number], relationship=relationship,
        due_on=dt.date(2026, 12, 10),
    )  # fmt: skip


def test_the_manager_asks_a_colleague_from_the_review_page(review, client_as, events):
    url = reverse("reviews:feedback_request", args=[review.public_id])
    response = client_as("manager").post(url, ASK)
    assert response.status_code == 302 and response["Location"].endswith("#feedback")
    request = FeedbackRequest.objects.get()
    assert (request.respondent.number, request.relationship, request.review) == ("XQ0008", "peer", review)
    assert events.types() == ["reviews.feedback_requested"]


@pytest.mark.parametrize(
    "change, field",
    [({"respondent": "XQ0007"}, "respondent"), ({"respondent": "XQ9999"}, "respondent"),
     ({"due_on": "2026-11-01"}, "due_on"), ({"relationship": "friend"}, "relationship")],
)  # fmt: skip
def test_a_bad_request_is_named_on_the_review_page_and_nothing_is_written(review, client_as, change, field):
    url = reverse("reviews:feedback_request", args=[review.public_id])
    response = client_as("manager").post(url, {**ASK, **change})
    assert response.status_code == 200 and f'id="id_{field}_error"' in response.content.decode()
    assert not FeedbackRequest.objects.exists()


@pytest.mark.parametrize("username", ["other.manager", "employee", "legal"])
def test_only_those_who_review_the_employee_ask_for_feedback(review, client_as, username):
    url = reverse("reviews:feedback_request", args=[review.public_id])
    assert client_as(username).post(url, ASK).status_code == 404
    assert not FeedbackRequest.objects.exists()
    detail = client_as(username).get(reverse("reviews:review_detail", args=[review.public_id]))
    assert url not in detail.content.decode()


def test_the_respondent_answers_from_their_own_list(review, persona, demo_org, client, events):
    request = ask(review, persona, demo_org, "XQ0008")
    client.force_login(colleague(demo_org, "XQ0008"))
    listing = client.get(reverse("reviews:feedback_list")).content.decode()
    url = reverse("reviews:feedback_answer", args=[request.public_id])
    assert url in listing and "张伟" in listing
    assert client.get(url).status_code == 200
    response = client.post(url, {"answer": "Clear specs, late warnings.", "rating": level(2).pk})
    request.refresh_from_db()
    assert response.status_code == 302 and request.answer == "Clear specs, late warnings."
    assert request.rating == level(2) and "reviews.feedback_given" in events.types()


def test_a_blank_answer_is_named_and_nothing_is_written(review, persona, demo_org, client):
    request = ask(review, persona, demo_org, "XQ0008")
    client.force_login(colleague(demo_org, "XQ0008"))
    response = client.post(reverse("reviews:feedback_answer", args=[request.public_id]), {"answer": "  "})
    assert 'id="id_answer_error"' in response.content.decode()
    request.refresh_from_db()
    assert not request.is_answered


@pytest.mark.parametrize("username", ["manager", "employee", "hr.admin", "other.manager"])
def test_nobody_but_the_respondent_reaches_the_request(review, persona, demo_org, client_as, username):
    request = ask(review, persona, demo_org, "XQ0008")
    url = reverse("reviews:feedback_answer", args=[request.public_id])
    assert client_as(username).get(url).status_code == 404
    assert client_as(username).post(url, {"answer": "Not mine to give."}).status_code == 404
    request.refresh_from_db()
    assert not request.is_answered


def test_the_summary_waits_for_the_threshold_and_never_names_anyone(review, persona, demo_org, client_as):
    requests = [ask(review, persona, demo_org, n) for n in ("XQ0008", "XQ0019", "XQ0025")]
    for request, text in zip(requests[:2], ("Answer one", "Answer two"), strict=True):
        actions.give_feedback(request, actor=colleague(demo_org, request.respondent.number), answer=text)
    page = (
        client_as("manager").get(reverse("reviews:review_detail", args=[review.public_id])).content.decode()
    )
    assert "2 of 3 colleagues have answered." in page and "Answer one" not in page
    actions.give_feedback(requests[2], actor=colleague(demo_org, "XQ0025"), answer="Answer three")
    page = (
        client_as("manager").get(reverse("reviews:review_detail", args=[review.public_id])).content.decode()
    )
    summary = page[page.index('id="feedback"') : page.index("Ask a colleague")]
    assert "Answer one" in summary and "Answer three" in summary
    assert not any(name in summary for name in ("孙晓梅", "刘婷婷", "黄梓萱")), (
        "anonymous answers name no one"
    )


def test_without_anonymity_the_manager_sees_who_was_asked(demo_org, zhang, persona, client_as):
    cycle = ReviewCycleFactory(anonymous_feedback=False)
    review = draft_review(persona("manager"), cycle, zhang)
    ask(review, persona, demo_org, "XQ0008")
    page = (
        client_as("manager").get(reverse("reviews:review_detail", args=[review.public_id])).content.decode()
    )
    assert "孙晓梅" in page


def test_the_feedback_list_costs_the_same_queries_for_2_or_10_requests(
    demo_org, zhang, persona, client, page_queries
):
    client.force_login(colleague(demo_org, "XQ0008"))
    counts = []
    for rows in (2, 8):
        for _n in range(rows):
            ask(draft_review(persona("manager"), ReviewCycleFactory(), zhang), persona, demo_org, "XQ0008")
        counts.append(page_queries(client, reverse("reviews:feedback_list")))
    assert counts[0] == counts[1]


def test_the_reviews_page_says_how_much_feedback_is_waiting(review, persona, demo_org, client):
    ask(review, persona, demo_org, "XQ0008")
    client.force_login(colleague(demo_org, "XQ0008"))
    assert "1 waiting" in client.get(reverse("reviews:cycle_list")).content.decode()


def test_the_colleague_search_never_reaches_beyond_the_users_scope(demo_org, client_as):
    url = reverse("reviews:employee_options") + "?name=respondent&respondent=张伟"
    assert "XQ0007" in client_as("manager").get(url).content.decode()
    assert "XQ0007" not in client_as("other.manager").get(url).content.decode()
