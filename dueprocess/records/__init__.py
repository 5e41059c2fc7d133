"""The record: the append-only event chain, the document store, verification, the read log and
evidence bundles (DESIGN §5).

The public API is importable from here, lazily, so that importing the package (as Django does
before the apps are ready) loads no models:

    from dueprocess.records import record_event, store_document, log_read
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_API = {
    "record_event": "dueprocess.records.events",
    "chain_for": "dueprocess.records.events",
    "case_chain": "dueprocess.records.events",
    "organisation_chain": "dueprocess.records.events",
    "reference": "dueprocess.records.events",
    "EventError": "dueprocess.records.events",
    "store_document": "dueprocess.records.documents",
    "open_document": "dueprocess.records.documents",
    "verify_chain": "dueprocess.records.verification",
    "log_read": "dueprocess.records.readlog",
}

__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'dueprocess.records' has no attribute {name!r}")
    return getattr(import_module(module), name)
