"""The writes of the record itself (DESIGN §3): keeping a verification, exporting a bundle."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from dueprocess.records.models import Chain, VerificationRun
from dueprocess.records.verification import DocumentCache, VerificationResult, verify_chain

COMMAND_LINE = "command line"


def verify_and_keep(
    chain: Chain, *, actor: Any, documents: DocumentCache | None = None
) -> VerificationResult:
    """Verify ``chain`` and keep the outcome, so the history of checks can be shown."""
    result = verify_chain(chain, documents=documents)
    broken = result.broken
    with transaction.atomic():
        VerificationRun.objects.create(
            chain=chain,
            by_label=_label(actor),
            ok=result.ok,
            events_checked=result.events_checked,
            documents_checked=result.documents_checked,
            broken_sequence=broken.sequence if broken else None,
            reason=broken.reason if broken else "",
            expected=broken.expected[:200] if broken else "",
            found=broken.found[:200] if broken else "",
        )
    return result


def _label(actor: Any) -> str:
    if actor is None:
        return COMMAND_LINE
    name, username = actor.get_full_name(), actor.get_username()
    return (f"{name} ({username})" if name else username)[:200]
