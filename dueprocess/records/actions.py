"""The writes of the record itself (DESIGN §3): keeping a verification, exporting a bundle."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

from dueprocess.accounts import policy
from dueprocess.lib.canonical import dumps
from dueprocess.records.bundle import export
from dueprocess.records.events import organisation_chain, record_event
from dueprocess.records.models import Chain, VerificationRun
from dueprocess.records.readlog import log_read
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
            broken_event_id=broken.event_id if broken else None,
            document=broken.document if broken else "",
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


def export_bundle(
    chain: Chain, target: Path, *, actor: Any, lang: str = "zh-hans", request: HttpRequest | None = None
) -> dict:
    """Write ``chain``'s evidence bundle to ``target`` and return its manifest.

    The export is recorded in the organisation's chain with the head it covers and the manifest's
    hash, so the organisation's record vouches for the case's state at that moment; a user's export
    is also a read of everything in the case, and goes in the read log."""
    if actor is not None and not policy.can_export_bundle(actor, chain):
        raise PermissionDenied
    manifest = export.export_bundle(chain, target, lang=lang)
    data = {
        "chain": str(chain.public_id),
        "subject": chain.subject_key,
        "head_sequence": manifest["chain"]["head_sequence"],
        "head_hash": manifest["chain"]["head_hash"],
        "manifest_sha256": hashlib.sha256((dumps(manifest) + "\n").encode()).hexdigest(),
        "language": manifest["language"],
    }
    with transaction.atomic():
        record_event(chain, "records.bundle_exported", actor=actor, data=data, chain=organisation_chain())
        if actor is not None:
            log_read(actor, chain, "evidence_bundle", request=request)
    return manifest
