"""Fixtures for the record's tests: a case with a history, and a way to tamper with stored rows."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from dueprocess.records import guard
from dueprocess.records.documents import document_path, store_document
from dueprocess.records.events import case_chain, record_event


@pytest.fixture(autouse=True)
def _signing_key(tmp_path, monkeypatch):
    """Each test signs with a key of its own, never the developer's."""
    monkeypatch.setenv("DUEPROCESS_SIGNING_KEY_FILE", str(tmp_path / "keys" / "organisation_ed25519.pem"))


@pytest.fixture
def actor(django_user_model):
    return django_user_model.objects.create_user("li.na", first_name="李娜", role="hr_admin")


def build_case(size: int, *, actor=None, every_document: int = 25) -> tuple:
    """A case chain of ``size`` events: money, dates, Chinese text, a document every
    ``every_document`` events and a correction now and then. Returns (chain, events)."""
    chain = case_chain(uuid.uuid4())
    events = []
    for n in range(1, size + 1):
        documents = []
        if n % every_document == 1:
            documents = [
                store_document(
                    f"exhibit {n}\n".encode() * 50, name=f"证据-{n}.txt", content_type="text/plain"
                )
            ]
        corrects = events[-3] if n % 40 == 0 else None
        data = {
            "note": f"会议纪要 meeting note {n}",
            "amount": Decimal(n) / 4,
            "on": dt.date(2026, 1, 1) + dt.timedelta(days=n),
        }
        events.append(
            record_event(
                f"people.employee:{uuid.UUID(int=n % 7)}",
                "plan.checked_in" if corrects is None else "plan.corrected",
                actor=actor,
                data=data,
                chain=chain,
                corrects=corrects,
                documents=documents,
            )
        )
    return chain, events


@pytest.fixture
def tamper():
    """Run raw SQL against the stored record with its triggers lifted."""

    def run(sql: str, params: tuple = ()) -> None:
        with guard.lifted(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    return run


def stored_text(event_id: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT CAST({column} AS text) FROM records_event WHERE id = %s", [event_id])  # noqa: S608
        return cursor.fetchone()[0]


def flip(text: str, index: int) -> str:
    """The text with one byte flipped (its lowest bit), as a disk or an editor might."""
    return text[:index] + chr(ord(text[index]) ^ 1) + text[index + 1 :]


def write_text(tamper, event_id: int, column: str, value: str) -> None:
    cast = {"data": "::json", "documents": "::json", "recorded_at": "::timestamptz"}
    suffix = cast.get(column, "") if connection.vendor == "postgresql" else ""
    tamper(f"UPDATE records_event SET {column} = %s{suffix} WHERE id = %s", (value, event_id))  # noqa: S608


def document_file(sha256: str) -> Path:
    return Path(default_storage.path(document_path(sha256)))
