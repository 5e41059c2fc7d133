"""The Reviews page and setting up a review cycle."""

import pytest
from django.urls import reverse

from dueprocess.reviews.models import ReviewCycle
from dueprocess.reviews.tests.factories import RatingScaleFactory, ReviewCycleFactory, draft_review

CYCLE = {
    "name": "2027 first half",
    "period_starts_on": "2027-01-01",
    "period_ends_on": "2027-06-30",
    "due_on": "2027-07-15",
    "template": "Goals, collaboration, communication.",
    "anonymous_feedback": "on",
    "min_anonymous_responses": "4",
}


@pytest.fixture
def scale(demo_org):
    return RatingScaleFactory()


def test_hr_sets_up_a_cycle_with_its_scale_and_anonymity(scale, client_as, events):
    client = client_as("hrbp")
    assert client.get(reverse("reviews:cycle_create")).status_code == 200
    response = client.post(reverse("reviews:cycle_create"), {**CYCLE, "scale": scale.pk})
    cycle = ReviewCycle.objects.get(name="2027 first half")
    assert response.status_code == 302 and str(cycle.public_id) in response["Location"]
    assert (cycle.scale, cycle.anonymous_feedback, cycle.min_anonymous_responses) == (scale, True, 4)
    assert events.types() == ["reviews.cycle_created"]


def test_a_period_that_ends_before_it_starts_is_named_and_nothing_is_written(scale, client_as):
    data = {**CYCLE, "scale": scale.pk, "period_ends_on": "2026-12-01"}
    response = client_as("hr.admin").post(reverse("reviews:cycle_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_period_ends_on_error"' in page and "The period cannot end before it starts." in page
    assert not ReviewCycle.objects.exists()


@pytest.mark.parametrize("username", ["manager", "legal", "employee", "auditor", "other.manager"])
def test_only_hr_sets_up_cycles(scale, client_as, username):
    client = client_as(username)
    assert client.get(reverse("reviews:cycle_create")).status_code == 403
    assert client.post(reverse("reviews:cycle_create"), {**CYCLE, "scale": scale.pk}).status_code == 403
    assert not ReviewCycle.objects.exists()
    assert reverse("reviews:cycle_create") not in client.get(reverse("reviews:cycle_list")).content.decode()


def test_a_new_empty_cycle_is_listed_for_those_who_start_reviews(scale, client_as):
    cycle = ReviewCycleFactory(name="Empty cycle")
    page = client_as("manager").get(reverse("reviews:cycle_list")).content.decode()
    assert "Empty cycle" in page and f"?cycle={cycle.public_id}" in page
    assert "Empty cycle" not in client_as("employee").get(reverse("reviews:cycle_list")).content.decode()


def test_the_reviews_page_costs_the_same_queries_for_2_or_10_cycles(
    demo_org, persona, client_as, page_queries
):
    manager, client, counts = persona("manager"), client_as("manager"), []
    for cycles in (2, 8):
        for _n in range(cycles):
            cycle = ReviewCycleFactory()
            for number in ("XQ0007", "XQ0008"):
                draft_review(manager, cycle, demo_org[number])
        counts.append(page_queries(client, reverse("reviews:cycle_list")))
    assert counts[0] == counts[1]
