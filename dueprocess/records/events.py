"""Appending to the record: ``record_event`` is the only way an Event is written.

Appends to one chain are serialized: on PostgreSQL by a row lock on the chain (SELECT ... FOR
UPDATE), on SQLite because every write transaction begins IMMEDIATE (settings.py) and so holds the
database's write lock before it reads the head. The unique (chain, sequence) constraint is the
backstop: a writer that somehow read a stale head fails instead of forking the chain.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from dueprocess.lib.canonical import CanonicalError, dumps, format_datetime, normalise
from dueprocess.records.hashing import chain_hash, row_text
from dueprocess.records.models import Chain, ChainKind, Document, Event

ORGANISATION_KEY = "organisation"
TYPE_FORMAT = re.compile(r"[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*")
SHA256_FORMAT = re.compile(r"[0-9a-f]{64}")
REFERENCE_MAX = 200


class EventError(ValueError):
    """An event that cannot be recorded as asked; the message says what to change."""


# The day being entered, when a step that happened earlier is recorded now (the demo's story, a
# paper record typed in late). Events then carry it as "on", so timelines order by when things
# happened; the event's own timestamp stays the real time of entry.
entered_on: contextvars.ContextVar[dt.date | None] = contextvars.ContextVar("entered_on", default=None)


def chain_for(key: str) -> Chain:
    """The chain for ``"organisation"`` or ``"case:<uuid>"``, created on first use."""
    if key == ORGANISATION_KEY:
        kind = ChainKind.ORGANISATION
    elif key.startswith("case:"):
        key, kind = f"case:{_uuid(key.removeprefix('case:'))}", ChainKind.CASE
    else:
        raise EventError(f"Unknown chain {key!r}: use 'organisation' or 'case:<uuid>'.")
    chain, _created = Chain.objects.get_or_create(subject_key=key, defaults={"kind": kind})
    return chain


def organisation_chain() -> Chain:
    return chain_for(ORGANISATION_KEY)


def case_chain(case_public_id: uuid.UUID | str) -> Chain:
    return chain_for(f"case:{_uuid(case_public_id)}")


def _uuid(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise EventError(f"{value!r} is not a UUID.") from None


def reference(obj: models.Model | str | None) -> str:
    """How the record names a thing: ``"people.employee:<public_id>"`` (the pk if it has none)."""
    if obj is None:
        return ""
    if isinstance(obj, str):
        ref = obj
    elif isinstance(obj, models.Model):
        ident = getattr(obj, "public_id", None) or obj.pk
        if ident is None:
            raise EventError(f"The {obj._meta.label_lower} is not saved yet, so it has no reference.")
        ref = f"{obj._meta.label_lower}:{ident}"
    else:
        raise EventError(f"A subject is a model instance or a reference string, not a {type(obj).__name__}.")
    if len(ref) > REFERENCE_MAX:
        raise EventError(f"The reference {ref[:40]!r}… is longer than {REFERENCE_MAX} characters.")
    return ref


def record_event(
    subject: models.Model | str | None,
    type: str,
    *,
    actor: Any,
    data: Mapping[str, Any],
    chain: Chain | None = None,
    corrects: Event | None = None,
    documents: Iterable[Document | str] = (),
) -> Event:
    """Append one event to ``chain`` (the organisation's unless given) and return it.

    Call it inside the transaction of the write it records: it runs in a savepoint, so if the
    caller's transaction fails no event is left behind, and if it fails the write fails with it.
    ``data`` is a JSON object; Decimals, dates, aware datetimes and UUIDs are written as exact
    strings, model instances as their reference and Documents as their hash (floats are refused).
    Documents named in ``data`` or in ``documents`` are checked by verification.
    """
    if not isinstance(type, str) or not TYPE_FORMAT.fullmatch(type):
        raise EventError(f"Event type {type!r} must read '<app>.<past_participle>', e.g. 'plan.started'.")
    hashes: set[str] = set()
    payload = _payload(data, hashes)
    day = entered_on.get()
    if day is not None and "on" not in payload:
        payload["on"] = day.isoformat()
    hashes.update(_hashes(documents))
    subject_ref = reference(subject)
    actor_id, actor_label = _actor(actor)
    with transaction.atomic():
        _check_documents_exist(hashes)
        head = _locked(chain or organisation_chain())
        event = Event(
            chain=head,
            sequence=head.head_sequence + 1,
            recorded_at=timezone.now(),
            actor_id=actor_id,
            actor_label=actor_label,
            subject=subject_ref,
            type=type,
            data=payload,
            documents=sorted(hashes),
            corrects=_correction(head, corrects),
            prev_hash=head.head_hash,
        )
        event.hash = chain_hash(event.prev_hash, _row_of(event, head))
        event.save()
        Chain.objects.filter(pk=head.pk).update(head_sequence=event.sequence, head_hash=event.hash)
    return event


def _locked(chain: Chain) -> Chain:
    # Re-read under the lock: the caller's copy of the head may be stale.
    return Chain.objects.select_for_update().get(pk=chain.pk)


def _row_of(event: Event, chain: Chain) -> str:
    return row_text(
        chain=str(chain.public_id),
        seq=event.sequence,
        at=format_datetime(event.recorded_at),
        actor_id=event.actor_id,
        actor=event.actor_label,
        subject=event.subject,
        type=event.type,
        corrects=event.corrects.sequence if event.corrects else None,
        data=dumps(event.data),
        documents=dumps(event.documents),
    )


def _payload(data: Mapping[str, Any], hashes: set[str]) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise EventError(f"Event data must be a mapping (a JSON object), not a {type(data).__name__}.")

    def known_objects(value: object) -> object:
        if isinstance(value, Document):
            hashes.add(value.sha256)
            return value.sha256
        if isinstance(value, models.Model):
            return reference(value)
        return value

    try:
        return normalise(data, default=known_objects)  # type: ignore[return-value]
    except CanonicalError as error:
        raise EventError(f"Event data cannot be recorded: {error}") from error


def _hashes(documents: Iterable[Document | str]) -> set[str]:
    hashes = set()
    for document in documents:
        sha = document.sha256 if isinstance(document, Document) else document
        if not isinstance(sha, str) or not SHA256_FORMAT.fullmatch(sha):
            raise EventError(f"{document!r} is neither a Document nor a lowercase hex SHA-256.")
        hashes.add(sha)
    return hashes


def _check_documents_exist(hashes: set[str]) -> None:
    missing = hashes - set(Document.objects.filter(sha256__in=hashes).values_list("sha256", flat=True))
    if missing:
        raise EventError(f"Store these documents before recording them: {', '.join(sorted(missing))}.")


def _actor(actor: Any) -> tuple[int | None, str]:
    """``None`` is the system or the operator at the command line; otherwise a saved user."""
    if actor is None:
        return None, ""
    if not isinstance(actor, models.Model) or actor.pk is None or not hasattr(actor, "get_username"):
        raise EventError(f"The actor must be a saved user or None, not {actor!r}.")
    name = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    username = actor.get_username()
    return actor.pk, f"{name} ({username})" if name else username


def _correction(chain: Chain, corrects: Event | None) -> Event | None:
    if corrects is None:
        return None
    if not isinstance(corrects, Event) or corrects.pk is None:
        raise EventError("A correction points at a recorded Event.")
    if corrects.chain_id != chain.pk:
        raise EventError("A correction is recorded in the chain of the event it corrects.")
    return corrects
