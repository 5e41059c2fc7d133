"""Every list of the API costs the same number of queries for one item as for a full page: what a
page shows never multiplies the queries (bench/bench_pages.py times these lists at 100,000 employees)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dueprocess.records import case_chain
from dueprocess.reviews import actions

LISTS = [
    "/employees",
    "/departments",
    "/review-cycles",
    "/reviews",
    "/incidents",
    "/investigations",
    "/warnings",
    "/plans",
    "/records/chains",
]


@pytest.fixture
def more_rows(story, persona):
    """A second incident, investigation and warning (about another person), and a case's chain."""
    hr = persona("hr.admin")
    incident = actions.report_incident(
        actor=hr,
        employee=story["XQ0008"],
        occurred_on=dt.date(2026, 11, 2),
        summary="Missed the client handover",
        reporter_other="Client account lead",
        description="Did not attend the agreed handover meeting.",
    )
    actions.open_investigation(incident, actor=hr, opened_on=dt.date(2026, 11, 3))
    actions.issue_warning(
        actor=hr,
        employee=story["XQ0008"],
        level="verbal",
        issued_on=dt.date(2026, 11, 10),
        expires_on=dt.date(2027, 5, 10),
        reason="Missed the client handover without notice.",
    )
    case_chain(uuid.uuid4())
    return story


@pytest.mark.parametrize("path", LISTS)
def test_a_list_costs_the_same_queries_for_one_item_as_for_fifty(api, more_rows, path):
    hr = api("hr.admin")
    hr.get(path, limit=1)  # the token's "last used" write happens once, here

    def queries(limit: int) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = hr.get(path, limit=limit)
        assert response.status_code == 200, response.content
        return len(response.json()["items"]), len(captured)

    one, full = queries(1), queries(50)
    assert one[0] == 1 and full[0] >= 2
    assert one[1] == full[1]
