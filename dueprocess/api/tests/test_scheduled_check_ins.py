"""Check-ins arranged ahead through the API, as on the plan page: the same actions (so the same events on
the plan's record and the same calendar invitations), the page's gate (those who manage the plan write,
those who read it list and download), policy before the body, and bad input named by field with
nothing written. Today is frozen at 24 November 2026, noon in Shanghai."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from icalendar import Calendar

from dueprocess.accounts.models import User
from dueprocess.plans import actions
from dueprocess.plans.models import ImprovementPlan, ScheduledCheckIn, ScheduleStatus

COLLEAGUE, MANAGER = "XQ0008", "liu.fang@xingqiao.example"
SHANGHAI = dt.timezone(dt.timedelta(hours=8))
NOBODY = "00000000-0000-4000-8000-000000000000"


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def goal() -> dict:
    return {"title": "Written specs", "metric": "specs reviewed", "baseline": "40%", "target": "100%",
            "due_on": dt.date(2027, 1, 29), "measured_by": "The wiki"}  # fmt: skip


def publish(persona, employee, by: str = "manager") -> ImprovementPlan:
    plan = actions.draft_plan(
        actor=persona(by), employee=employee, reason="Specs arrive late.",
        starts_on=dt.date(2026, 11, 2), ends_on=dt.date(2027, 1, 29), goals=[goal()],
    )  # fmt: skip
    return actions.publish_plan(plan, actor=persona(by))


@pytest.fixture
def plan(story, persona) -> ImprovementPlan:
    """Sun Xiaomei's plan, from 2 November 2026 to 29 January 2027, managed by Liu Fang."""
    return publish(persona, story[COLLEAGUE])


@pytest.fixture
def colleague(story) -> str:
    """Sun Xiaomei's own account (the demo gives colleagues one)."""
    return User.objects.get(employee=story[COLLEAGUE]).username


@pytest.fixture
def arranged(plan, persona) -> ScheduledCheckIn:
    mail.outbox.clear()
    return actions.schedule_check_in(
        plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="Room 4", agenda="Goal 1."
    )


def path(plan, *rest: str) -> str:
    return "/".join([f"/plans/{plan.public_id}/scheduled-check-ins", *rest])


def body(**overrides) -> dict:
    return {
        "scheduled_at": "2026-12-01T10:00:00+08:00",
        "place": "Room 4",
        "duration_minutes": 45,
        **overrides,
    }


def invitations() -> list[tuple[str, str, int]]:
    """(to, iTIP method, SEQUENCE) of each calendar invitation sent."""
    sent = []
    for message in mail.outbox:
        (part,) = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
        event = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")[0]
        sent.append((message.to[0], str(Calendar.from_ical(part.get_payload(decode=True))["METHOD"]),
                     int(event["SEQUENCE"])))  # fmt: skip
    return sorted(sent)


def nothing_written(events) -> bool:
    """No event of an action (the tests' own API tokens aside) and no mail."""
    return events.types() == [] and mail.outbox == []


def test_a_check_in_arranged_through_the_api_is_recorded_and_sent_as_through_the_page(
    api, story, client_as, plan, events, django_capture_on_commit_callbacks
):
    form = {"schedule-scheduled_at": "2026-12-01T10:00", "schedule-place": "Room 4",
            "schedule-duration_minutes": "45"}  # fmt: skip
    page = f"/plans/{plan.public_id}/check-ins/schedule/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as("manager").post(page, form).status_code == 302
    by_page_mail = invitations()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = api("manager").post(path(plan), body())
    assert response.status_code == 201, response.content
    answer = response.json()
    scheduled = ScheduledCheckIn.objects.get(public_id=answer["public_id"])
    assert (scheduled.plan, scheduled.scheduled_at, scheduled.place, scheduled.duration_minutes) == (
        plan, at("2026-12-01"), "Room 4", 45,
    )  # fmt: skip
    assert answer["status"] == "scheduled" and answer["upcoming"] is True and answer["cancelled_reason"] == ""
    assert dt.datetime.fromisoformat(answer["scheduled_at"]) == at("2026-12-01")
    assert events.types() == ["plans.check_in_scheduled", "reminders.invitation_sent"] * 2
    by_page, by_api = events.of("plans.check_in_scheduled")
    assert {**by_page, "scheduled_check_in": None} == {**by_api, "scheduled_check_in": None}
    assert by_api["scheduled_check_in"] == answer["public_id"] and by_api["plan"] == str(plan.public_id)
    recorded = [row for row in events.rows() if row.type == "plans.check_in_scheduled"][-1]
    assert recorded.subject == f"plans.improvementplan:{plan.public_id}"  # on the plan's record
    assert invitations() == by_page_mail
    assert {(story[COLLEAGUE].email, "REQUEST", 0), (MANAGER, "REQUEST", 0)} <= set(invitations())


def test_a_time_without_an_offset_is_read_in_the_organisations_time_zone(api, plan):
    response = api("manager").post(path(plan), body(scheduled_at="2026-12-01T10:00"))
    assert response.status_code == 201, response.content
    assert ScheduledCheckIn.objects.get(plan=plan).scheduled_at == at("2026-12-01")


def test_the_manager_moves_then_cancels_and_the_calendars_follow(
    api, arranged, events, django_capture_on_commit_callbacks
):
    employee = arranged.plan.employee.email
    manager = api("manager")
    with django_capture_on_commit_callbacks(execute=True):
        moved = manager.post(
            path(arranged.plan, str(arranged.public_id), "reschedule"),
            {"scheduled_at": "2026-12-02T15:30:00+08:00", "place": "Room 5"},
        )
        assert moved.status_code == 200, moved.content
        assert moved.json()["place"] == "Room 5" and moved.json()["duration_minutes"] == 60  # as it was
        assert moved.json()["agenda"] == "Goal 1."  # as it was, too
        cancelled = manager.post(
            path(arranged.plan, str(arranged.public_id), "cancel"), {"reason": "The manager is ill."}
        )
    assert cancelled.status_code == 200, cancelled.content
    assert cancelled.json()["status"] == "cancelled" and cancelled.json()["upcoming"] is False
    assert cancelled.json()["cancelled_reason"] == "The manager is ill."
    arranged.refresh_from_db()
    assert arranged.is_cancelled and arranged.scheduled_at == at("2026-12-02", 15) + dt.timedelta(minutes=30)
    assert events.types() == [
        "plans.check_in_rescheduled", "reminders.invitation_sent",
        "plans.check_in_cancelled", "reminders.invitation_sent",
    ]  # fmt: skip
    assert events.of("plans.check_in_cancelled")[0]["reason"] == "The manager is ill."
    assert {(employee, "REQUEST", 1), (employee, "CANCEL", 2), (MANAGER, "CANCEL", 2)} <= set(invitations())


def test_readers_list_every_arranged_check_in_upcoming_and_past_with_its_status(api, plan, persona):
    manager = persona("manager")
    with time_machine.travel("2026-11-10 12:00 +08:00", tick=False):
        past = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-11-17"), place="Room 1")
    later = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-12-15"), place="Room 3")
    sooner = actions.schedule_check_in(plan, actor=manager, scheduled_at=at("2026-12-01"), place="Room 2")
    actions.cancel_check_in(later, actor=manager, reason="Holiday.")
    expected = [
        (str(past.public_id), "scheduled", False, ""),
        (str(sooner.public_id), "scheduled", True, ""),
        (str(later.public_id), "cancelled", False, "Holiday."),
    ]
    for username in ("manager", "hrbp", "legal", "auditor", "hr.admin"):
        listed = api(username).get(path(plan)).json()
        assert listed["count"] == 3, username
        rows = [(r["public_id"], r["status"], r["upcoming"], r["cancelled_reason"]) for r in listed["items"]]
        assert rows == expected, username
        assert {r["arranged_by"] for r in listed["items"]} == {str(manager)}
    assert [r["public_id"] for r in api("manager").get(path(plan), upcoming="true").json()["items"]] == [
        str(sooner.public_id)
    ]
    assert api("manager").get(path(plan), upcoming="false").json()["count"] == 2
    other = api("other.manager").get(path(plan))
    assert other.status_code == 404


def test_the_employee_lists_their_own_arranged_check_ins(api, arranged, colleague):
    listed = api(colleague).get(path(arranged.plan))
    assert listed.status_code == 200 and listed.json()["items"][0]["public_id"] == str(arranged.public_id)


def writes_of(arranged) -> list[tuple[str, dict]]:
    """Each write, with a body the action would refuse: a caller who may not act is not told about it."""
    plan, one = arranged.plan, str(arranged.public_id)
    return [
        (path(plan), body(place="  ", scheduled_at="2020-01-01T10:00:00+08:00")),
        (path(plan, one, "reschedule"), body(place="  ")),
        (path(plan, one, "cancel"), {"reason": ""}),
        (path(plan), body()),
        (path(plan, one, "reschedule"), body(scheduled_at="2026-12-03T10:00:00+08:00")),
        (path(plan, one, "cancel"), {"reason": "No."}),
    ]


@pytest.mark.parametrize(
    "username, status",
    [("other.manager", 404), ("employee", 404), ("legal", 403), ("auditor", 403)],
)
def test_those_who_do_not_manage_the_plan_arrange_move_and_cancel_nothing_whatever_they_send(
    api, arranged, events, username, status, django_capture_on_commit_callbacks
):
    """Another team's manager and another employee (Zhang Wei) cannot see the plan (404); legal counsel
    and the auditor read it (403)."""
    with django_capture_on_commit_callbacks(execute=True):
        answers = [api(username).post(address, sent).status_code for address, sent in writes_of(arranged)]
    assert answers == [status] * 6
    arranged.refresh_from_db()
    assert arranged.status == ScheduleStatus.SCHEDULED and arranged.scheduled_at == at("2026-12-01")
    assert ScheduledCheckIn.objects.filter(plan=arranged.plan).count() == 1 and nothing_written(events)


def test_the_employee_on_the_plan_reads_it_and_is_refused_every_write(
    api, arranged, colleague, events, django_capture_on_commit_callbacks
):
    employee = api(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        answers = [employee.post(address, sent) for address, sent in writes_of(arranged)]
    assert [answer.status_code for answer in answers] == [403] * 6
    assert all("manage this plan" in answer.json()["detail"] for answer in answers)
    arranged.refresh_from_db()
    assert not arranged.is_cancelled and nothing_written(events)


@pytest.mark.parametrize(
    "sent, field",
    [
        (body(scheduled_at="2026-11-23T10:00:00+08:00"), "scheduled_at"),  # yesterday
        (body(scheduled_at="2026-11-24T09:00:00+08:00"), "scheduled_at"),  # this morning
        (body(scheduled_at="2027-02-01T10:00:00+08:00"), "scheduled_at"),  # after the plan
        (body(scheduled_at="0001-01-01T00:00:00+14:00"), "scheduled_at"),  # before any calendar
        (body(scheduled_at="next Tuesday"), "scheduled_at"),
        ({"place": "Room 4"}, "scheduled_at"),
        (body(place="   "), "place"),
        (body(place="R" * 201), "place"),
        (body(duration_minutes=0), "duration_minutes"),
        (body(duration_minutes=481), "duration_minutes"),
    ],
)
def test_bad_input_to_arrange_is_named_and_nothing_is_written(
    api, plan, events, sent, field, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = api("manager").post(path(plan), sent)
    assert response.status_code == 422, response.content
    assert {error["loc"][-1] for error in response.json()["detail"]} == {field}
    assert not ScheduledCheckIn.objects.filter(plan=plan).exists() and nothing_written(events)


def test_moving_outside_the_plan_or_cancelling_without_a_reason_is_named(
    api, arranged, events, django_capture_on_commit_callbacks
):
    one = str(arranged.public_id)
    with django_capture_on_commit_callbacks(execute=True):
        moved = api("manager").post(
            path(arranged.plan, one, "reschedule"), body(scheduled_at="2027-02-01T10:00")
        )
        cancelled = api("manager").post(path(arranged.plan, one, "cancel"), {"reason": "  "})
    assert moved.status_code == cancelled.status_code == 422
    assert moved.json()["detail"][0]["loc"] == ["body", "scheduled_at"]
    assert cancelled.json()["detail"][0]["loc"] == ["body", "reason"]
    arranged.refresh_from_db()
    assert arranged.scheduled_at == at("2026-12-01") and not arranged.is_cancelled and nothing_written(events)


def test_a_cancelled_check_in_is_neither_moved_nor_cancelled_again(api, arranged, persona, events):
    actions.cancel_check_in(arranged, actor=persona("manager"), reason="Ill.")
    one = str(arranged.public_id)
    moved = api("manager").post(path(arranged.plan, one, "reschedule"), body(scheduled_at="2026-12-03T10:00"))
    again = api("manager").post(path(arranged.plan, one, "cancel"), {"reason": "Again."})
    assert moved.status_code == again.status_code == 422
    assert moved.json()["detail"] == [
        {"loc": ["body", "scheduled_check_in"], "msg": "This check-in was cancelled; arrange a new one.",
         "type": "action_refused"},
    ]  # fmt: skip
    assert again.json()["detail"][0]["loc"] == ["body", "scheduled_check_in"]
    arranged.refresh_from_db()
    assert arranged.cancelled_reason == "Ill."
    assert events.types() == ["plans.check_in_cancelled", "reminders.invitation_sent"]  # the first only


def test_a_check_in_is_reached_only_through_its_own_plan(api, story, persona, arranged):
    other = publish(persona, story["XQ0009"], by="hr.admin")
    wrong = f"/plans/{other.public_id}/scheduled-check-ins/{arranged.public_id}"
    assert api("manager").post(f"{wrong}/cancel", {"reason": "x"}).status_code == 404
    assert api("manager").get(f"{wrong}/invitation").status_code == 404
    assert api("manager").post(path(arranged.plan, NOBODY, "cancel"), {"reason": "x"}).status_code == 404
    arranged.refresh_from_db()
    assert not arranged.is_cancelled


def test_readers_download_the_invitation_as_it_stands(api, arranged, colleague, persona):
    address = path(arranged.plan, str(arranged.public_id), "invitation")
    for username in ("manager", "legal", "auditor", colleague):
        response = api(username).get(address)
        assert response.status_code == 200, username
        assert response["Content-Type"].startswith("text/calendar")
        assert response["Content-Disposition"] == f'attachment; filename="check-in-{arranged.public_id}.ics"'
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert str(event["UID"]).startswith(f"check-in-{arranged.public_id}@") and event["SEQUENCE"] == 0
    assert api("other.manager").get(address).status_code == 404
    assert api(None).get(address).status_code == 401
    actions.cancel_check_in(arranged, actor=persona("manager"), reason="Ill.")
    event = Calendar.from_ical(api("manager").get(address).content).walk("VEVENT")[0]
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)


def test_the_agenda_is_arranged_answered_and_changed_through_the_api(api, plan, events):
    manager = api("manager")
    response = manager.post(path(plan), body(agenda="Goal 2: the release notes."))
    assert response.status_code == 201, response.content
    assert response.json()["agenda"] == "Goal 2: the release notes."
    assert events.of("plans.check_in_scheduled")[0]["agenda"] == "Goal 2: the release notes."
    moved = manager.post(
        path(plan, response.json()["public_id"], "reschedule"),
        {"scheduled_at": "2026-12-02T10:00:00+08:00", "place": "Room 4", "agenda": "Goal 3 only."},
    )
    assert moved.status_code == 200 and moved.json()["agenda"] == "Goal 3 only."
    too_long = manager.post(path(plan), body(agenda="x" * 4001))
    assert too_long.status_code == 422
    assert [e["loc"] for e in too_long.json()["detail"]] == [["body", "payload", "agenda"]]
