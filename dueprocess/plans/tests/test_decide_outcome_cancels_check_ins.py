"""Deciding a plan's outcome cancels the check-ins still arranged ahead, in the same transaction and as
cancel_check_in cancels one: its event on the plan's record, the calendar CANCEL to everyone invited,
the outcome as the reason. Passed or failed: every one still ahead. Revising the plan's dates cancels
those the new dates leave out (so an extension, which only lengthens, has none left to cancel).
Nothing else changes: a check-in already begun or gone, one cancelled before, another plan's.
Today is frozen at 24 November 2026, noon in Shanghai."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from dueprocess.plans import actions
from dueprocess.plans.models import Outcome, PlanStatus, ScheduledCheckIn, ScheduleStatus
from dueprocess.plans.tests.factories import check_in, goals, published
from dueprocess.reminders.calendar import current_sequence

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
EMPLOYEE, MANAGER = "zhang.wei@xingqiao.example", "liu.fang@xingqiao.example"


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def arrange(plan, actor, when: dt.datetime, *, on: str = "2026-11-10") -> ScheduledCheckIn:
    """Arranged on ``on`` (a day when ``when`` was still ahead)."""
    with time_machine.travel(f"{on} 12:00 +08:00", tick=False):
        return actions.schedule_check_in(plan, actor=actor, scheduled_at=when, place="Room 4")


def invitations() -> set[tuple[str, str, str, int]]:
    """(check-in, to, iTIP method, SEQUENCE) of each calendar invitation sent."""
    sent = set()
    for message in mail.outbox:
        (part,) = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
        calendar = Calendar.from_ical(part.get_payload(decode=True))
        event = calendar.walk("VEVENT")[0]
        uid = str(event["UID"]).removeprefix("check-in-").partition("@")[0]
        sent.add((uid, message.to[0], str(calendar["METHOD"]), int(event["SEQUENCE"])))
    return sent


def cancels_of(*scheduled: ScheduledCheckIn) -> set[tuple[str, str, str, int]]:
    """The CANCEL each of these check-ins' guests (Zhang Wei and Liu Fang, who arranged them) gets."""
    return {(str(s.public_id), to, "CANCEL", 1) for s in scheduled for to in (EMPLOYEE, MANAGER)}


def as_it_stands(*scheduled: ScheduledCheckIn) -> list[tuple]:
    rows = ScheduledCheckIn.objects.filter(pk__in=[s.pk for s in scheduled]).order_by("pk")
    return [(s.scheduled_at, s.status, s.cancelled_reason, current_sequence(_uid(s))) for s in rows]


def _uid(scheduled: ScheduledCheckIn) -> str:
    from dueprocess.reminders.calendar import check_in_meeting

    return check_in_meeting(scheduled).uid


@pytest.fixture
def manager(persona):
    return persona("manager")


@pytest.fixture
def elsewhere(manager, demo_org):
    """A check-in of another plan (Sun Xiaomei's), which no outcome of Zhang Wei's plan touches."""
    plan = published(
        manager, demo_org["XQ0008"], ends_on=dt.date(2026, 12, 31), goals=goals(dt.date(2026, 12, 31))
    )
    return arrange(plan, manager, at("2026-12-02"))


@pytest.fixture
def left_alone(manager, zhang, elsewhere):
    """Zhang Wei's plan (1 September to 31 December) with what no outcome may touch: a check-in gone by
    (never recorded), one this morning, one cancelled before; and Sun Xiaomei's."""
    plan = published(manager, zhang, ends_on=dt.date(2026, 12, 31))
    gone = arrange(plan, manager, at("2026-11-17"))
    this_morning = arrange(plan, manager, at("2026-11-24", 9), on="2026-11-23")
    called_off = actions.cancel_check_in(
        arrange(plan, manager, at("2026-12-08")), actor=manager, reason="Manager ill."
    )
    return plan, [gone, this_morning, called_off, elsewhere]


def decided(plan, actor, events, django_capture_on_commit_callbacks, **decision):
    mail.outbox.clear()
    before = len(events.rows())
    with django_capture_on_commit_callbacks(execute=True):
        actions.decide_outcome(plan, actor=actor, **decision)
    return events.rows()[before:]


def test_passing_the_plan_cancels_every_check_in_still_ahead(
    left_alone, manager, persona, events, django_capture_on_commit_callbacks
):
    plan, untouched = left_alone
    this_afternoon = arrange(plan, manager, at("2026-11-24", 15))
    next_week = arrange(plan, manager, at("2026-12-01"))
    unchanged = as_it_stands(*untouched)
    written = decided(
        plan, persona("hrbp"), events, django_capture_on_commit_callbacks,
        outcome=Outcome.PASSED, summary="Every release on time since October.",
    )  # fmt: skip
    assert [e.type for e in written] == ["plans.closed"] + [
        "plans.check_in_cancelled",
        "reminders.invitation_sent",
    ] * 2
    cancelled = [e.data for e in written if e.type == "plans.check_in_cancelled"]
    assert [c["scheduled_check_in"] for c in cancelled] == [
        str(this_afternoon.public_id),
        str(next_week.public_id),
    ]
    assert {c["reason"] for c in cancelled} == {"The plan ended with the outcome: passed."}
    assert {e.subject for e in written if e.type == "plans.check_in_cancelled"} == {
        f"plans.improvementplan:{plan.public_id}"
    }
    assert {e.actor.username for e in written} == {"hrbp"}
    for scheduled in (this_afternoon, next_week):
        scheduled.refresh_from_db()
        assert scheduled.status == ScheduleStatus.CANCELLED
        assert scheduled.cancelled_reason == "The plan ended with the outcome: passed."
    assert invitations() == cancels_of(this_afternoon, next_week)
    assert "The plan ended with the outcome: passed." in mail.outbox[0].body
    assert as_it_stands(*untouched) == unchanged


def test_failing_the_plan_on_its_last_day_cancels_the_check_in_arranged_for_that_afternoon(
    manager, persona, zhang, elsewhere, events, django_capture_on_commit_callbacks
):
    plan = published(manager, zhang, ends_on=dt.date(2026, 11, 24), goals=goals(dt.date(2026, 11, 24)))
    held = check_in(plan, manager, [zhang])
    this_morning = arrange(plan, manager, at("2026-11-24", 9), on="2026-11-23")
    this_afternoon = arrange(plan, manager, at("2026-11-24", 15))
    unchanged = as_it_stands(this_morning, elsewhere)
    written = decided(
        plan, persona("hrbp"), events, django_capture_on_commit_callbacks,
        outcome=Outcome.FAILED, summary="No release on time.", check_ins=[held],
    )  # fmt: skip
    assert [e.type for e in written] == [
        "plans.closed",
        "plans.check_in_cancelled",
        "reminders.invitation_sent",
    ]
    assert written[1].data["scheduled_check_in"] == str(this_afternoon.public_id)
    assert written[1].data["reason"] == "The plan ended with the outcome: failed."
    assert invitations() == cancels_of(this_afternoon)
    assert as_it_stands(this_morning, elsewhere) == unchanged
    plan.refresh_from_db()
    assert plan.status == PlanStatus.FAILED


def revised(plan, actor, events, django_capture_on_commit_callbacks, **dates):
    mail.outbox.clear()
    before = len(events.rows())
    with django_capture_on_commit_callbacks(execute=True):
        actions.revise_plan(
            plan, actor=actor, reason="Two cycles below expectations.", starts_on=dt.date(2026, 9, 1),
            goals=goals(), change_reason="New dates.", **dates,
        )  # fmt: skip
    return events.rows()[before:]


def test_shortening_the_plan_cancels_the_check_ins_arranged_after_its_new_end(
    left_alone, manager, persona, zhang, events, django_capture_on_commit_callbacks
):
    plan, untouched = left_alone
    within = arrange(plan, manager, at("2026-11-27"))
    after_the_end = arrange(plan, manager, at("2026-12-10"))
    unchanged = as_it_stands(*untouched, within)
    written = revised(
        plan, manager, events, django_capture_on_commit_callbacks, ends_on=dt.date(2026, 11, 30)
    )
    assert [e.type for e in written] == [
        "plans.revised",
        "plans.check_in_cancelled",
        "reminders.invitation_sent",
    ]
    assert written[1].data["scheduled_check_in"] == str(after_the_end.public_id)
    assert written[1].data["reason"] == (
        "The plan was revised to run from 2026-09-01 to 2026-11-30; this check-in falls outside those dates."
    )
    assert invitations() == cancels_of(after_the_end)
    assert as_it_stands(*untouched, within) == unchanged

    # The outcome then has nothing left to cancel after the plan's end.
    with time_machine.travel("2026-12-01 12:00 +08:00", tick=False):
        closed = decided(
            plan, persona("hrbp"), events, django_capture_on_commit_callbacks, outcome=Outcome.FAILED,
            summary="No release on time.", check_ins=[check_in(plan, manager, [zhang])],
        )  # fmt: skip
    assert [e.type for e in closed] == ["plans.closed"]


def test_lengthening_the_plan_cancels_nothing(
    left_alone, manager, events, django_capture_on_commit_callbacks
):
    plan, untouched = left_alone
    next_week = arrange(plan, manager, at("2026-12-01"))
    unchanged = as_it_stands(*untouched, next_week)
    lengthened = dt.date(2027, 1, 31)
    written = revised(plan, manager, events, django_capture_on_commit_callbacks, ends_on=lengthened)
    assert [e.type for e in written] == ["plans.revised"] and not mail.outbox
    assert as_it_stands(*untouched, next_week) == unchanged


def test_extending_the_plan_keeps_the_check_ins_arranged_within_it(
    left_alone, manager, persona, events, django_capture_on_commit_callbacks
):
    plan, untouched = left_alone
    kept = [arrange(plan, manager, at("2026-11-24", 15)), arrange(plan, manager, at("2026-12-28"))]
    unchanged = as_it_stands(*untouched, *kept)
    written = decided(
        plan, persona("hrbp"), events, django_capture_on_commit_callbacks, outcome=Outcome.EXTENDED,
        summary="Close: one more release.", new_ends_on=dt.date(2027, 1, 20),
    )  # fmt: skip
    assert [e.type for e in written] == ["plans.extended"] and not mail.outbox
    assert as_it_stands(*untouched, *kept) == unchanged
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE and plan.current.ends_on == dt.date(2027, 1, 20)


def test_an_outcome_refused_cancels_nothing(left_alone, manager, persona, events):
    plan, _untouched = left_alone
    next_week = arrange(plan, manager, at("2026-12-01"))
    before = len(events.rows())
    with pytest.raises(ValidationError):  # before the plan's end, and without evidence
        actions.decide_outcome(plan, actor=persona("hrbp"), outcome=Outcome.FAILED, summary="No.")
    next_week.refresh_from_db()
    assert next_week.status == ScheduleStatus.SCHEDULED and len(events.rows()) == before


def test_the_outcome_page_cancels_them_too_and_says_it_will(
    left_alone, manager, client_as, events, django_capture_on_commit_callbacks
):
    plan, _untouched = left_alone
    next_week = arrange(plan, manager, at("2026-12-01"))
    page = reverse("plans:outcome_create", args=[plan.public_id])
    client = client_as("hrbp")
    assert "cancels the check-ins still arranged" in client.get(page).content.decode()
    mail.outbox.clear()
    form = {"outcome": "passed", "decided_on": "2026-11-24", "summary": "Every release on time."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page, form).status_code == 302
    next_week.refresh_from_db()
    assert next_week.cancelled_reason == "The plan ended with the outcome: passed."
    assert invitations() == cancels_of(next_week)
