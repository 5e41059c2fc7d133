import pytest
from django.core import mail
from django.db import transaction
from icalendar import Calendar

from dueprocess.cases import actions as cases
from dueprocess.plans import actions as plans
from dueprocess.plans.models import ScheduledCheckIn
from dueprocess.plans.tests.factories import published
from dueprocess.reminders import calendar
from dueprocess.reminders.tests.conftest import day, noon

EMPLOYEE, MANAGER, HRBP = (
    "zhang.wei@xingqiao.example",
    "liu.fang@xingqiao.example",
    "chen.simin@xingqiao.example",
)


def event_of(message):
    """The VEVENT of the text/calendar part of a message, and the part's iTIP method."""
    (part,) = [a for a in message.attachments if a.get_content_type() == "text/calendar"]
    parsed = Calendar.from_ical(part.get_payload(decode=True))
    return parsed.walk("VEVENT")[0], part.get_param("method"), str(parsed["METHOD"])


@pytest.fixture
def plan(persona, zhang):
    return published(persona("manager"), zhang, ends_on=day(30))


def test_a_check_in_goes_out_as_an_invitation_its_updates_and_its_cancellation(
    plan, persona, django_capture_on_commit_callbacks, events
):
    manager = persona("manager")
    with django_capture_on_commit_callbacks(execute=True):
        scheduled = plans.schedule_check_in(plan, actor=manager, scheduled_at=noon(2, 10), place="Room 4")
    assert sorted(m.to[0] for m in mail.outbox) == [MANAGER, EMPLOYEE]
    first, part_method, method = event_of(mail.outbox[0])
    assert (part_method, method, first["SEQUENCE"], str(first["LOCATION"])) == (
        "REQUEST",
        "REQUEST",
        0,
        "Room 4",
    )
    assert first["DTSTART"].dt.isoformat() == "2026-11-26T02:00:00+00:00"
    assert {str(a) for a in first.get("ATTENDEE")} == {f"mailto:{EMPLOYEE}", f"mailto:{MANAGER}"}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plans.reschedule_check_in(scheduled, actor=manager, scheduled_at=noon(3, 15), place="Room 5")
    moved, _part, method = event_of(mail.outbox[0])
    assert (method, moved["SEQUENCE"], str(moved["UID"])) == ("REQUEST", 1, str(first["UID"]))
    assert mail.outbox[0].subject.startswith("[dueprocess] Updated invitation")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        plans.cancel_check_in(scheduled, actor=manager, reason="Manager ill.")
    cancelled, part_method, method = event_of(mail.outbox[0])
    assert (part_method, method, cancelled["SEQUENCE"], str(cancelled["STATUS"])) == (
        "CANCEL",
        "CANCEL",
        2,
        "CANCELLED",
    )
    assert str(cancelled["UID"]) == str(first["UID"]) and "Manager ill." in str(cancelled["DESCRIPTION"])
    assert [e["sequence"] for e in events.of("reminders.invitation_sent")] == [0, 1, 2]


def test_an_action_that_fails_invites_nobody(plan, persona, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        plans.schedule_check_in(plan, actor=persona("manager"), scheduled_at=noon(2), place="Room 4")
        raise RuntimeError("something after it failed")
    assert mail.outbox == [] and not ScheduledCheckIn.objects.exists()


@pytest.fixture
def hearing(open_case, persona):
    return cases.invite_to_hearing(
        open_case,
        actor=persona("hrbp"),
        scheduled_at=noon(1, 14),
        place="Meeting room 3",
        attendees="Chen Simin (HR), Liu Fang <liu.fang@xingqiao.example>",
    )


def test_a_hearing_invitation_goes_to_the_employee_the_organiser_and_attendees_with_an_address(
    hearing, persona, django_capture_on_commit_callbacks
):
    """What the cases actions send on invite_to_hearing and cancel_hearing (called here directly, so
    that the test holds whether or not those actions are wired yet)."""
    with django_capture_on_commit_callbacks(execute=True):
        calendar.send_hearing_invitation(hearing, actor=persona("hrbp"))
    assert sorted(m.to[0] for m in mail.outbox) == [HRBP, MANAGER, EMPLOYEE]
    invited, _part, method = event_of(mail.outbox[0])
    assert method == "REQUEST" and str(invited["UID"]).startswith(f"hearing-{hearing.public_id}@")
    assert str(invited["ORGANIZER"]) == f"mailto:{HRBP}"

    mail.outbox.clear()
    cancelled = cases.cancel_hearing(hearing, actor=persona("hrbp"), reason="The employee is ill.")
    with django_capture_on_commit_callbacks(execute=True):
        calendar.send_hearing_invitation(cancelled, calendar.CANCEL, actor=persona("hrbp"))
    event, _part, method = event_of(mail.outbox[-1])
    assert (method, str(event["STATUS"]), str(event["UID"])) == ("CANCEL", "CANCELLED", str(invited["UID"]))
    assert event["SEQUENCE"] > invited["SEQUENCE"]
    assert "The employee is ill." in str(event["DESCRIPTION"])


def test_an_invitation_is_a_request_or_a_cancellation(hearing):
    with pytest.raises(ValueError):
        calendar.send_hearing_invitation(hearing, "PUBLISH")


EVERY_ROLE = [
    ("hr.admin", 200),
    ("hrbp", 200),
    ("manager", 200),
    ("legal", 200),
    ("employee", 200),
    ("auditor", 200),
    ("other.manager", 404),
]


@pytest.mark.parametrize(("username", "status"), EVERY_ROLE)
def test_the_hearing_invitation_downloads_for_the_employee_and_those_who_read_the_case(
    hearing, client_as, username, status
):
    response = client_as(username).get(f"/calendar/hearings/{hearing.public_id}.ics")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"].startswith("text/calendar")
        event = Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert str(event["LOCATION"]) == "Meeting room 3"


@pytest.mark.parametrize(("username", "status"), EVERY_ROLE)
def test_the_check_in_invitation_downloads_for_those_who_see_the_plan(
    plan, persona, client_as, username, status
):
    scheduled = plans.schedule_check_in(plan, actor=persona("manager"), scheduled_at=noon(2), place="Room 4")
    assert client_as(username).get(f"/calendar/check-ins/{scheduled.public_id}.ics").status_code == status


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login(hearing, client):
    response = client.get(f"/calendar/hearings/{hearing.public_id}.ics")
    assert response.status_code == 302 and "/accounts/login" in response["Location"]
