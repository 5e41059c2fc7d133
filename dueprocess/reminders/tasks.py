"""Background work through the Django Tasks API: the database backend in the embedded server, RQ on
Redis when deployed on several machines. The task only wraps the idempotent function, so a run
enqueued twice, or run by two workers at once, still sends each reminder once."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from dueprocess.reminders.sending import send_reminders


@task()
def run_reminders(day: str | None = None) -> dict:
    """``day`` as YYYY-MM-DD (arguments travel as JSON); today if not given."""
    summary = send_reminders(dt.date.fromisoformat(day) if day else None)
    return {
        "day": summary.day.isoformat(),
        "reminders": summary.reminders,
        "escalations": summary.escalations,
        "retried": summary.retried,
        "failed": summary.failed,
    }
