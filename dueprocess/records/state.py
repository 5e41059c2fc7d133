"""What a page says about a chain's integrity: checked now if the chain is small enough to check
while the page loads, otherwise the last kept verification (the command line keeps one per run)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from dueprocess.records.models import Chain
from dueprocess.records.verification import describe, verify_chain

# At the verifier's pace (a few hundred thousand events a second) this is a tenth of a second.
LIVE_LIMIT = 20_000


@dataclass(frozen=True)
class ChainState:
    chain: Chain
    ok: bool | None  # None: never verified
    checked_at: dt.datetime | None
    events_checked: int
    problem: str
    live: bool


def chain_state(chain: Chain) -> ChainState:
    if chain.head_sequence <= LIVE_LIMIT:
        result = verify_chain(chain)
        problem = describe(result.broken) if result.broken else ""
        return ChainState(chain, result.ok, timezone.now(), result.events_checked, problem, live=True)
    return last_kept_state(chain)


def last_kept_state(chain: Chain) -> ChainState:
    run = chain.verifications.order_by("-at", "-id").first()
    if run is None:
        return ChainState(chain, None, None, 0, "", live=False)
    problem = describe(run.broken) if run.broken else ""
    return ChainState(chain, run.ok, run.at, run.events_checked, problem, live=False)
