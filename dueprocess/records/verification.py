"""Recomputing a chain from its stored rows and naming the first broken link.

Rows stream through a server-side cursor (on PostgreSQL) in the ORM's own SQL, but without the
ORM's per-row conversions: timestamps and JSON come back as text and are turned into their
canonical form with string slicing, because at a million events the Python work per row, not the
hashing, is what sets the pace. The JSON columns hold canonical text already (CanonicalJSONField)
and are hashed as stored; only when that fails is the JSON parsed and re-written canonically. The
hash covers the canonical form of the values, so a row whose JSON was merely re-spaced or re-ordered
(by an older version of the column, say) still verifies, and any change to a value does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import OperationalError, connections, router
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from dueprocess.lib.canonical import dumps
from dueprocess.records.documents import hash_stored
from dueprocess.records.hashing import GENESIS_HASH, chain_hash, row_text
from dueprocess.records.models import Chain, Document, Event

CHUNK = 20_000


class Reason(StrEnum):
    HASH_MISMATCH = "hash_mismatch"
    PREV_HASH_MISMATCH = "prev_hash_mismatch"
    GAP = "gap"
    UNREADABLE = "unreadable"
    HEAD_MISMATCH = "head_mismatch"
    DOCUMENT_MISSING = "document_missing"
    DOCUMENT_HASH_MISMATCH = "document_hash_mismatch"


@dataclass(frozen=True)
class BrokenLink:
    """Where a chain stops holding: which event, why, what the check expected and what it found."""

    reason: Reason
    sequence: int | None
    event_id: int | None
    expected: str
    found: str
    document: str = ""


@dataclass(frozen=True)
class VerificationResult:
    chain: str
    subject_key: str
    events_checked: int
    documents_checked: int
    head_sequence: int
    head_hash: str
    broken: BrokenLink | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None


@dataclass
class DocumentCache:
    """Documents already checked in this run (several events, or chains, may share one)."""

    known: dict[str, str | None] = field(default_factory=dict)

    def found_hash(self, sha256: str) -> str | None:
        if sha256 not in self.known:
            exists = Document.objects.filter(sha256=sha256).exists()
            self.known[sha256] = hash_stored(sha256) if exists else None
        return self.known[sha256]


def verify_chain(chain: Chain, *, documents: DocumentCache | None = None) -> VerificationResult:
    """Recompute every event of ``chain`` up to its head, and every document those events hold.

    Events appended while the check runs are left for the next check; events that sit beyond the
    head with no append to account for them are reported."""
    chain = Chain.objects.get(pk=chain.pk)  # the head as it is now, not as the caller saw it
    cache = documents if documents is not None else DocumentCache()
    walk = _Walk(str(chain.public_id), cache)
    head = chain.head_sequence
    try:
        broken = walk.run(_rows(chain, upto=head))
    except OperationalError as error:
        if "decode" not in str(error):
            raise
        # SQLite hands back text that is not UTF-8 as an error for the whole batch: carry on from
        # the last good event reading bytes leniently, so the damaged event is named, not crashed on.
        with _lenient_text():
            broken = walk.run(_rows(chain, after=walk.sequence, upto=head))
    if broken is None:
        broken = _check_head(chain, walk)
    return VerificationResult(
        chain=str(chain.public_id),
        subject_key=chain.subject_key,
        events_checked=walk.checked,
        documents_checked=len(walk.documents_seen),
        head_sequence=walk.sequence if broken is None else chain.head_sequence,
        head_hash=walk.hash if broken is None else chain.head_hash,
        broken=broken,
    )


def _check_head(chain: Chain, walk: _Walk) -> BrokenLink | None:
    if (walk.sequence, walk.hash) != (chain.head_sequence, chain.head_hash):
        return BrokenLink(
            Reason.HEAD_MISMATCH,
            chain.head_sequence,
            None,
            expected=f"{chain.head_sequence} {chain.head_hash}",
            found=f"{walk.sequence} {walk.hash}",
        )
    # Last event first, head second: an append commits its event and the head together, so a head
    # read afterwards covers every append that the first read saw.
    last = Event.objects.filter(chain=chain).order_by("-sequence").values_list("sequence", "id").first()
    now = Chain.objects.values_list("head_sequence", "head_hash").get(pk=chain.pk)
    if last is not None and last[0] > now[0]:
        return BrokenLink(
            Reason.HEAD_MISMATCH,
            last[0],
            last[1],
            expected=f"{now[0]} {now[1]}",
            found=f"{last[0]} (beyond the head)",
        )
    return None


def _rows(chain: Chain, *, upto: int, after: int = 0) -> Iterator[tuple]:
    queryset = (
        Event.objects.filter(chain=chain, sequence__gt=after, sequence__lte=upto)
        .order_by("sequence")
        .annotate(
            at_text=Cast("recorded_at", TextField()),
            data_text=Cast("data", TextField()),
            documents_text=Cast("documents", TextField()),
        )
        .values_list(
            "id", "sequence", "at_text", "actor_id", "actor_label", "subject", "type",
            "corrects__sequence", "data_text", "documents_text", "prev_hash", "hash",
        )
    )  # fmt: skip
    connection = connections[router.db_for_read(Event)]
    sql, params = queryset.query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(CHUNK):
            yield from rows


@contextmanager
def _lenient_text() -> Iterator[None]:
    connection = connections[router.db_for_read(Event)]
    raw = connection.connection
    previous = raw.text_factory
    raw.text_factory = lambda data: data.decode("utf-8", "surrogateescape")
    try:
        yield
    finally:
        raw.text_factory = previous


def canonical_at(text: str) -> str:
    """The canonical form of a timestamp as the database gives it back as text, accepting only
    the forms the databases write, so that no edit of the stored text goes unseen:
    SQLite 'YYYY-MM-DD HH:MM:SS' or '…:SS.ffffff' in UTC (Django omits a zero fraction), and
    PostgreSQL (its session in UTC) 'YYYY-MM-DD HH:MM:SS[.f…]+00' without trailing zeros."""
    if len(text) < 19 or text[10] != " ":
        return f"unreadable timestamp {text!r}"
    if text.endswith("+00"):
        body = text[:-3]
        if len(body) == 19:
            return f"{body[:10]}T{body[11:]}.000000Z"
        if 21 <= len(body) <= 26 and body[19] == "." and not body.endswith("0"):
            return f"{body[:10]}T{body[11:19]}.{body[20:]:0<6}Z"
    elif len(text) == 26 and text[19] == "." and not text.endswith(".000000"):
        return f"{text[:10]}T{text[11:]}Z"
    elif len(text) == 19:
        return f"{text[:10]}T{text[11:]}.000000Z"
    return f"unreadable timestamp {text!r}"


class _Walk:
    """One pass along a chain, stopping at the first broken link."""

    def __init__(self, chain: str, documents: DocumentCache) -> None:
        self.chain, self.documents = chain, documents
        self.sequence, self.hash, self.checked = 0, GENESIS_HASH, 0
        self.documents_seen: set[str] = set()

    def run(self, rows: Iterator[tuple]) -> BrokenLink | None:
        """Walk on from where the last run stopped (``self.sequence``)."""
        prev, expected_seq = self.hash, self.sequence + 1
        for row in rows:
            event_id, seq, at, actor_id, actor, subject, type_, corrects, data, docs, prev_hash, stored = row
            if seq != expected_seq:
                return BrokenLink(Reason.GAP, seq, event_id, expected=str(expected_seq), found=str(seq))
            if prev_hash != prev:
                return BrokenLink(Reason.PREV_HASH_MISMATCH, seq, event_id, expected=prev, found=prev_hash)
            fields = (seq, canonical_at(at), actor_id, actor, subject, type_, corrects)
            try:
                computed = self._hash(prev, fields, data, docs)
                if computed != stored:
                    computed = self._hash_recanonicalised(prev, fields, data, docs)
            except UnicodeError:  # bytes that are not UTF-8, read in tolerant mode
                computed = None
            if computed is None:
                return BrokenLink(
                    Reason.UNREADABLE, seq, event_id, expected="UTF-8 JSON", found=repr(data[:200])
                )
            if computed != stored:
                return BrokenLink(Reason.HASH_MISMATCH, seq, event_id, expected=computed, found=stored)
            if docs != "[]":
                broken = self._check_documents(seq, event_id, docs)
                if broken is not None:
                    return broken
            prev, expected_seq = stored, expected_seq + 1
            self.sequence, self.hash, self.checked = seq, stored, self.checked + 1
        return None

    def _hash(self, prev: str, fields: tuple, data: str, docs: str) -> str:
        seq, at, actor_id, actor, subject, type_, corrects = fields
        text = row_text(
            chain=self.chain, seq=seq, at=at, actor_id=actor_id, actor=actor, subject=subject,
            type=type_, corrects=corrects, data=data, documents=docs,
        )  # fmt: skip
        return chain_hash(prev, text)

    def _hash_recanonicalised(self, prev: str, fields: tuple, data: str, docs: str) -> str | None:
        """The hash with the JSON columns parsed and written canonically: for rows stored before the
        columns kept canonical text (migration 0004), and to tell damage from a harmless difference."""
        try:
            docs = docs if docs == "[]" else dumps(json.loads(docs))
            return self._hash(prev, fields, dumps(json.loads(data)), docs)
        except (ValueError, TypeError, UnicodeError):
            return None

    def _check_documents(self, seq: int, event_id: int, docs: str) -> BrokenLink | None:
        try:
            hashes = json.loads(docs)
        except ValueError:
            return BrokenLink(Reason.UNREADABLE, seq, event_id, expected="[sha256, …]", found=docs[:200])
        for sha256 in hashes:
            self.documents_seen.add(sha256)
            found = self.documents.found_hash(sha256)
            if found != sha256:
                reason = Reason.DOCUMENT_MISSING if found is None else Reason.DOCUMENT_HASH_MISMATCH
                return BrokenLink(reason, seq, event_id, sha256, found or "missing", document=sha256)
        return None


def describe(broken: BrokenLink) -> str:
    """One sentence naming the broken link, for the command line and the web page."""
    template = _DESCRIPTIONS[broken.reason]
    return str(template) % {
        "sequence": broken.sequence,
        "event_id": broken.event_id,
        "expected": broken.expected,
        "found": broken.found,
        "document": broken.document,
    }


_DESCRIPTIONS = {
    Reason.HASH_MISMATCH: _(
        "Event %(sequence)s (id %(event_id)s) has been altered: its content hashes to %(expected)s, "
        "but the record holds %(found)s."
    ),
    Reason.PREV_HASH_MISMATCH: _(
        "Event %(sequence)s (id %(event_id)s) does not follow the event before it: it names %(found)s "
        "as the previous hash, but the previous event's hash is %(expected)s."
    ),
    Reason.GAP: _(
        "The chain has a gap before event %(sequence)s (id %(event_id)s): event %(expected)s was expected, "
        "event %(found)s was found."
    ),
    Reason.UNREADABLE: _("Event %(sequence)s (id %(event_id)s) cannot be read: %(found)s."),
    Reason.HEAD_MISMATCH: _(
        "The chain's head says it ends at event %(expected)s, but its events end at %(found)s: events are "
        "missing from the end, or the head was changed."
    ),
    Reason.DOCUMENT_MISSING: _(
        "Document %(document)s, held by event %(sequence)s (id %(event_id)s), is missing from the store."
    ),
    Reason.DOCUMENT_HASH_MISMATCH: _(
        "Document %(document)s, held by event %(sequence)s (id %(event_id)s), has been altered: its bytes "
        "now hash to %(found)s."
    ),
}


def stray_documents(checked: DocumentCache) -> Iterator[tuple[Document, str | None]]:
    """Stored documents that no verified event held, whose bytes are missing or altered."""
    for document in Document.objects.order_by("stored_at", "sha256").iterator(chunk_size=1000):
        if document.sha256 in checked.known:
            continue
        found = checked.found_hash(document.sha256)
        if found != document.sha256:
            yield document, found
