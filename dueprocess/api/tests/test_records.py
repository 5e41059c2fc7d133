"""The record through the API: read organisation-wide or not at all, events in order, page by page,
each read in the read log; verification kept as on the pages."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dueprocess.records.models import Chain, ReadLog, VerificationRun


@pytest.fixture
def chain(story):
    return Chain.objects.get(subject_key="organisation")


@pytest.mark.parametrize(
    "username, allowed",
    [("hr.admin", True), ("legal", True), ("auditor", True), ("hrbp", False), ("manager", False),
     ("employee", False), ("other.manager", False)],
)  # fmt: skip
def test_the_record_is_read_by_the_roles_policy_names(api, chain, username, allowed):
    reader = api(username)
    for path in (
        "/records/chains",
        f"/records/chains/{chain.public_id}",
        f"/records/chains/{chain.public_id}/events",
    ):
        assert reader.get(path).status_code == (200 if allowed else 403), path


def test_events_come_in_order_page_by_page_and_the_read_is_logged(api, chain):
    auditor, path = api("auditor"), f"/records/chains/{chain.public_id}/events"
    first = auditor.get(path, limit=5).json()
    second = auditor.get(path, limit=5, offset=5).json()
    sequences = [e["sequence"] for e in first["items"] + second["items"]]
    assert sequences == list(range(1, 11))
    assert first["count"] >= chain.head_sequence  # the tokens made for this test are events too
    assert first["items"][1]["prev_hash"] == first["items"][0]["hash"]
    assert ReadLog.objects.filter(user__username="auditor", what="event_data").count() == 2


def test_verification_is_kept_and_named_on_the_chain(api, chain):
    legal = api("legal")
    result = legal.post(f"/records/chains/{chain.public_id}/verification").json()
    assert result["ok"] is True and result["broken"] is None and result["problem"] == ""
    assert result["events_checked"] == result["head_sequence"] >= 10
    run = VerificationRun.objects.get(chain=chain)
    assert run.ok and "legal" in run.by_label
    shown = legal.get(f"/records/chains/{chain.public_id}").json()["last_verification"]
    assert shown["ok"] is True and shown["events_checked"] == run.events_checked


def test_those_who_may_not_read_the_record_may_not_verify_it(api, chain):
    assert api("hrbp").post(f"/records/chains/{chain.public_id}/verification").status_code == 403
    assert not VerificationRun.objects.exists()


def test_the_event_list_costs_the_same_queries_for_any_page_size(api, chain):
    hr, path = api("hr.admin"), f"/records/chains/{chain.public_id}/events"
    hr.get(path, limit=1)  # the token's "last used" write happens once, before counting

    def queries(limit: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert len(hr.get(path, limit=limit).json()["items"]) == limit
        return len(captured)

    assert queries(1) == queries(10)
