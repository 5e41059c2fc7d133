"""Importing people data from CSV and XLSX: read → check every cell → plan → write, all or nothing.

    report = import_files([Path("employees.xlsx")], dry_run=True)

Any problem in any file raises ``ImportRejected`` listing every problem found, and nothing is
written. The checks that need the database (unknown codes, reporting cycles, contracts) run inside
the same transaction as the writes, so what was checked is what is written.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from dueprocess.people.importing.columns import WRITE_ORDER
from dueprocess.people.importing.employees import plan_employees
from dueprocess.people.importing.organisation import plan_departments, plan_locations
from dueprocess.people.importing.plan import Context, Plan
from dueprocess.people.importing.readers import open_sheets, sha256
from dueprocess.people.importing.report import ImportRejected, ImportReport, Problems
from dueprocess.people.importing.tables import Table, read_table
from dueprocess.people.importing.wages import plan_wages
from dueprocess.people.importing.writer import write

__all__ = ["ImportRejected", "ImportReport", "import_files"]

_PLANNERS = {
    "locations": plan_locations,
    "departments": plan_departments,
    "employees": plan_employees,
    "wages": plan_wages,
}
# Two imports at once on PostgreSQL would each check against a database the other is changing.
_LOCK_KEY = zlib.crc32(b"dueprocess.people.import")


def import_files(
    paths: list[Path], *, dry_run: bool = False, on_written: Callable[[ImportReport], None] | None = None
) -> ImportReport:
    """``on_written`` runs inside the transaction after the writes (to record the import)."""
    problems, report = Problems(), ImportReport(dry_run=dry_run)
    tables, complete = read_files(paths, problems, report)
    if not complete:  # a file or sheet could not be read: checking the rest would mislead
        problems.raise_if_any()
    if dry_run:
        plan(tables, problems, report)
        return report
    with transaction.atomic():
        _lock()
        the_plan, ctx = plan(tables, problems, report)
        try:
            write(the_plan, ctx)
        except IntegrityError as error:  # a rule the checks above missed; the database kept it
            problems.add(", ".join(report.files), None, None, _refused(error))
            raise ImportRejected(problems) from error
        if on_written is not None:
            on_written(report)
    return report


def _refused(error: IntegrityError) -> str:
    return _("The database refused the import, so nothing was written: %(error)s") % {"error": error}


def read_files(
    paths: list[Path], problems: Problems, report: ImportReport
) -> tuple[dict[str, list[Table]], bool]:
    """The tables in the files, by kind, and whether every file and sheet could be read. A cell
    that cannot be read is reported and read as empty, so that the checks that follow still run."""
    tables: dict[str, list[Table]] = defaultdict(list)
    complete = True
    for path in paths:
        with open_sheets(path, problems) as sheets:
            complete = complete and bool(sheets)
            if sheets:
                report.files[path.name] = sha256(path)
            for sheet in sheets:
                table = read_table(sheet, problems, report)
                complete = complete and table is not None
                if table is not None:
                    tables[table.kind.name].append(table)
    return tables, complete


def plan(tables: dict[str, list[Table]], problems: Problems, report: ImportReport) -> tuple[Plan, Context]:
    """Check the files against the database and work out the writes; raise if anything is wrong."""
    the_plan, ctx = Plan(), Context(problems, report)
    for kind in WRITE_ORDER:
        _PLANNERS[kind](ctx, tables.get(kind, []), the_plan)
    problems.raise_if_any()
    return the_plan, ctx


def _lock() -> None:
    # SQLite needs nothing: its transactions here are IMMEDIATE and so already hold the write lock.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
