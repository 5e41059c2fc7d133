"""The one door from reviews and plans into the record (DESIGN §5).

Every action calls ``recording.record()`` inside its own transaction, so a write that is not recorded
does not happen. The records app (event chain and document store) is being built alongside; this
module is the only place that knows its import path, so wiring it in is a one-file change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class StoredDocument:
    """What an evidence row keeps of a stored document: the store's key is its SHA-256."""

    sha256: str
    name: str
    content_type: str
    size: int


def _records_api(name: str) -> Any | None:
    try:
        from dueprocess import records
    except ImportError:  # pragma: no cover - the package exists; its API may not yet
        return None
    return getattr(records, name, None)


def record(subject: Any, event_type: str, *, actor: Any, data: dict[str, Any]) -> None:
    record_event = _records_api("record_event")
    if record_event is None:  # TODO(records): remove once records.record_event has landed
        return
    record_event(subject=subject, type=event_type, actor=actor, data=data)


def documents_available() -> bool:
    return _records_api("store_document") is not None


def store(content: bytes | Any, *, name: str, content_type: str) -> StoredDocument:
    store_document = _records_api("store_document")
    if store_document is None:
        raise ImproperlyConfigured("The records app's document store is needed to keep evidence.")
    data = content if isinstance(content, bytes) else content.read()
    document = store_document(data, name=name, content_type=content_type)
    sha256 = getattr(document, "sha256", None) or hashlib.sha256(data).hexdigest()
    return StoredDocument(sha256=sha256, name=name, content_type=content_type, size=len(data))
