"""`dueprocess render_letters --layoff <uuid>`: write one letter for everybody in a layoff, here and
now, with a progress bar (the web page hands the same work to the background worker)."""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.accounts.models import User
from dueprocess.cases.models import Layoff
from dueprocess.letters.actions import create_batch, run_batch
from dueprocess.letters.kinds import Language, LetterKind
from dueprocess.letters.models import LetterBatch

BAR = 30


class Command(BaseCommand):
    help = "Write one letter (by default the notice of termination) for everybody in a layoff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--layoff", required=True, type=uuid.UUID, help="the layoff's id (a UUID)")
        parser.add_argument("--kind", default=LetterKind.TERMINATION_NOTICE, choices=LetterKind.values)
        parser.add_argument("--language", default=Language.ZH_HANS, choices=Language.values)
        parser.add_argument("--user", default="", help="write as this user (default: the command line)")

    def handle(self, *args, layoff: uuid.UUID, kind: str, language: str, user: str, **options) -> None:  # type: ignore[override]
        found = Layoff.objects.filter(public_id=layoff).first()
        if found is None:
            raise CommandError(_("There is no layoff %(id)s.") % {"id": layoff})
        actor = self._actor(user)
        try:
            batch = create_batch(found, actor=actor, kind=kind, language=language)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError("; ".join(getattr(error, "messages", [str(error)]))) from error
        batch = run_batch(batch, progress=self._show)
        self.stdout.write("")
        for problem in batch.errors:
            self.stderr.write(f"{problem['employee']}: {problem['error']}")
        self.stdout.write(
            _("%(done)s of %(total)s letters written, %(failed)s failed.")
            % {"done": batch.done, "total": batch.total, "failed": batch.failed}
        )
        if batch.failed:
            raise CommandError(_("Some letters could not be written; the reasons are above."))

    def _actor(self, username: str) -> User | None:
        if not username:
            return None
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None:
            raise CommandError(_("There is no active user %(name)s.") % {"name": username})
        return actor

    def _show(self, batch: LetterBatch) -> None:
        finished = batch.done + batch.failed
        filled = BAR * finished // batch.total if batch.total else BAR
        line = f"\r[{'#' * filled}{'.' * (BAR - filled)}] {finished}/{batch.total}"
        if batch.failed:
            line += " " + _("(%(n)s failed)") % {"n": batch.failed}
        self.stdout.write(line, ending="")
        self.stdout.flush()
