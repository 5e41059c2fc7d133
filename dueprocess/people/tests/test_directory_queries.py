"""The directory costs the same number of queries for one person as for a full page, for each role
and for the htmx search alike (bench/bench_pages.py times it at 100,000 employees)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

HTMX = {"HTTP_HX_REQUEST": "true"}


def shown_and_queries(client, headers: dict, **params) -> tuple[list[str], int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("people:employee_list"), params, **headers)
    assert response.status_code == 200
    return [e.number for e in response.context["page"].object_list], len(captured)


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["page", "htmx"])
@pytest.mark.parametrize("username", ["hr.admin", "hrbp", "manager"])
def test_one_person_or_a_full_page_costs_the_same_queries(demo_org, client_as, username, headers):
    client = client_as(username)
    everyone, full = shown_and_queries(client, headers)
    one, single = shown_and_queries(client, headers, q=everyone[-1])
    assert len(everyone) > 5 and one == [everyone[-1]]
    assert single == full


def test_the_department_filter_offers_the_departments_in_scope_and_keeps_the_choice(demo_org, client_as):
    html = client_as("hrbp").get(reverse("people:employee_list"), {"department": "sales"}).content.decode()
    assert '<option value="sales" selected>' in html and '<option value="product">' in html
    assert 'value="finance"' not in html
