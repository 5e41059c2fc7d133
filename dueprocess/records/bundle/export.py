"""Writing an evidence bundle: verify the chain, then zip its events, documents, timeline, README,
checker and a signed manifest. The zip is written beside the target and moved into place whole."""

from __future__ import annotations

import hashlib
import os
import secrets
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from django.utils import timezone

from dueprocess.lib.canonical import dumps, format_datetime
from dueprocess.records import signing
from dueprocess.records.bundle import verify_bundle
from dueprocess.records.bundle.readme import readme
from dueprocess.records.bundle.timeline import Exhibit, exhibits_of, render_timeline
from dueprocess.records.documents import CHUNK, open_document
from dueprocess.records.hashing import row_object
from dueprocess.records.models import Chain, Event
from dueprocess.records.verification import describe, verify_chain

LANGUAGES = {"en": "en", "zh-hans": "zh-hans"}
CHECKER = Path(verify_bundle.__file__)
HASHING = (
    "hash = SHA-256(prev_hash as 64 hex digits, then the canonical JSON (RFC 8785) of the event without "
    "hash and prev_hash); the first event's prev_hash is 64 zeros"
)


class BundleRefused(Exception):
    """The chain does not verify, so no signed bundle is made of it."""


def export_bundle(chain: Chain, target: Path, *, lang: str = "zh-hans") -> dict:
    """Write the bundle of ``chain`` to ``target``; return its manifest."""
    language = LANGUAGES.get(lang.lower())
    if language is None:
        raise ValueError(f"Bundles are written in {' or '.join(LANGUAGES)}, not {lang!r}.")
    result = verify_chain(chain)
    if result.broken is not None:
        raise BundleRefused(describe(result.broken))
    events = list(
        Event.objects.filter(chain=chain, sequence__lte=result.head_sequence)
        .select_related("corrects")
        .order_by("sequence")
    )
    created = timezone.now().replace(microsecond=0)
    exhibits = exhibits_of(events)
    meta = {
        "head_sequence": events[-1].sequence if events else 0,
        "head_hash": result.head_hash,
        "created_at": format_datetime(created),
        "fingerprint": signing.fingerprint(),
    }
    contents = _contents(chain, events, exhibits, meta, language, target.name)
    manifest = _signed_manifest(chain, meta, language, _add_sums(contents, exhibits), exhibits)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(8)}.tmp")
    try:
        _write_zip(temporary, manifest, contents, exhibits, created)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return manifest


def events_jsonl(chain: Chain, events: list[Event]) -> bytes:
    lines = []
    for event in events:
        row = row_object(
            chain=str(chain.public_id), seq=event.sequence, at=format_datetime(event.recorded_at),
            actor_id=event.actor_id, actor=event.actor_label, subject=event.subject, type=event.type,
            corrects=event.corrects.sequence if event.corrects_id else None, data=event.data,
            documents=event.documents,
        )  # fmt: skip
        lines.append(dumps({**row, "prev_hash": event.prev_hash, "hash": event.hash}))
    return "".join(f"{line}\n" for line in lines).encode("utf-8")


def _contents(chain, events, exhibits, meta: dict, language: str, bundle_name: str) -> dict[str, bytes]:
    return {
        "README.txt": readme(
            subject=chain.subject_key, chain=str(chain.public_id), bundle_name=bundle_name, **meta
        ),
        "events.jsonl": events_jsonl(chain, events),
        "timeline.pdf": render_timeline(chain, events, exhibits, lang=language, meta=meta),
        "verify_bundle.py": CHECKER.read_bytes(),
    }


def _add_sums(contents: dict[str, bytes], exhibits: list[Exhibit]) -> list[dict]:
    """Add SHA256SUMS to ``contents``; return the manifest's list of files (documents included)."""
    files = {name: (hashlib.sha256(data).hexdigest(), len(data)) for name, data in contents.items()}
    for exhibit in exhibits:
        files[f"documents/{exhibit.document.sha256}"] = (exhibit.document.sha256, exhibit.document.size)
    sums = "".join(f"{sha}  {name}\n" for name, (sha, _size) in sorted(files.items())).encode()
    contents["SHA256SUMS"] = sums
    files["SHA256SUMS"] = (hashlib.sha256(sums).hexdigest(), len(sums))
    return [{"path": name, "sha256": sha, "size": size} for name, (sha, size) in sorted(files.items())]


def _signed_manifest(
    chain: Chain, meta: dict, language: str, files: list[dict], exhibits: list[Exhibit]
) -> dict:
    chain_entry = {"id": str(chain.public_id), "kind": chain.kind, "subject": chain.subject_key}
    exhibit_entries = [
        {"exhibit": e.number, "sha256": e.document.sha256, "name": e.document.original_name,
         "content_type": e.document.content_type, "first_event": e.first_sequence}
        for e in exhibits
    ]  # fmt: skip
    unsigned = {
        "format": verify_bundle.FORMAT,
        "created_at": meta["created_at"],
        "language": language,
        "chain": {**chain_entry, "head_sequence": meta["head_sequence"], "head_hash": meta["head_hash"]},
        "hashing": HASHING,
        "files": files,
        "exhibits": exhibit_entries,
        "public_key": {"ed25519": signing.public_key_bytes().hex(), "fingerprint": meta["fingerprint"]},
    }
    signature = signing.sign(dumps(unsigned).encode("utf-8"))
    return {**unsigned, "signature": {"ed25519": signature.hex()}}


def _write_zip(path: Path, manifest: dict, contents: dict[str, bytes], exhibits, created: datetime) -> None:
    stamp = created.astimezone(UTC).timetuple()[:6]
    order = ["README.txt", "manifest.json", "SHA256SUMS", "events.jsonl", "timeline.pdf", "verify_bundle.py"]
    contents = {**contents, "manifest.json": (dumps(manifest) + "\n").encode("utf-8")}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in order:
            archive.writestr(_entry(name, stamp), contents[name])
        for exhibit in exhibits:
            _copy_document(archive, exhibit.document.sha256, stamp)


def _entry(name: str, stamp: tuple) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16  # readable once unzipped, on any system
    return info


def _copy_document(archive: zipfile.ZipFile, sha256: str, stamp: tuple) -> None:
    """Stream a document into the zip, hashing it again: the bytes written are the bytes signed for."""
    info = _entry(f"documents/{sha256}", stamp)
    digest = hashlib.sha256()
    with open_document(sha256) as source, archive.open(info, "w") as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            target.write(chunk)
    if digest.hexdigest() != sha256:
        raise BundleRefused(f"Document {sha256} changed while the bundle was being written.")
