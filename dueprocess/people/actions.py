"""The writes that matter for people data (DESIGN §3): importing files, and exporting them, which is
a read of sensitive personal information and so goes on the record too.

``actor`` is the user acting; ``None`` is the operator at the command line, who holds the database
already and is not asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people import exporting
from dueprocess.people.importing import ImportReport, import_files
from dueprocess.people.importing.readers import sha256
from dueprocess.records.events import record_event


def import_people(paths: list[Path], *, actor: User | None, dry_run: bool = False) -> ImportReport:
    """Import employees, wages, departments and locations from CSV/XLSX files, all or nothing."""
    if actor is not None and not policy.can_manage_people_data(actor):
        raise PermissionDenied
    return import_files(paths, dry_run=dry_run, on_written=lambda report: _record_import(report, actor))


def export_people(path: Path, *, actor: User | None, kind: str = "employees") -> dict[str, int]:
    """Write one kind of people data (or all, to XLSX) to ``path``; return the rows per kind."""
    if actor is not None and not policy.can_export_people(actor):
        raise PermissionDenied
    # No transaction around the export itself: on SQLite it would hold the write lock for as long
    # as a million-row file takes to write.
    counts = exporting.export(path, kind)
    with transaction.atomic():
        data = {"file": path.name, "sha256": sha256(path), "kind": kind, "rows": counts}
        _record("people.exported", actor, data)
    return counts


def _record_import(report: ImportReport, actor: User | None) -> None:
    # The files' SHA-256 name exactly what was imported. The files themselves are not stored: they
    # hold every wage in the organisation, and the record is never deleted (PIPL art. 47).
    data = {"files": report.files, "counts": report.summary()}
    _record("people.imported", actor, data)


def _record(event_type: str, actor: User | None, data: dict[str, Any]) -> None:
    """The one call site from people data into the record (DESIGN §5), inside the caller's
    transaction: an import that is not recorded does not happen. An export is recorded because it
    is a read of sensitive personal information (PIPL art. 28)."""
    record_event(None, event_type, actor=actor, data=data)
