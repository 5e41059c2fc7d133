"""How an event's hash is made — the one definition, used to write and to verify.

    hash = SHA-256( prev_hash  ||  canonical JSON of the row )

``prev_hash`` is the previous event's hash as 64 lowercase hex characters (64 zeros for the first
event of a chain); the row is the object below, written in canonical JSON (dueprocess.lib.canonical):

    {"actor": str, "actor_id": int|null, "at": "YYYY-MM-DDTHH:MM:SS.ffffffZ", "chain": uuid,
     "corrects": int|null, "data": {...}, "documents": [sha256, ...], "seq": int,
     "subject": str, "type": "<app>.<past_participle>"}

The row's own keys are ASCII and fixed, so the text is assembled directly in their sorted order
instead of through a dict and a sort: verification runs this for every event, and the direct form
is what lets it check a few hundred thousand events a second. A test holds it equal to
``canonical.dumps`` of the same row, and the bundle's verify_bundle.py recomputes it that way.
"""

from __future__ import annotations

import hashlib
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C escaper json.dumps uses

from dueprocess.lib.canonical import JsonValue, dumps

GENESIS_HASH = "0" * 64
ROW_KEYS = ("actor", "actor_id", "at", "chain", "corrects", "data", "documents", "seq", "subject", "type")


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def row_text(
    *,
    chain: str,
    seq: int,
    at: str,
    actor_id: int | None,
    actor: str,
    subject: str,
    type: str,
    corrects: int | None,
    data: str,
    documents: str,
) -> str:
    """The canonical JSON of a row; ``data`` and ``documents`` are given as canonical JSON text."""
    return (
        f'{{"actor":{encode_basestring(actor)},"actor_id":{_number(actor_id)},"at":{encode_basestring(at)},'
        f'"chain":{encode_basestring(chain)},"corrects":{_number(corrects)},"data":{data},'
        f'"documents":{documents},"seq":{int(seq)},"subject":{encode_basestring(subject)},'
        f'"type":{encode_basestring(type)}}}'
    )


def chain_hash(prev_hash: str, row: str) -> str:
    return hashlib.sha256((prev_hash + row).encode("utf-8")).hexdigest()


def row_object(
    *,
    chain: str,
    seq: int,
    at: str,
    actor_id: int | None,
    actor: str,
    subject: str,
    type: str,
    corrects: int | None,
    data: JsonValue,
    documents: list[str],
) -> dict[str, JsonValue]:
    """The same row as a plain JSON object (for events.jsonl and the offline verifier)."""
    return {
        "actor": actor, "actor_id": actor_id, "at": at, "chain": chain, "corrects": corrects,
        "data": data, "documents": list(documents), "seq": seq, "subject": subject, "type": type,
    }  # fmt: skip


def row_text_of(row: dict[str, JsonValue]) -> str:
    """The canonical text of a row object, the slow general way: what an outside verifier does."""
    return dumps(row)
