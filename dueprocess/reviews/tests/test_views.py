"""Review, incident and warning pages: who sees what, and anonymity on the page."""

import datetime as dt

import pytest
from django.urls import reverse

from dueprocess.reviews import demo as reviews_demo
from dueprocess.reviews.models import Explanation, Incident, Review, Warning
from dueprocess.reviews.tests.factories import ReviewCycleFactory, draft_review


@pytest.fixture
def story(demo_org):
    reviews_demo.load(today=dt.date(2026, 11, 24))
    return Review.objects.filter(employee__number="XQ0007").order_by("cycle__period_starts_on").last()


def test_the_review_page_shows_goals_ratings_and_anonymous_feedback(story, client_as):
    page = client_as("manager").get(reverse("reviews:review_detail", args=[story.public_id])).content.decode()
    assert "Ship mobile checkout" in page and "does not meet expectations" in page
    assert "Requirements change without notice" in page
    assert "孙晓梅" not in page, "an anonymous answer never names its author"


def test_the_cycle_list_shows_the_reviews_in_scope(story, client_as):
    assert "张伟" in client_as("hrbp").get(reverse("reviews:cycle_list")).content.decode()
    assert "张伟" not in client_as("other.manager").get(reverse("reviews:cycle_list")).content.decode()


def test_another_teams_manager_gets_not_found(story, client_as):
    client = client_as("other.manager")
    incident, warning = Incident.objects.get(), Warning.objects.get()
    for url in (
        reverse("reviews:review_detail", args=[story.public_id]),
        reverse("reviews:incident_detail", args=[incident.public_id]),
        reverse("reviews:warning_detail", args=[warning.public_id]),
    ):
        assert client.get(url).status_code == 404


def test_the_employee_sees_their_warning_but_not_the_incident_file(story, client_as):
    client = client_as("employee")
    warning, incident = Warning.objects.get(), Incident.objects.get()
    assert client.get(reverse("reviews:warning_detail", args=[warning.public_id])).status_code == 200
    assert client.get(reverse("reviews:incident_detail", args=[incident.public_id])).status_code == 404


def test_the_employee_does_not_see_a_review_before_it_is_shared(demo_org, persona, client_as):
    review = draft_review(persona("manager"), ReviewCycleFactory(), demo_org["XQ0007"])
    assert (
        client_as("employee").get(reverse("reviews:review_detail", args=[review.public_id])).status_code
        == 404
    )


def test_the_employee_explains_their_warning_from_the_page(story, client_as):
    warning = Warning.objects.get()
    url = reverse("reviews:warning_detail", args=[warning.public_id])
    client_as("employee").post(url, {"text": "I have since flagged every delay."})
    assert Explanation.objects.filter(warning=warning, text="I have since flagged every delay.").exists()


def test_the_warning_form_names_the_date_out_of_order(demo_org, client_as):
    url = reverse("reviews:warning_create", args=[demo_org["XQ0007"].public_id])
    data = {"level": "written", "issued_on": "2026-11-20", "expires_on": "2026-11-01", "reason": "Late"}
    response = client_as("hrbp").post(url, data)
    assert "A warning must expire after the day it is issued." in response.content.decode()
    assert not Warning.objects.exists()
    assert client_as("manager").get(url).status_code == 404


def test_the_manager_assesses_then_corrects_through_the_same_page(demo_org, persona, client_as):
    from dueprocess.reviews.tests.factories import level

    review = draft_review(persona("manager"), ReviewCycleFactory(), demo_org["XQ0007"])
    url, client = reverse("reviews:review_assess", args=[review.public_id]), client_as("manager")
    client.post(url, {"manager_assessment": "Late twice.", "rating": level(2).pk})
    client.post(reverse("reviews:review_submit", args=[review.public_id]))
    response = client.post(url, {"manager_assessment": "Late twice.", "rating": level(1).pk, "reason": ""})
    assert response.status_code == 200 and 'id="id_reason_error"' in response.content.decode()
    assert Review.objects.count() == 1
    client.post(
        url, {"manager_assessment": "Late three times.", "rating": level(1).pk, "reason": "Missed one."}
    )
    current = Review.objects.current().get(employee=demo_org["XQ0007"])
    assert (current.version, current.rating.value, current.corrects_id) == (2, 1, review.pk)
    assert client_as("other.manager").get(url).status_code == 404
