"""A chart as data: what the page draws with Chart.js and also prints as a table, so that every
figure is readable without a script, by a screen reader, and by a test."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass
class Series:
    label: str | Promise
    values: list[Any]


@dataclass
class Chart:
    id: str
    title: str | Promise
    labels: list[str]
    series: list[Series]
    kind: str = "bar"  # bar, horizontal, stacked, doughnut
    unit: str | Promise = ""
    note: str | Promise = ""
    extra_columns: list[tuple[str | Promise, list[Any]]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.labels or not any(v for s in self.series for v in s.values)

    @property
    def data_id(self) -> str:
        return f"chart-data-{self.id}"

    @property
    def tall(self) -> bool:
        return self.kind in ("horizontal", "stacked") and len(self.labels) > 8

    def data(self) -> dict[str, Any]:
        """What charts.js reads (through json_script: data, never code)."""
        return {
            "kind": self.kind,
            "labels": [str(label) for label in self.labels],
            "series": [
                {"label": str(s.label), "values": [_number(v) for v in s.values]} for s in self.series
            ],
            "unit": str(self.unit),
        }

    def rows(self) -> list[tuple[str, list[Any]]]:
        columns = [s.values for s in self.series] + [values for _h, values in self.extra_columns]
        return [(label, [column[i] for column in columns]) for i, label in enumerate(self.labels)]

    def headings(self) -> list[str | Promise]:
        return [s.label for s in self.series] + [heading for heading, _v in self.extra_columns]


def _number(value: Any) -> float | int | None:
    if value is None:
        return None
    return value if isinstance(value, int) else float(value)
