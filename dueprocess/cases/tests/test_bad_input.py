"""Bad input gets a clear error naming the field, and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from dueprocess.cases import actions
from dueprocess.cases.models import Hearing, SeparationCase, UnionNotice
from dueprocess.cases.tests.conftest import DEMO_TODAY
from dueprocess.records.models import Event


@pytest.fixture
def unchanged(db):
    def snapshot():
        return (
            Event.objects.count(),
            SeparationCase.objects.count(),
            Hearing.objects.count(),
            UnionNotice.objects.count(),
            list(SeparationCase.objects.values_list("stage", "last_day")),
        )

    return snapshot


def refused(call, field):
    with pytest.raises(ValidationError) as error:
        call()
    assert field in error.value.message_dict, error.value.message_dict
    return error.value.message_dict[field]


def test_a_ground_not_valid_in_the_employees_jurisdiction_is_refused(demo_org, persona, unchanged):
    before = unchanged()
    messages = refused(
        lambda: actions.open_case(
            actor=persona("hrbp"), employee=demo_org["XQ0007"], ground="redundancy", summary="x"
        ),
        "ground",
    )
    assert "incompetence" in messages[0]
    assert unchanged() == before


def test_a_case_needs_a_summary_and_only_one_open_case_per_employee(open_case, persona, zhang, unchanged):
    before = unchanged()
    refused(
        lambda: actions.open_case(actor=persona("hrbp"), employee=zhang, ground="incompetence", summary=" "),
        "summary",
    )
    refused(
        lambda: actions.open_case(actor=persona("hrbp"), employee=zhang, ground="incompetence", summary="x"),
        "employee",
    )
    assert unchanged() == before


def test_termination_dates_out_of_order_are_refused(open_case, persona, unchanged):
    before = unchanged()
    hrbp = persona("hrbp")
    refused(
        lambda: actions.plan_termination(
            open_case, actor=hrbp, notice_given_on=DEMO_TODAY, last_day=DEMO_TODAY - dt.timedelta(days=1)
        ),
        "last_day",
    )
    refused(
        lambda: actions.plan_termination(
            open_case,
            actor=hrbp,
            notice_given_on=DEMO_TODAY - dt.timedelta(days=3),
            last_day=DEMO_TODAY + dt.timedelta(days=30),
        ),
        "notice_given_on",
    )
    refused(
        lambda: actions.plan_termination(
            open_case,
            actor=hrbp,
            notice_given_on=DEMO_TODAY,
            last_day=DEMO_TODAY + dt.timedelta(days=30),
            pay_in_lieu=True,
        ),
        "last_day",
    )
    assert unchanged() == before


def test_a_hearing_in_the_past_or_without_place_is_refused(open_case, persona, unchanged):
    before = unchanged()
    past = timezone.make_aware(dt.datetime.combine(DEMO_TODAY - dt.timedelta(days=1), dt.time(10)))
    with pytest.raises(ValidationError) as error:
        actions.invite_to_hearing(
            open_case, actor=persona("hrbp"), scheduled_at=past, place=" ", attendees="HR"
        )
    assert {"scheduled_at", "place"} <= set(error.value.message_dict)
    assert unchanged() == before


def test_a_hearing_recorded_before_it_happens_is_refused(open_case, persona, unchanged):
    hrbp = persona("hrbp")
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY + dt.timedelta(days=2), dt.time(10)))
    hearing = actions.invite_to_hearing(open_case, actor=hrbp, scheduled_at=at, place="Room", attendees="HR")
    before = unchanged()
    refused(
        lambda: actions.record_hearing(
            hearing,
            actor=hrbp,
            held_on=DEMO_TODAY + dt.timedelta(days=2),
            minutes="x",
            employee_attended=True,
        ),
        "held_on",
    )
    refused(
        lambda: actions.record_hearing(
            hearing,
            actor=hrbp,
            held_on=DEMO_TODAY,
            minutes="x",
            employee_attended=True,
            response_due_on=DEMO_TODAY - dt.timedelta(days=1),
        ),
        "response_due_on",
    )
    assert unchanged() == before and Hearing.objects.get(pk=hearing.pk).status == "invited"


def test_a_statement_outside_the_response_window_is_refused(open_case, persona, unchanged):
    hrbp = persona("hrbp")
    refused(
        lambda: actions.submit_statement(open_case, actor=persona("employee"), text="No hearing yet?"), "text"
    )
    at = timezone.make_aware(dt.datetime.combine(DEMO_TODAY, dt.time(9)))
    hearing = actions.invite_to_hearing(open_case, actor=hrbp, scheduled_at=at, place="Room", attendees="HR")
    actions.record_hearing(
        hearing,
        actor=hrbp,
        held_on=DEMO_TODAY,
        minutes="x",
        employee_attended=True,
        response_due_on=DEMO_TODAY,
    )
    import time_machine

    with time_machine.travel(f"{DEMO_TODAY + dt.timedelta(days=1)} 12:00 +08:00", tick=False):
        before = unchanged()
        refused(lambda: actions.submit_statement(open_case, actor=persona("employee"), text="Late."), "text")
        assert unchanged() == before


def test_union_dates_must_follow_each_other(open_case, persona, unchanged):
    hrbp = persona("hrbp")
    notice = actions.notify_union(
        open_case, actor=hrbp, union="Union", notified_on=DEMO_TODAY, content="Why."
    )
    before = unchanged()
    refused(
        lambda: actions.record_union_reply(
            notice, actor=hrbp, replied_on=DEMO_TODAY - dt.timedelta(days=1), reply="No.", objects=True
        ),
        "replied_on",
    )
    refused(lambda: actions.answer_union(notice, actor=hrbp, answered_on=DEMO_TODAY, answer="Yes."), "answer")
    refused(
        lambda: actions.notify_union(
            open_case,
            actor=hrbp,
            union="Union",
            notified_on=DEMO_TODAY + dt.timedelta(days=1),
            content="Why.",
        ),
        "notified_on",
    )
    assert unchanged() == before


def test_an_illegal_move_is_refused_with_the_stage_named(open_case, persona):
    with pytest.raises(ValidationError) as error:
        actions.close_case(open_case, actor=persona("hrbp"))
    assert "gathering evidence" in " ".join(error.value.messages)
