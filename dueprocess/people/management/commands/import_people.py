from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.people.actions import import_people
from dueprocess.people.importing import ImportRejected


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]  # translated when asked, in the active language
        return _(
            "Import people data from CSV or XLSX files: employees (one row per employee with the current "
            "contract), wages (one row per employee and month), departments, work locations. Each file's "
            "kind is told by its header row, English or Chinese (工号, 姓名 …). Rows are matched by employee "
            "number (or code, or number and month), so importing the same file again changes nothing. "
            "Several files are imported together; any problem in any file means nothing is written, and "
            "every problem is listed as 'row N, column NAME: what is wrong' (exit status 2)."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help=_(".csv or .xlsx"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Check everything and show what would change, but write nothing."),
        )

    def handle(self, *args: Any, files: list[Path], dry_run: bool, verbosity: int, **options: Any) -> None:
        try:
            report = import_people(files, actor=None, dry_run=dry_run)
        except ImportRejected as rejected:
            for line in rejected.problems.lines():
                self.stderr.write(line)
            raise CommandError(
                _("Nothing was imported: %(count)s problems were found.")
                % {"count": rejected.problems.total},
                returncode=2,
            ) from None
        for line in report.lines(show_changes=dry_run or verbosity >= 2):
            self.stdout.write(line)
