"""What an import found wrong, and what it changed (or would change)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

# Past this many problems a person stops reading; the rest are counted, not listed.
MAX_PROBLEMS = 200
MAX_CHANGES_SHOWN = 50


@dataclass(frozen=True)
class Error:
    source: str
    row: int | None
    column: str | None
    problem: str

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("row %(row)s, column %(column)s: %(problem)s") % {
                "row": self.row,
                "column": self.column,
                "problem": self.problem,
            }
        if self.row is not None:
            return _("row %(row)s: %(problem)s") % {"row": self.row, "problem": self.problem}
        return self.problem


class Problems:
    """Every problem in every file, so that one run tells the user everything to fix."""

    def __init__(self) -> None:
        self.errors: list[Error] = []
        self.total = 0
        # A cell that could not be read is reported once; the checks after reading see it as empty
        # and would otherwise add a second, misleading problem at the same place.
        self._places: set[tuple[str, int | None, str | None]] = set()

    def __bool__(self) -> bool:
        return self.total > 0

    def add(self, source: str, row: int | None, column: str | None, problem: str) -> None:
        if column is not None and row is not None:
            if (source, row, column) in self._places:
                return
            self._places.add((source, row, column))
        self.total += 1
        if len(self.errors) < MAX_PROBLEMS:
            self.errors.append(Error(source, row, column, problem))

    def lines(self) -> list[str]:
        sources = list(dict.fromkeys(e.source for e in self.errors))
        lines: list[str] = []
        for source in sources:
            lines.append(_("In %(file)s:") % {"file": source})
            errors = sorted((e for e in self.errors if e.source == source), key=lambda e: e.row or 0)
            lines.extend(str(e) for e in errors)
        if self.total > len(self.errors):
            lines.append(_("… and %(count)s more") % {"count": self.total - len(self.errors)})
        return lines

    def raise_if_any(self) -> None:
        if self:
            raise ImportRejected(self)


class ImportRejected(Exception):
    """The files had problems; nothing was written."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("\n".join(problems.lines()))


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    dry_run: bool
    files: dict[str, str] = field(default_factory=dict)  # label → SHA-256 of the file's bytes
    counts: dict[str, Counts] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)
    changes_total: int = 0
    notes: list[str] = field(default_factory=list)

    def count(self, kind: str) -> Counts:
        return self.counts.setdefault(kind, Counts())

    def change(self, line: str | Callable[[], str]) -> None:
        """Keep the first few changes for the user to read; count them all. Pass a function to
        have the line written only if it is kept: a million new wage rows need no million lines."""
        self.changes_total += 1
        if len(self.changes) < MAX_CHANGES_SHOWN:
            self.changes.append(line if isinstance(line, str) else line())

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated for c in self.counts.values())

    def summary(self) -> dict[str, dict[str, int]]:
        return {kind: asdict(c) for kind, c in self.counts.items()}

    def lines(self, *, show_changes: bool) -> list[str]:
        if self.dry_run:
            head = _("Dry run: nothing was written. Importing would make these changes:")
        elif self.changed:
            head = _("Imported. These changes were written:")
        else:
            head = _("Imported. Nothing needed changing: the database already matches the files.")
        lines = [head]
        for kind, c in self.counts.items():
            lines.append(
                _("%(kind)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
                % {"kind": kind, "created": c.created, "updated": c.updated, "unchanged": c.unchanged}
            )
        if show_changes and self.changes:
            lines.extend("  " + change for change in self.changes)
            if self.changes_total > len(self.changes):
                lines.append(
                    "  " + _("… and %(count)s more") % {"count": self.changes_total - len(self.changes)}
                )
        lines.extend(self.notes)
        return lines
