"""The bundle's timeline.pdf: every event in order, with its time, actor, type and a summary, and an
index of exhibits (the documents, by number, name and SHA-256)."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from dueprocess.lib.canonical import dumps
from dueprocess.records.labels import event_label
from dueprocess.records.models import Chain, Document, Event

STYLESHEET = Path(__file__).with_name("timeline.css")
SUMMARY_LIMIT = 400
VALUE_LIMIT = 120


@dataclass(frozen=True)
class Exhibit:
    number: str
    document: Document
    first_sequence: int


def exhibits_of(events: list[Event]) -> list[Exhibit]:
    """Documents numbered E1, E2, … in the order the record first holds them."""
    first: dict[str, int] = {}
    for event in events:
        for sha256 in event.documents:
            first.setdefault(sha256, event.sequence)
    documents = Document.objects.in_bulk(list(first))
    return [Exhibit(f"E{n}", documents[sha], seq) for n, (sha, seq) in enumerate(first.items(), start=1)]


def render_timeline(
    chain: Chain, events: list[Event], exhibits: list[Exhibit], *, lang: str, meta: dict
) -> bytes:
    from weasyprint import CSS, HTML  # imported here: loading Pango is slow and most requests never need it

    numbers = {exhibit.document.sha256: exhibit.number for exhibit in exhibits}
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    rows = [_row(event, numbers, zone) for event in events]
    with translation.override(lang):
        context = {"chain": chain, "rows": rows, "exhibits": exhibits, "meta": meta, "lang": lang}
        html = render_to_string("records/bundle/timeline.html", {**context, "time_zone": settings.TIME_ZONE})
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])


def _row(event: Event, numbers: dict[str, str], zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    return {
        "sequence": event.sequence,
        "at": event.recorded_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S %z"),
        "actor": event.actor_label,
        "type": event.type,
        "label": event_label(event.type),
        "subject": event.subject,
        "summary": summary(event.data, numbers),
        "exhibits": [numbers[sha] for sha in event.documents if sha in numbers],
        "corrects": event.corrects.sequence if event.corrects_id else None,
        "hash": event.hash,
    }


def summary(data: dict[str, Any], numbers: dict[str, str]) -> str:
    """The event's data as "key: value" pairs, documents shown by their exhibit number."""
    parts = [f"{key}: {_value(value, numbers)}" for key, value in sorted(data.items())]
    text = "; ".join(parts)
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


def _value(value: Any, numbers: dict[str, str]) -> str:
    if isinstance(value, str):
        text = numbers.get(value, value)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        text = ", ".join(numbers.get(item, item) for item in value)
    else:
        text = dumps(value)
    return text if len(text) <= VALUE_LIMIT else text[: VALUE_LIMIT - 1] + "…"
