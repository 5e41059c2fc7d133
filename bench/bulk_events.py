"""Events written in bulk for benchmarks: each chained to the one before exactly as
``records.record_event`` chains it, so that ``dueprocess verify`` passes on the result, without a
transaction and a round trip per event."""

from __future__ import annotations

import datetime as dt

from dueprocess.accounts.models import User
from dueprocess.lib.canonical import dumps, format_datetime
from dueprocess.records.events import _actor
from dueprocess.records.hashing import chain_hash, row_text
from dueprocess.records.models import Chain, Event

BATCH = 5_000


class ChainWriter:
    """Appends events to any number of chains; ``close()`` writes what is pending and moves each
    chain's head. Nothing else may append to those chains until then."""

    def __init__(self, start: dt.datetime) -> None:
        self.at, self.pending, self.heads = start, [], {}

    def add(self, chain: Chain, type: str, subject: str, data: dict, actor: User) -> None:
        sequence, prev = self.heads.get(chain.pk, (chain.head_sequence, chain.head_hash))
        self.at += dt.timedelta(milliseconds=7)
        actor_id, label = _actor(actor)
        text = row_text(
            chain=str(chain.public_id),
            seq=sequence + 1,
            at=format_datetime(self.at),
            actor_id=actor_id,
            actor=label,
            subject=subject,
            type=type,
            corrects=None,
            data=dumps(data),
            documents="[]",
        )
        digest = chain_hash(prev, text)
        self.pending.append(
            Event(
                chain=chain,
                sequence=sequence + 1,
                recorded_at=self.at,
                actor_id=actor_id,
                actor_label=label,
                subject=subject,
                type=type,
                data=data,
                documents=[],
                prev_hash=prev,
                hash=digest,
            )
        )
        self.heads[chain.pk] = (sequence + 1, digest)
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        Event.objects.bulk_create(self.pending, batch_size=BATCH)
        self.pending = []

    def close(self) -> int:
        self.flush()
        for pk, (sequence, digest) in self.heads.items():
            Chain.objects.filter(pk=pk).update(head_sequence=sequence, head_hash=digest)
        return sum(sequence for sequence, _digest in self.heads.values())
