"""`dueprocess send_reminders [--date YYYY-MM-DD] [--dry-run]`: send what is due, once."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.reminders.models import Kind, Level
from dueprocess.reminders.sending import send_reminders


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = _("--date: give a date as YYYY-MM-DD, not %(value)r.") % {"value": value}
        raise CommandError(message) from None


class Command(BaseCommand):
    help = "Send the reminders and escalations that are due (safe to run as often as you like)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="act as if today were this day (YYYY-MM-DD)")
        parser.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")

    def handle(self, *args, date: str | None, dry_run: bool, **options) -> None:  # type: ignore[override]
        summary = send_reminders(_day(date) if date else None, dry_run=dry_run)
        for line in summary.sent:
            kind = Kind(line.kind).label if line.kind in Kind.values else line.kind  # other apps' kinds
            self.stdout.write(
                f"{line.due_on}  {Level(line.level).label:<10}  {kind}  {line.subject}  → {line.recipient}"
            )
        counts = {"reminders": summary.reminders, "escalations": summary.escalations, "day": summary.day}
        if dry_run:
            message = _("%(day)s: would send %(reminders)s reminders and %(escalations)s escalations.")
        else:
            message = _("%(day)s: sent %(reminders)s reminders and %(escalations)s escalations.")
        self.stdout.write(message % counts)
        if summary.retried:
            self.stdout.write(_("Retried %(count)s earlier sends.") % {"count": summary.retried})
        if summary.failed:
            raise CommandError(
                _("These finders failed, so their deadlines were not looked at: %(names)s")
                % {"names": ", ".join(summary.failed)}
            )
