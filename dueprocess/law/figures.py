"""Dated, sourced figure tables (average wages, minimum wages, caps) kept as CSV files.

Each table is a CSV file in ``dueprocess/law/data/`` (see the README there) with the columns
``place,figure,amount,currency,applies_from,known_until,data_year,status,source,note``. A figure is
never a constant in code: the engine asks for the row in force on a day.

An administrator adds newer rows without a code change by pointing ``DUEPROCESS_LAW_DATA_DIR`` at a
directory holding CSV files with the same names; their rows are merged in, and a row with the same
place, figure and ``applies_from`` as a packaged row replaces it (a correction).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from dueprocess.law.base import FactsError, Text, Warning

DATA_DIR = Path(__file__).resolve().parent / "data"
ENV_DIR = "DUEPROCESS_LAW_DATA_DIR"
REQUIRED_COLUMNS = ("place", "figure", "amount", "currency", "applies_from", "source")
# Status values that put a warning on every assessment using the row (the figure needs review).
UNCONFIRMED = frozenset({"unconfirmed", "weak_source"})


class FigureDataError(ValueError):
    """A figure table that cannot be read: names the file and the line."""


@dataclass(frozen=True)
class FigureRow:
    place: str
    figure: str
    amount: Decimal
    currency: str
    applies_from: dt.date
    known_until: dt.date | None  # None: no newer figure is expected
    data_year: int | None
    status: str
    source: str
    note: str


class FigureOnDay(NamedTuple):
    """The row in force on a day, and the warnings that come with using it."""

    row: FigureRow
    warnings: tuple[Warning, ...]


class _Series:
    """The rows of one place and figure, sorted by start date, for a fast bisect."""

    __slots__ = ("rows", "starts")

    def __init__(self, rows: list[FigureRow]) -> None:
        self.rows = tuple(sorted(rows, key=lambda r: r.applies_from))
        self.starts = tuple(r.applies_from for r in self.rows)


def figure_on(
    table: str,
    place: str,
    day: dt.date,
    figure: str | None = None,
    *,
    place_field: str = "locality",
    day_field: str = "last_day",
) -> FigureOnDay:
    """The row of ``table`` in force for ``place`` on ``day``.

    ``figure`` picks a series when a table holds more than one for the place (Beijing keeps a
    severance series and a social-insurance series); without it the place must have one series.
    A place with no rows is a FactsError on ``place_field``; a day before the first row is a
    FactsError on ``day_field`` naming the place, the figure and the day. A day past the row's
    ``known_until`` uses that row and returns a warning naming the figure to update.
    """
    key = place.strip().lower()
    return _figure_on(table, key, day, figure, place_field, day_field, _extra_dir())


@lru_cache(maxsize=65536)
def _figure_on(
    table: str,
    place: str,
    day: dt.date,
    figure: str | None,
    place_field: str,
    day_field: str,
    extra: str | None,
) -> FigureOnDay:
    series = _series(table, place, figure, place_field, extra)
    index = bisect_right(series.starts, day) - 1
    if index < 0:
        first = series.rows[0]
        raise FactsError(
            day_field,
            f"no {first.figure} for {place} on {day.isoformat()} "
            f"(the table {table} starts on {first.applies_from.isoformat()})",
            f"{table} 中没有 {place} 在 {day.isoformat()} 的 {first.figure}"
            f"（最早数据自 {first.applies_from.isoformat()} 起适用）",
        )
    row = series.rows[index]
    return FigureOnDay(row, _warnings(table, row, day))


def _warnings(table: str, row: FigureRow, day: dt.date) -> tuple[Warning, ...]:
    found = []
    if row.known_until is not None and day > row.known_until:
        found.append(
            Warning(
                code=f"FIGURE.STALE.{table}.{row.place}.{row.figure}",
                message=Text(
                    f"{row.figure} for {row.place} ({table}) is known only until "
                    f"{row.known_until.isoformat()}; {row.amount} {row.currency} from "
                    f"{row.applies_from.isoformat()} was used for {day.isoformat()}. "
                    "Add the newer figure with its source.",
                    f"{row.place} 的 {row.figure}（{table}）仅确认至 {row.known_until.isoformat()}；"
                    f"{day.isoformat()} 暂按 {row.applies_from.isoformat()} 起适用的 {row.amount} "
                    f"{row.currency} 计算。请补充更新的数据及其来源。",
                ),
            )
        )
    if row.status in UNCONFIRMED:
        found.append(
            Warning(
                code=f"FIGURE.UNCONFIRMED.{table}.{row.place}.{row.figure}",
                message=Text(
                    f"{row.figure} for {row.place} ({row.amount} {row.currency} from "
                    f"{row.applies_from.isoformat()}) is {row.status}: {_reason(row)}. Have it reviewed.",
                    f"{row.place} 的 {row.figure}（{row.amount} {row.currency}，"
                    f"{row.applies_from.isoformat()} 起）未经确认：{_reason(row)}。请复核。",
                ),
            )
        )
    return tuple(found)


def _reason(row: FigureRow) -> str:
    return (row.note or row.source).rstrip(".")


@lru_cache(maxsize=1024)
def _series(table: str, place: str, figure: str | None, place_field: str, extra: str | None) -> _Series:
    rows = [r for r in load_table(table, extra) if r.place == place]
    if not rows:
        known = sorted({r.place for r in load_table(table, extra)})
        raise FactsError(
            place_field,
            f"no {table} figures for {place!r}; known: {', '.join(known)}",
            f"没有 {place!r} 的 {table} 数据；已有：{', '.join(known)}",
        )
    names = sorted({r.figure for r in rows})
    if figure is None and len(names) > 1:
        raise ValueError(f"{table} holds several figures for {place} ({', '.join(names)}); name one")
    chosen = [r for r in rows if figure is None or r.figure == figure]
    if not chosen:
        raise FactsError(
            place_field,
            f"no {figure} for {place!r} in {table}; it has {', '.join(names)}",
            f"{table} 中没有 {place!r} 的 {figure}；已有：{', '.join(names)}",
        )
    return _Series(chosen)


def _extra_dir() -> str | None:
    return os.environ.get(ENV_DIR) or None


_generation = 0  # bumped by clear_cache, so that callers' own caches can key on it


def cache_key() -> tuple[str | None, int]:
    """What a cache of values derived from the tables must include in its key."""
    return _extra_dir(), _generation


@lru_cache(maxsize=64)
def load_table(table: str, extra: str | None = None) -> tuple[FigureRow, ...]:
    """All rows of a table: the packaged file, then the administrator's file of the same name."""
    files = [DATA_DIR / f"{table}.csv"]
    if extra:
        files.append(Path(extra) / f"{table}.csv")
    merged: dict[tuple[str, str, dt.date], FigureRow] = {}
    for path in files:
        if path.is_file():
            for row in _read(path):
                merged[(row.place, row.figure, row.applies_from)] = row
    if not merged:
        raise FigureDataError(f"no figure table {table!r} (looked for {', '.join(map(str, files))})")
    return tuple(merged.values())


def clear_cache() -> None:
    """Forget loaded tables (after an administrator changes a file, or in tests)."""
    global _generation
    _generation += 1
    _figure_on.cache_clear()
    _series.cache_clear()
    load_table.cache_clear()


def _read(path: Path) -> list[FigureRow]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise FigureDataError(f"{path}: missing column(s) {', '.join(missing)}")
        return [_row(path, n, raw) for n, raw in enumerate(reader, start=2)]


def _row(path: Path, line: int, raw: dict[str, str | None]) -> FigureRow:
    def text(name: str) -> str:
        return (raw.get(name) or "").strip()

    try:
        known_until = dt.date.fromisoformat(text("known_until")) if text("known_until") else None
        row = FigureRow(
            place=text("place").lower(),
            figure=text("figure"),
            amount=Decimal(text("amount")),
            currency=text("currency"),
            applies_from=dt.date.fromisoformat(text("applies_from")),
            known_until=known_until,
            data_year=int(text("data_year")) if text("data_year") else None,
            status=text("status") or "confirmed",
            source=text("source"),
            note=text("note"),
        )
    except (ValueError, InvalidOperation) as error:
        raise FigureDataError(f"{path}, line {line}: {error}") from None
    if not (row.place and row.figure and row.source) or not row.amount.is_finite():
        raise FigureDataError(f"{path}, line {line}: place, figure, amount and source are required")
    if row.known_until and row.known_until < row.applies_from:
        raise FigureDataError(f"{path}, line {line}: known_until is before applies_from")
    return row
