"""Calendar invitations for hearings and scheduled check-ins (iCalendar, RFC 5545; iTIP, RFC 5546).

Call these from inside the action that arranges, moves or cancels the meeting::

    calendar.send_hearing_invitation(hearing, actor=actor)             # arranged
    calendar.send_hearing_invitation(hearing, CANCEL, actor=actor)     # cancelled

The meeting's SEQUENCE goes up and the invitation is recorded in the caller's transaction; the
e-mails leave after it commits, so an action that fails invites nobody. Each meeting keeps one UID for
its whole life, so a calendar replaces an updated meeting and removes a cancelled one.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.records import chain_for, record_event
from dueprocess.reminders import mail
from dueprocess.reminders.models import CalendarSequence
from dueprocess.reminders.people import language_of

logger = logging.getLogger(__name__)

REQUEST, CANCEL, PUBLISH = "REQUEST", "CANCEL", "PUBLISH"
HEARING_MINUTES = 60  # a hearing has no end time of its own; this is the time reserved for it
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Guest:
    email: str
    name: str
    language: str


@dataclass(frozen=True)
class Meeting:
    uid: str
    subject: models.Model
    chain: str
    start: dt.datetime
    end: dt.datetime
    place: str
    title: Callable[[], str]  # called in each reader's language
    description: Callable[[], str]
    organizer: Guest
    guests: tuple[Guest, ...]
    cancelled: bool
    path: str


def send_hearing_invitation(hearing, method: str = REQUEST, *, actor: User | None = None) -> None:
    send_invitation(hearing_meeting(hearing), method, actor=actor)


def send_check_in_invitation(scheduled, method: str = REQUEST, *, actor: User | None = None) -> None:
    send_invitation(check_in_meeting(scheduled), method, actor=actor)


def send_invitation(meeting: Meeting, method: str, *, actor: User | None) -> None:
    if method not in (REQUEST, CANCEL):
        raise ValueError(f"An invitation is sent as {REQUEST} or {CANCEL}, not {method!r}.")
    sequence = _next_sequence(meeting.uid, method)
    record_event(
        meeting.subject,
        "reminders.invitation_sent",
        actor=actor,
        data={
            "uid": meeting.uid,
            "method": method,
            "sequence": sequence,
            "starts_at": meeting.start,
            "place": meeting.place,
            "to": [guest.email for guest in meeting.guests],
        },
        chain=chain_for(meeting.chain),
    )
    transaction.on_commit(lambda: _deliver(meeting, method, sequence), robust=True)


def current_sequence(uid: str) -> int:
    return CalendarSequence.objects.filter(uid=uid).values_list("sequence", flat=True).first() or 0


def _next_sequence(uid: str, method: str) -> int:
    """0 for the first invitation, one more for each update or cancellation (locked: two changes at
    once still get two numbers)."""
    row = CalendarSequence.objects.select_for_update().filter(uid=uid).first()
    if row is None:
        try:
            with transaction.atomic():
                CalendarSequence.objects.create(uid=uid, sequence=0, method=method)
            return 0
        except IntegrityError:
            row = CalendarSequence.objects.select_for_update().get(uid=uid)
    row.sequence += 1
    row.method = method
    row.save(update_fields=["sequence", "method", "updated_at"])
    return row.sequence


def ics(meeting: Meeting, method: str, sequence: int, language: str) -> bytes:
    with translation.override(language):
        event = Event()
        event.add("uid", meeting.uid)
        event.add("sequence", sequence)
        event.add("dtstamp", timezone.now().astimezone(dt.UTC))
        event.add("dtstart", meeting.start.astimezone(dt.UTC))
        event.add("dtend", meeting.end.astimezone(dt.UTC))
        event.add("summary", meeting.title())
        event.add("location", meeting.place)
        event.add("description", meeting.description())
        cancelled = method == CANCEL or meeting.cancelled
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("organizer", _address(meeting.organizer, organizer=True))
        for guest in meeting.guests:
            event.add("attendee", _address(guest))
        calendar = Calendar()
        calendar.add("prodid", "-//dueprocess//dueprocess//EN")
        calendar.add("version", "2.0")
        calendar.add("method", method)
        calendar.add_component(event)
    return calendar.to_ical()


def _address(guest: Guest, organizer: bool = False) -> vCalAddress:
    address = vCalAddress(f"mailto:{guest.email}")
    address.params["cn"] = vText(guest.name or guest.email)
    if not organizer:
        address.params["role"] = "REQ-PARTICIPANT"
        address.params["partstat"] = "NEEDS-ACTION"
    return address


def _deliver(meeting: Meeting, method: str, sequence: int) -> None:
    for guest in meeting.guests:
        try:
            with translation.override(guest.language):
                subject, body = _message(meeting, method, sequence)
            mail.send(
                guest.email,
                subject,
                body,
                calendar=ics(meeting, method, sequence, guest.language),
                method=method,
            )
        except Exception:
            # One unreachable guest must not keep the invitation from the others.
            logger.exception("The invitation %s could not be sent to %s", meeting.uid, guest.email)


def _message(meeting: Meeting, method: str, sequence: int) -> tuple[str, str]:
    title = meeting.title()
    if method == CANCEL:
        subject = _("Cancelled: %(title)s") % {"title": title}
        lead = _("This meeting is cancelled and has been removed from your calendar invitation.")
    elif sequence:
        subject = _("Updated invitation: %(title)s") % {"title": title}
        lead = _("This meeting has changed. The attached invitation replaces the earlier one.")
    else:
        subject = _("Invitation: %(title)s") % {"title": title}
        lead = _("You are invited. Add the attached invitation to your calendar.")
    lines = [
        lead,
        "",
        title,
        _("When: %(when)s") % {"when": mail.when(meeting.start)},
        _("Where: %(place)s") % {"place": meeting.place},
        "",
        meeting.description(),
        "",
        _("Download the invitation: %(link)s") % {"link": mail.link(meeting.path)},
        "",
        mail.footer(),
    ]
    return subject, "\n".join(lines)


# --- What each kind of meeting says -----------------------------------------------------------------


def _domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "dueprocess"


def _guest_of_employee(employee: Employee | None) -> Guest | None:
    if employee is None or not employee.email:
        return None
    return Guest(employee.email, employee.legal_name, language_of(employee))


def _guest_of_user(user: User | None) -> Guest | None:
    if user is None or not user.email:
        return None
    return Guest(user.email, str(user), user.language)


def _organizer(user: User | None) -> Guest:
    return _guest_of_user(user) or Guest(settings.DEFAULT_FROM_EMAIL, "dueprocess", settings.LANGUAGE_CODE)


def _unique(guests) -> tuple[Guest, ...]:
    seen: dict[str, Guest] = {}
    for guest in guests:
        if guest is not None:
            seen.setdefault(guest.email.lower(), guest)
    return tuple(seen.values())


def _named_in(text: str) -> list[Guest]:
    """Attendees are written as free text; those written with an e-mail address are invited too."""
    guests = []
    for email in EMAIL.findall(text):
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        guests.append(_guest_of_user(user) or Guest(email, email, settings.LANGUAGE_CODE))
    return guests


def hearing_meeting(hearing) -> Meeting:
    case = hearing.case
    employee = case.employee
    appeal = hearing.kind == "appeal"

    def title() -> str:
        text = _("Appeal hearing: %(employee)s") if appeal else _("Hearing: %(employee)s")
        return text % {"employee": employee.legal_name}

    def description() -> str:
        parts = [hearing.agenda, _("Attending: %(who)s") % {"who": hearing.attendees}]
        if hearing.companion_allowed:
            parts.append(_("The employee may bring a companion."))
        if hearing.cancelled_reason:
            parts.append(_("Reason for cancelling: %(reason)s") % {"reason": hearing.cancelled_reason})
        return "\n".join(p for p in parts if p)

    return Meeting(
        uid=f"hearing-{hearing.public_id}@{_domain()}",
        subject=hearing,
        chain=f"case:{case.public_id}",
        start=hearing.scheduled_at,
        end=hearing.scheduled_at + dt.timedelta(minutes=HEARING_MINUTES),
        place=hearing.place,
        title=title,
        description=description,
        organizer=_organizer(hearing.invited_by),
        guests=_unique(
            [_guest_of_employee(employee), _guest_of_user(hearing.invited_by), *_named_in(hearing.attendees)]
        ),
        cancelled=hearing.status == "cancelled",
        path=reverse("reminders:hearing_ics", args=[hearing.public_id]),
    )


def check_in_meeting(scheduled) -> Meeting:
    employee = scheduled.plan.employee

    def title() -> str:
        return _("Improvement plan check-in: %(employee)s") % {"employee": employee.legal_name}

    def description() -> str:
        parts = [scheduled.agenda, _("Progress on each goal of the plan is discussed and recorded.")]
        if scheduled.cancelled_reason:
            parts.append(_("Reason for cancelling: %(reason)s") % {"reason": scheduled.cancelled_reason})
        return "\n".join(p for p in parts if p)

    return Meeting(
        uid=f"check-in-{scheduled.public_id}@{_domain()}",
        subject=scheduled,
        chain="organisation",
        start=scheduled.scheduled_at,
        end=scheduled.scheduled_at + dt.timedelta(minutes=scheduled.duration_minutes),
        place=scheduled.place,
        title=title,
        description=description,
        organizer=_organizer(scheduled.scheduled_by),
        guests=_unique(
            [
                _guest_of_employee(employee),
                _guest_of_employee(employee.manager),
                _guest_of_user(scheduled.scheduled_by),
            ]
        ),
        cancelled=scheduled.is_cancelled,
        path=reverse("reminders:check_in_ics", args=[scheduled.public_id]),
    )
