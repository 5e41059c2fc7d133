"""Starting a review: the employee, the cycle, and the goals with their weights and targets."""

import pytest
from django.urls import reverse

from dueprocess.reviews.models import Review
from dueprocess.reviews.tests.factories import ReviewCycleFactory

URL = reverse("reviews:review_create")


def _data(
    cycle, employee="XQ0007 · 张伟", goals=(("Ship checkout", "60", "By June"), ("Interviews", "40", "12"))
):
    data = {"cycle": cycle.pk, "employee": employee, "goals-TOTAL_FORMS": "4", "goals-INITIAL_FORMS": "0"}
    for number, (title, weight, target) in enumerate(goals):
        data |= {
            f"goals-{number}-title": title,
            f"goals-{number}-weight": weight,
            f"goals-{number}-target": target,
        }
    return data


def test_the_manager_starts_a_review_with_weighted_goals(cycle, client_as, events):
    client = client_as("manager")
    assert client.get(URL).status_code == 200
    response = client.post(URL, _data(cycle))
    review = Review.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{review.public_id}/")
    goals = list(review.goals.values_list("title", "weight", "target"))
    assert [(t, int(w), g) for t, w, g in goals] == [
        ("Ship checkout", 60, "By June"),
        ("Interviews", 40, "12"),
    ]
    assert events.types() == ["reviews.created"]


def test_the_profile_and_the_cycle_fill_in_whom_and_when(cycle, demo_org, client_as):
    zhang = demo_org["XQ0007"]
    page = client_as("hrbp").get(f"{URL}?employee={zhang.public_id}&cycle={cycle.public_id}").content.decode()
    assert 'value="XQ0007 · 张伟 / Zhang Wei"' in page and f'<option value="{cycle.pk}" selected>' in page


def test_a_goal_without_a_weight_is_named_and_nothing_is_written(cycle, client_as):
    response = client_as("manager").post(URL, _data(cycle, goals=[("Ship checkout", "", "By June")]))
    page = response.content.decode()
    assert response.status_code == 200 and 'id="id_goals-0-weight_error"' in page
    assert not Review.objects.exists()


def test_a_review_needs_a_goal(cycle, client_as):
    response = client_as("manager").post(URL, _data(cycle, goals=[]))
    assert "A review needs at least one goal." in response.content.decode()
    assert not Review.objects.exists()


def test_a_second_review_in_the_same_cycle_is_refused_on_the_employee_field(cycle, client_as):
    client = client_as("manager")
    client.post(URL, _data(cycle))
    response = client.post(URL, _data(cycle))
    assert 'id="id_employee_error"' in response.content.decode()
    assert Review.objects.count() == 1


def test_another_teams_manager_cannot_name_zhang_wei(cycle, client_as):
    response = client_as("other.manager").post(URL, _data(cycle))
    assert 'id="id_employee_error"' in response.content.decode()
    assert not Review.objects.exists()


@pytest.mark.parametrize("username", ["employee", "legal", "auditor"])
def test_those_who_do_not_review_cannot_start_one(cycle, client_as, username):
    assert client_as(username).get(URL).status_code == 403
    assert client_as(username).post(URL, _data(cycle)).status_code == 403
    assert not Review.objects.exists()


def test_the_profile_offers_to_start_a_review_only_to_those_who_may(demo_org, client_as):
    profile = reverse("people:employee_detail", args=[demo_org["XQ0007"].public_id])
    assert f"{URL}?employee=" in client_as("manager").get(profile).content.decode()
    assert f"{URL}?employee=" not in client_as("legal").get(profile).content.decode()
    assert client_as("other.manager").get(profile).status_code == 404


def test_a_submitted_cycle_page_links_each_review(demo_org, client_as):
    cycle = ReviewCycleFactory(name="Linked cycle")
    client_as("manager").post(URL, _data(cycle))
    review = Review.objects.get()
    page = client_as("manager").get(reverse("reviews:cycle_list")).content.decode()
    assert reverse("reviews:review_detail", args=[review.public_id]) in page
