"""Delivery by other means, with its proof: in person before named witnesses, or by courier with the
tracking number (PRC arbitration asks for proof of delivery, 送达)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dueprocess.letters import actions
from dueprocess.letters.tests.conftest import DEMO_TODAY


@pytest.fixture
def notice(zhang_case, persona):
    return actions.issue_letter("termination_notice", zhang_case, "zh-hans", actor=persona("hrbp"))


def at(hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(DEMO_TODAY, dt.time(hour)))


def test_in_person_before_witnesses(notice, persona, events):
    delivery = actions.record_other_delivery(
        notice,
        actor=persona("hrbp"),
        channel="in_person",
        delivered_at=at(10),
        witnesses="Liu Fang, Chen Simin",
    )
    notice.refresh_from_db()
    assert notice.status == "delivered" and notice.delivered_at is None, "not in the portal"
    (data,) = events.of("letters.delivered")
    assert data["channel"] == "in_person" and data["witnesses"] == "Liu Fang, Chen Simin"
    assert data["sha256"] == notice.sha256 and delivery.recorded_by == persona("hrbp")


def test_by_courier_with_the_tracking_number(notice, persona, events):
    with pytest.raises(ValidationError) as refused:
        actions.record_other_delivery(notice, actor=persona("hrbp"), channel="courier", delivered_at=at(9))
    assert {"courier", "tracking_number"} <= set(refused.value.message_dict)
    actions.record_other_delivery(
        notice,
        actor=persona("hrbp"),
        channel="courier",
        delivered_at=at(9),
        courier="SF Express",
        tracking_number="SF1234",
    )
    assert events.of("letters.delivered")[0]["tracking_number"] == "SF1234"


def test_the_proof_is_checked(notice, persona):
    cases = [
        ({"channel": "in_person", "delivered_at": at(10)}, "witnesses"),
        ({"channel": "portal", "delivered_at": at(10)}, "channel"),
        ({"channel": "in_person", "delivered_at": at(23), "witnesses": "A"}, "delivered_at"),
        (
            {"channel": "in_person", "delivered_at": at(10) - dt.timedelta(days=3), "witnesses": "A"},
            "delivered_at",
        ),
    ]
    for arguments, field in cases:
        with pytest.raises(ValidationError) as refused:
            actions.record_other_delivery(notice, actor=persona("hrbp"), **arguments)
        assert field in refused.value.message_dict, arguments
    assert not notice.deliveries.exists()
