"""Arranging, moving and cancelling check-ins from the plan page: who may, what is refused (named on
the form, nothing written), and what goes on the record and out to the calendars."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from dueprocess.plans import actions
from dueprocess.plans.models import Outcome, ScheduledCheckIn
from dueprocess.plans.tests.factories import check_in, published
from dueprocess.records.models import Event

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
EMPLOYEE, MANAGER = "zhang.wei@xingqiao.example", "liu.fang@xingqiao.example"


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=SHANGHAI)


def invitations(outbox) -> list[tuple[str, str, int]]:
    """(to, iTIP method, SEQUENCE) of each calendar invitation sent."""
    sent = []
    for message in outbox:
        (part,) = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
        calendar = Calendar.from_ical(part.get_payload(decode=True))
        sent.append((message.to[0], str(calendar["METHOD"]), int(calendar.walk("VEVENT")[0]["SEQUENCE"])))
    return sorted(sent)


@pytest.fixture
def plan(persona, zhang):
    """Zhang Wei's plan runs from 1 September to the end of the year; today is 24 November, noon."""
    return published(persona("manager"), zhang, ends_on=dt.date(2026, 12, 31))


@pytest.fixture
def arranged(plan, persona):
    return actions.schedule_check_in(
        plan, actor=persona("manager"), scheduled_at=at("2026-12-01"), place="Room 4"
    )


def _actions(body: str) -> list[str]:
    return re.findall(r'action="([^"]+)"', body)


def page(plan) -> str:
    return reverse("plans:plan_detail", args=[plan.public_id])


def schedule_url(plan) -> str:
    return reverse("plans:check_in_schedule", args=[plan.public_id])


def move_url(scheduled) -> str:
    return reverse("plans:check_in_reschedule", args=[scheduled.plan.public_id, scheduled.public_id])


def cancel_url(scheduled) -> str:
    return reverse("plans:check_in_cancel", args=[scheduled.plan.public_id, scheduled.public_id])


def form(when="2026-12-01T10:00", place="Room 4", minutes="45", prefix="schedule") -> dict:
    return {f"{prefix}-scheduled_at": when, f"{prefix}-place": place, f"{prefix}-duration_minutes": minutes}


@pytest.mark.parametrize("username", ["manager", "hrbp"])
def test_those_who_manage_the_plan_arrange_a_check_in_on_the_record_and_in_the_calendars(
    plan, client_as, username, events, django_capture_on_commit_callbacks
):
    client = client_as(username)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(schedule_url(plan), form(place="https://meet.example/zhang"))
    assert response.status_code == 302 and response["Location"] == page(plan)
    scheduled = ScheduledCheckIn.objects.get(plan=plan)
    assert (scheduled.scheduled_at, scheduled.place, scheduled.duration_minutes) == (
        at("2026-12-01"),
        "https://meet.example/zhang",
        45,
    )
    assert events.types() == ["plans.check_in_scheduled", "reminders.invitation_sent"]
    assert events.of("plans.check_in_scheduled")[0]["scheduled_check_in"] == str(scheduled.public_id)
    assert {(to, method, seq) for to, method, seq in invitations(mail.outbox)} >= {
        (EMPLOYEE, "REQUEST", 0),
        (MANAGER, "REQUEST", 0),
    }
    listed = client.get(page(plan)).content.decode()
    assert "2026-12-01 10:00" in listed and 'href="https://meet.example/zhang"' in listed
    assert reverse("reminders:check_in_ics", args=[scheduled.public_id]) in listed


def test_the_page_offers_the_form_and_says_who_is_invited(plan, client_as):
    body = client_as("manager").get(page(plan)).content.decode()
    assert 'name="schedule-scheduled_at"' in body and 'type="datetime-local"' in body
    assert "The calendar invitation goes to: 张伟, 刘芳" in body
    assert "from 2026-09-01 to 2026-12-31" in body
    # The date picker offers from now to the plan's last day.
    assert 'min="2026-11-24T12:00" max="2026-12-31T23:59"' in body


@pytest.mark.parametrize("username", ["legal", "auditor"])
def test_readers_see_arranged_check_ins_but_no_forms(plan, arranged, client_as, username):
    body = client_as(username).get(page(plan)).content.decode()
    assert "2026-12-01 10:00" in body and "Room 4" in body
    assert not {schedule_url(plan), move_url(arranged), cancel_url(arranged)} & {u for u in _actions(body)}
    assert 'name="schedule-scheduled_at"' not in body and "-reason" not in body
    assert client_as(username).post(schedule_url(plan), form()).status_code == 404


@pytest.mark.parametrize("username", ["other.manager", "employee", "legal", "auditor"])
def test_those_who_do_not_manage_the_plan_arrange_move_and_cancel_nothing(
    plan, arranged, client_as, username, django_capture_on_commit_callbacks
):
    client, before = client_as(username), Event.objects.count()
    posts = [
        (schedule_url(plan), form(when="2026-12-02T10:00")),
        (move_url(arranged), form("2026-12-03T10:00", prefix=f"reschedule-{arranged.public_id}")),
        (cancel_url(arranged), {f"cancel-{arranged.public_id}-reason": "No."}),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert [client.post(url, data).status_code for url, data in posts] == [404, 404, 404]
    arranged.refresh_from_db()
    assert ScheduledCheckIn.objects.count() == 1 and not arranged.is_cancelled
    assert arranged.scheduled_at == at("2026-12-01")
    assert Event.objects.count() == before and mail.outbox == []


@pytest.mark.parametrize(
    "data, field, message",
    [
        (form(when="2026-11-23T10:00"), "scheduled_at", "A check-in cannot be arranged in the past."),
        (form(when="2026-11-24T09:00"), "scheduled_at", "A check-in cannot be arranged in the past."),
        (
            form(when="2027-01-04T10:00"),
            "scheduled_at",
            "must fall within the plan, from 2026-09-01 to 2026-12-31",
        ),
        (form(when=""), "scheduled_at", "This field is required."),
        (form(when="next Tuesday"), "scheduled_at", "Enter a valid date/time."),
        (form(place="   "), "place", "This field is required."),
        (form(minutes="0"), "duration_minutes", "greater than or equal to 1"),
        (form(minutes="600"), "duration_minutes", "less than or equal to 480"),
    ],
)
def test_bad_input_is_named_on_the_form_and_nothing_is_written(
    plan, client_as, data, field, message, django_capture_on_commit_callbacks
):
    before = Event.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("manager").post(schedule_url(plan), data)
    assert response.status_code == 422
    errors = response.context["schedule_form"].errors
    assert list(errors) == [field] and message in " ".join(errors[field])
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not ScheduledCheckIn.objects.exists() and Event.objects.count() == before and mail.outbox == []


def test_a_closed_plan_has_no_check_in_arranged(persona, zhang, client_as):
    plan = published(persona("manager"), zhang)  # ended on 20 November
    held = check_in(plan, persona("manager"), [zhang])
    actions.decide_outcome(
        plan, actor=persona("hrbp"), outcome=Outcome.FAILED, check_ins=[held], summary="S."
    )
    client, before = client_as("hrbp"), Event.objects.count()
    assert 'name="schedule-scheduled_at"' not in client.get(page(plan)).content.decode()
    response = client.post(schedule_url(plan), form())
    assert response.status_code == 422
    assert "Check-ins are arranged only while the plan is active." in response.content.decode()
    assert response.context["schedule_form"].non_field_errors()
    assert not ScheduledCheckIn.objects.exists() and Event.objects.count() == before


def test_the_manager_moves_a_check_in_and_the_calendars_get_the_update(
    arranged, client_as, events, django_capture_on_commit_callbacks
):
    prefix = f"reschedule-{arranged.public_id}"
    client = client_as("manager")
    assert 'value="2026-12-01T10:00"' in client.get(page(arranged.plan)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move_url(arranged), form("2026-12-02T15:30", "Room 5", "30", prefix))
    assert response.status_code == 302
    arranged.refresh_from_db()
    assert (arranged.scheduled_at, arranged.place, arranged.duration_minutes) == (
        at("2026-12-02", 15) + dt.timedelta(minutes=30),
        "Room 5",
        30,
    )
    assert events.types() == ["plans.check_in_rescheduled", "reminders.invitation_sent"]
    assert (EMPLOYEE, "REQUEST", 1) in invitations(mail.outbox)


def test_moving_outside_the_plan_is_named_and_leaves_the_check_in_as_it_was(
    arranged, client_as, django_capture_on_commit_callbacks
):
    prefix, before = f"reschedule-{arranged.public_id}", Event.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("manager").post(move_url(arranged), form("2027-02-01T10:00", prefix=prefix))
    assert response.status_code == 422
    (row,) = response.context["arranged"]
    assert row[0] == arranged and list(row[1].errors) == ["scheduled_at"]
    assert "<details open>" in response.content.decode()
    arranged.refresh_from_db()
    assert arranged.scheduled_at == at("2026-12-01") and arranged.place == "Room 4"
    assert Event.objects.count() == before and mail.outbox == []


def test_the_manager_cancels_with_a_reason_and_the_calendars_drop_it(
    arranged, client_as, events, django_capture_on_commit_callbacks
):
    client, field = client_as("manager"), f"cancel-{arranged.public_id}-reason"
    before = Event.objects.count()
    response = client.post(cancel_url(arranged), {field: "  "})
    assert response.status_code == 422 and list(response.context["arranged"][0][2].errors) == ["reason"]
    arranged.refresh_from_db()
    assert not arranged.is_cancelled and Event.objects.count() == before

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(arranged), {field: "The manager is ill."})
    assert response.status_code == 302
    arranged.refresh_from_db()
    assert arranged.is_cancelled and arranged.cancelled_reason == "The manager is ill."
    assert events.of("plans.check_in_cancelled")[0]["reason"] == "The manager is ill."
    assert (EMPLOYEE, "CANCEL", 1) in invitations(mail.outbox)
    assert "Room 4" not in client.get(page(arranged.plan)).content.decode()


def test_a_cancelled_check_in_cannot_be_moved_and_says_why(arranged, persona, client_as):
    actions.cancel_check_in(arranged, actor=persona("manager"), reason="Ill.")
    prefix, before = f"reschedule-{arranged.public_id}", Event.objects.count()
    response = client_as("manager").post(move_url(arranged), form("2026-12-03T10:00", prefix=prefix))
    assert response.status_code == 422
    assert "This check-in was cancelled; arrange a new one." in response.content.decode()
    arranged.refresh_from_db()
    assert arranged.scheduled_at == at("2026-12-01") and Event.objects.count() == before


def test_a_check_in_is_reached_only_through_its_own_plan(arranged, persona, demo_org, client_as):
    other = published(persona("manager"), demo_org["XQ0008"], ends_on=dt.date(2026, 12, 31))
    wrong = reverse("plans:check_in_cancel", args=[other.public_id, arranged.public_id])
    assert client_as("manager").post(wrong, {f"cancel-{arranged.public_id}-reason": "x"}).status_code == 404
    arranged.refresh_from_db()
    assert not arranged.is_cancelled


def test_the_agenda_is_arranged_shown_and_kept_when_the_check_in_moves(
    plan, client_as, django_capture_on_commit_callbacks
):
    client = client_as("manager")
    agenda = "Goal 2: the release notes.\nBring the <b>customer</b> survey."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(schedule_url(plan), {**form(), "schedule-agenda": agenda})
    assert response.status_code == 302
    scheduled = ScheduledCheckIn.objects.get(plan=plan)
    assert scheduled.agenda == agenda
    (message,) = [m for m in mail.outbox if m.to == [EMPLOYEE]]
    (part,) = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
    sent = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")[0]
    assert str(sent["DESCRIPTION"]).startswith(agenda)
    listed = client.get(page(plan)).content.decode()
    assert "Goal 2: the release notes.<br>Bring the &lt;b&gt;customer&lt;/b&gt; survey." in listed
    # The move form is filled in with it: moving the check-in does not drop it.
    prefix = f"reschedule-{scheduled.public_id}"
    assert f'name="{prefix}-agenda"' in listed and "Goal 2: the release notes." in listed.split(prefix)[-1]
    moved = {**form("2026-12-02T10:00", prefix=prefix), f"{prefix}-agenda": agenda}
    assert client.post(move_url(scheduled), moved).status_code == 302
    scheduled.refresh_from_db()
    assert scheduled.agenda == agenda and scheduled.day == dt.date(2026, 12, 2)
