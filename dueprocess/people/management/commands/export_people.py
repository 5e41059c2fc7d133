from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dueprocess.people.actions import export_people
from dueprocess.people.exporting import KINDS, ExportError


class Command(BaseCommand):
    @property
    def help(self) -> str:  # type: ignore[override]  # translated when asked, in the active language
        return _(
            "Export people data to FILE, as CSV or XLSX by its extension, in the columns the importer "
            "reads: an unchanged export imports back with no change. --kind chooses what: employees (the "
            "default; one row per employee with the current contract), wages (one row per employee and "
            "month), departments, locations, or all (XLSX only: one sheet per kind, so a whole "
            "organisation fits in one workbook)."
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE", help=_(".csv or .xlsx"))
        parser.add_argument("--kind", choices=KINDS, default="employees", help=_("What to export."))

    def handle(self, *args: Any, file: Path, kind: str, **options: Any) -> None:
        try:
            counts = export_people(file, actor=None, kind=kind)
        except (ExportError, OSError) as error:
            raise CommandError(str(error), returncode=2) from None
        for name, count in counts.items():
            self.stdout.write(_("%(kind)s: %(count)s rows") % {"kind": name, "count": count})
        self.stdout.write(_("Written to %(file)s.") % {"file": file})
