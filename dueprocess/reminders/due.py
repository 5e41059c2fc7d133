"""What is due: a registry of finders, each a function ``(today) -> iterable of Due``.

A ``Due`` names one deadline of one thing, who is reminded before it, and who is told once it has
passed with the thing still not done (the escalation). ``level_for`` decides, from the kind's timing,
whether today is a day to remind, to escalate, or neither. The finders themselves are in
``finders.py``; another app adds a finder with ``@finder``, or a completion check with
``DONE_CHECKS[kind].append(check)`` (e.g. the offboarding app: "the personnel file was transferred").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts.models import User
from dueprocess.reminders import mail
from dueprocess.reminders.models import Kind, Level

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Timing:
    lead: int  # days before the deadline from which people are reminded
    grace: int  # days after it before an undone thing is escalated


TIMING: dict[str, Timing] = {
    Kind.CHECK_IN: Timing(lead=1, grace=2),  # the notes are often written up a day or two later
    Kind.HEARING: Timing(lead=1, grace=1),
    Kind.PLAN_END: Timing(lead=3, grace=0),
    Kind.RESPONSE_WINDOW: Timing(lead=1, grace=0),
    Kind.NOTICE_END: Timing(lead=3, grace=0),
    Kind.CERTIFICATE: Timing(lead=3, grace=0),
    Kind.FILE_TRANSFER: Timing(lead=5, grace=0),
    Kind.FINAL_PAY: Timing(lead=3, grace=0),
}

# What "not done" means, said to HR when a deadline has passed.
OVERDUE: dict[str, Promise] = {
    Kind.CHECK_IN: _("No check-in has been recorded on the plan since that day."),
    Kind.HEARING: _("The hearing has not been recorded as held, nor cancelled."),
    Kind.PLAN_END: _("No outcome has been decided: the plan is still active."),
    Kind.RESPONSE_WINDOW: _(
        "The case is still at the hearing stage: request a decision, or arrange another step."
    ),
    Kind.NOTICE_END: _("The end of the employment has not been recorded."),
    Kind.CERTIFICATE: _(
        "No termination certificate has been issued. The employer must issue it when the employment "
        "ends (PRC LCL art. 50) and is liable for the employee's loss without it (LCL art. 89)."
    ),
    Kind.FILE_TRANSFER: _(
        "The case is not closed: make sure the personnel file and the social insurance were "
        "transferred, then finish the offboarding."
    ),
    Kind.FINAL_PAY: _(
        "The case is not closed: make sure the final wages were paid. Each day late adds a day's "
        "wages as a waiting-time penalty, up to 30 days (California LC 203)."
    ),
}

# Deadlines further back than this are not looked for: a new installation does not escalate history.
LOOKBACK_DAYS = 30


@dataclass(frozen=True)
class Due:
    kind: str
    subject: str  # the record's reference of the thing: "cases.hearing:<uuid>"
    due_on: dt.date
    recipients: tuple[User, ...]
    escalate_to: tuple[User, ...]
    what: Promise  # a translatable text with %(name)s placeholders
    params: dict[str, Any]
    chain: str  # where the reminder's event is recorded: "organisation" or "case:<uuid>"
    path: str  # the page the handlers open
    target: models.Model = field(compare=False)
    done: bool = False
    # The employee concerned, when they are told too: they do not see the case file, so they get
    # their own link (or none).
    employee_id: int | None = None
    employee_path: str = ""

    def path_for(self, user: User) -> str:
        if self.employee_id is not None and user.employee_id == self.employee_id:
            return self.employee_path
        return self.path

    def text(self) -> str:
        """The reminder in the active language: dates and times formatted for the reader."""
        return str(self.what) % {key: _formatted(value) for key, value in self.params.items()}


def _formatted(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return mail.when(value)
    if isinstance(value, dt.date):
        return mail.day(value)
    return str(value)


Finder = Callable[[dt.date], Iterable[Due]]
FINDERS: list[Finder] = []
DONE_CHECKS: dict[str, list[Callable[[Due], bool]]] = {kind: [] for kind in Kind}


def finder(function: Finder) -> Finder:
    FINDERS.append(function)
    return function


def window(today: dt.date, kind: str) -> tuple[dt.date, dt.date]:
    """The deadlines a run looks at for a kind: from the look-back to the furthest lead."""
    timing = TIMING[kind]
    return today - dt.timedelta(days=LOOKBACK_DAYS + timing.grace), today + dt.timedelta(days=timing.lead)


def is_done(due: Due) -> bool:
    return due.done or any(check(due) for check in DONE_CHECKS.get(due.kind, ()))


def level_for(due: Due, today: dt.date) -> int | None:
    """REMINDER from the lead day until the grace ends; ESCALATION after that, while not done."""
    timing = TIMING[due.kind]
    if today < due.due_on - dt.timedelta(days=timing.lead) or is_done(due):
        return None
    if today > due.due_on + dt.timedelta(days=timing.grace):
        return Level.ESCALATION
    return Level.REMINDER


def find_due(today: dt.date, failed: list[str] | None = None) -> Iterator[Due]:
    """Everything every finder finds. A finder that fails (another app's bug, a missing table) is
    logged and named in ``failed``; the others' deadlines still go out."""
    for find in FINDERS:
        name = f"{find.__module__}.{find.__name__}"
        try:
            found = list(find(today))
        except Exception:
            logger.exception("The reminders finder %s failed", name)
            if failed is not None:
                failed.append(name)
            continue
        yield from found
