"""``send_reminders``: the one idempotent function. Run it as often as you like, from as many
machines as you like: each person hears of each deadline once, and HR once more if it is missed.

How "once" holds: for each person, thing, deadline and level a ``Reminder`` row is inserted, and the
database's unique constraint lets exactly one runner insert it. Only the runner whose insert
succeeded sends, and only after its transaction commits, so a rollback never sends and a concurrent
runner never sends the same thing again. A send that fails is retried by a later run, claimed
afresh by a conditional update so that two runs never retry the same row at once.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dueprocess.accounts.models import User
from dueprocess.records import chain_for, record_event
from dueprocess.reminders import mail
from dueprocess.reminders.due import OVERDUE, Due, find_due, is_done, level_for
from dueprocess.reminders.models import Level, Reminder

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_AFTER = dt.timedelta(minutes=10)  # a send still pending this long was lost, not slow


@dataclass(frozen=True)
class Line:
    kind: str
    subject: str
    due_on: dt.date
    level: int
    recipient: str


@dataclass
class Summary:
    day: dt.date
    sent: list[Line] = field(default_factory=list)
    retried: int = 0
    dry_run: bool = False
    failed: list[str] = field(default_factory=list)  # finders that raised: their deadlines were not looked at

    @property
    def reminders(self) -> int:
        return sum(1 for line in self.sent if line.level == Level.REMINDER)

    @property
    def escalations(self) -> int:
        return sum(1 for line in self.sent if line.level == Level.ESCALATION)


def send_reminders(today: dt.date | None = None, *, dry_run: bool = False) -> Summary:
    today = today or timezone.localdate()
    summary = Summary(day=today, dry_run=dry_run)
    for due in find_due(today, summary.failed):
        level = level_for(due, today)
        if level is None:
            continue
        people = due.escalate_to if level == Level.ESCALATION else due.recipients
        if dry_run:
            summary.sent += [_line(due, level, user) for user in people if not _exists(due, level, user)]
        else:
            summary.sent += _claim(due, level, people)
    if not dry_run:
        summary.retried = _retry_unsent()
    return summary


def _line(due: Due, level: int, user: User) -> Line:
    return Line(due.kind, due.subject, due.due_on, level, user.get_username())


def _key(due: Due, level: int, user: User) -> dict:
    return {"kind": due.kind, "subject": due.subject, "due_on": due.due_on, "level": level, "recipient": user}


def _exists(due: Due, level: int, user: User) -> bool:
    return Reminder.objects.filter(**_key(due, level, user)).exists()


@transaction.atomic
def _claim(due: Due, level: int, people: tuple[User, ...]) -> list[Line]:
    """Insert one row per person; those this runner inserted are its to send."""
    claimed: list[tuple[Reminder, User]] = []
    for user in people:
        if _exists(due, level, user):
            continue
        try:
            with transaction.atomic():
                claimed.append((Reminder.objects.create(**_key(due, level, user), attempts=1), user))
        except IntegrityError:
            continue  # another runner claimed it a moment ago
    if not claimed:
        return []
    record_event(
        due.subject,
        "reminders.escalated" if level == Level.ESCALATION else "reminders.sent",
        actor=None,
        data={
            "kind": due.kind,
            "due_on": due.due_on,
            "level": level,
            "to": sorted(user.get_username() for _reminder, user in claimed),
        },
        chain=chain_for(due.chain),
    )
    transaction.on_commit(lambda: _deliver_all(due, level, claimed), robust=True)
    return [_line(due, level, user) for _reminder, user in claimed]


def _deliver_all(due: Due, level: int, claimed: list[tuple[Reminder, User]]) -> None:
    for reminder, user in claimed:
        _deliver(reminder, due, level, user)


def _deliver(reminder: Reminder, due: Due, level: int, user: User) -> None:
    try:
        with translation.override(user.language):
            subject, body = compose(due, level, user)
        mail.send(user.email, subject, body)
    except Exception as error:
        logger.exception("Reminder %s could not be sent to %s", reminder.pk, user.get_username())
        Reminder.objects.filter(pk=reminder.pk).update(last_error=str(error)[:2000])
    else:
        Reminder.objects.filter(pk=reminder.pk).update(sent_at=timezone.now(), last_error="")


def compose(due: Due, level: int, user: User) -> tuple[str, str]:
    """The subject and text of one reminder, in the active language."""
    text = due.text()
    if level == Level.ESCALATION:
        subject = _("Overdue: %(what)s") % {"what": text}
        lines = [
            _("Overdue since %(day)s.") % {"day": mail.day(due.due_on)},
            text,
            str(OVERDUE[due.kind]),
            _("You are told because the deadline has passed; those responsible were reminded before it."),
        ]
    else:
        subject = _("Reminder: %(what)s") % {"what": text}
        lines = [text]
    path = due.path_for(user)
    if path:
        lines += ["", mail.link(path)]
    return subject, "\n".join([*lines, "", mail.footer()])


def _retry_unsent() -> int:
    """Sends that failed, or whose runner stopped between commit and send, are tried again while the
    thing is still due; each retry is claimed by a conditional update, so two runs never both send."""
    stale = Reminder.objects.filter(
        sent_at=None, attempts__lt=MAX_ATTEMPTS, created_at__lt=timezone.now() - RETRY_AFTER
    ).select_related("recipient")
    found: dict[dt.date, dict[tuple, Due]] = {}
    retried = 0
    for reminder in stale:
        if reminder.due_on not in found:
            found[reminder.due_on] = {(d.kind, d.subject): d for d in find_due(reminder.due_on)}
        due = found[reminder.due_on].get((reminder.kind, reminder.subject))
        pending = Reminder.objects.filter(pk=reminder.pk, sent_at=None, attempts=reminder.attempts)
        if due is None or due.due_on != reminder.due_on or is_done(due):
            pending.update(attempts=MAX_ATTEMPTS, last_error="no longer due")
        elif pending.update(attempts=reminder.attempts + 1):
            _deliver(reminder, due, reminder.level, reminder.recipient)
            retried += 1
    return retried
