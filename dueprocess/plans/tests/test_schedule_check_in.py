import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.plans import actions
from dueprocess.plans.models import ScheduledCheckIn, ScheduleStatus
from dueprocess.plans.tests.factories import draft, published
from dueprocess.reminders import calendar

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


@pytest.fixture
def plan(persona, zhang):
    return published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))


def test_the_manager_arranges_a_check_in_on_the_record(plan, persona, events):
    scheduled = actions.schedule_check_in(
        plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="Room 4", duration_minutes=30
    )
    assert scheduled.status == ScheduleStatus.SCHEDULED and scheduled.day == dt.date(2026, 12, 1)
    data = events.of("plans.check_in_scheduled")[0]
    assert data["scheduled_check_in"] == str(scheduled.public_id) and data["duration_minutes"] == 30
    assert events.types()[-1] == "reminders.invitation_sent"


def test_a_check_in_in_the_past_outside_the_plan_or_nowhere_is_refused(plan, persona):
    for when, place, field in [
        (at("2026-11-23"), "Room 4", "scheduled_at"),
        (at("2027-01-04"), "Room 4", "scheduled_at"),
        (at("2026-12-01"), "  ", "place"),
        (None, "Room 4", "scheduled_at"),
    ]:
        with pytest.raises(ValidationError) as error:
            actions.schedule_check_in(plan, actor=persona("manager"), scheduled_at=when, place=place)
        assert field in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.schedule_check_in(
            plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="R", duration_minutes=0
        )
    assert "duration_minutes" in error.value.message_dict
    assert not ScheduledCheckIn.objects.exists()


def test_a_draft_plan_has_no_check_ins_arranged(persona, zhang):
    plan = draft(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))
    with pytest.raises(ValidationError) as error:
        actions.schedule_check_in(plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="R")
    assert "plan" in error.value.message_dict


def test_another_teams_manager_and_the_employee_arrange_nothing(plan, persona):
    for username in ("other.manager", "employee"):
        with pytest.raises(PermissionDenied):
            actions.schedule_check_in(plan, actor=persona(username), scheduled_at=at("2026-12-01"), place="R")


def test_a_check_in_is_moved_then_cancelled_once(plan, persona, events):
    manager = persona("manager")
    scheduled = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-12-01"), place="Room 4")
    moved = actions.reschedule_check_in(
        scheduled, actor=manager, scheduled_at=at("2026-12-02", 15), place="Room 5"
    )
    assert (moved.day, moved.place, moved.duration_minutes) == (dt.date(2026, 12, 2), "Room 5", 60)
    with pytest.raises(ValidationError) as error:
        actions.cancel_check_in(moved, actor=manager, reason="")
    assert "reason" in error.value.message_dict
    cancelled = actions.cancel_check_in(moved, actor=manager, reason="Manager ill.")
    assert cancelled.is_cancelled
    with pytest.raises(ValidationError):
        actions.cancel_check_in(cancelled, actor=manager, reason="Again.")
    with pytest.raises(ValidationError) as error:
        actions.reschedule_check_in(cancelled, actor=manager, scheduled_at=at("2026-12-03"), place="Room 5")
    assert "scheduled_check_in" in error.value.message_dict
    assert events.of("plans.check_in_cancelled")[0]["reason"] == "Manager ill."
    assert "plans.check_in_rescheduled" in events.types()


def test_an_hour_already_gone_today_is_in_the_past(plan, persona):
    # Today is frozen at noon in Shanghai: nine this morning has gone, three this afternoon has not.
    manager = persona("manager")
    with pytest.raises(ValidationError) as error:
        actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-11-24", 9), place="R")
    assert error.value.message_dict["scheduled_at"] == ["A check-in cannot be arranged in the past."]
    later = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-11-24", 15), place="R")
    assert later.day == dt.date(2026, 11, 24)


def test_the_agenda_goes_on_the_record_and_into_the_invitation_and_stays_when_the_check_in_moves(
    plan, persona, events
):
    manager = persona("manager")
    scheduled = actions.schedule_check_in(
        plan, actor=manager, scheduled_at=at("2026-12-01"), place="Room 4",
        agenda="  Goal 2: the release notes.\nBring the customer survey.  ",
    )  # fmt: skip
    assert scheduled.agenda == "Goal 2: the release notes.\nBring the customer survey."
    assert events.of("plans.check_in_scheduled")[0]["agenda"] == scheduled.agenda
    assert scheduled.agenda in calendar.check_in_meeting(scheduled).description()
    moved = actions.reschedule_check_in(
        scheduled, actor=manager, scheduled_at=at("2026-12-02"), place="Room 5"
    )
    assert moved.agenda == scheduled.agenda  # left out: as it was
    cleared = actions.reschedule_check_in(
        moved, actor=manager, scheduled_at=at("2026-12-02"), place="Room 5", agenda=""
    )
    assert cleared.agenda == "" and events.of("plans.check_in_rescheduled")[-1]["agenda"] == ""
    assert "Goal 2" not in calendar.check_in_meeting(cleared).description()


def test_an_agenda_beyond_its_limit_is_named_and_nothing_is_written(plan, persona, events):
    with pytest.raises(ValidationError) as error:
        actions.schedule_check_in(
            plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="R", agenda="x" * 4001
        )
    assert list(error.value.message_dict) == ["agenda"]
    assert not ScheduledCheckIn.objects.exists() and events.types() == []
