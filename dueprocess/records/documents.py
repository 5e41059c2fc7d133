"""The document store: every file kept through Django's storage API under its SHA-256.

A file is hashed while it streams to a temporary file (never read whole into memory), then saved
as ``documents/ab/cd/<sha256>`` unless the store already holds those bytes. The Document row is
written in the caller's transaction; the file is not transactional, so a rolled-back store leaves at
most an unreferenced file, which the next store of the same bytes reuses.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from typing import IO

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction

from dueprocess.records.models import Document

CHUNK = 1024 * 1024
MEMORY_LIMIT = 8 * 1024 * 1024  # spooled in memory up to this size, then in a temporary file


def document_path(sha256: str) -> str:
    return f"documents/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def store_document(content: bytes | IO[bytes], *, name: str, content_type: str) -> Document:
    """Store bytes or a binary stream and return its Document (the existing one for known bytes)."""
    with tempfile.SpooledTemporaryFile(max_size=MEMORY_LIMIT) as spool:
        sha256, size = _copy_hashing(content, spool)
        path = document_path(sha256)
        _save_once(path, spool, size)
    with transaction.atomic():
        document, _created = Document.objects.get_or_create(
            sha256=sha256,
            defaults={
                "size": size,
                "content_type": content_type[:100],
                "original_name": name[:255],
                "path": path,
            },
        )
    return document


def _copy_hashing(content: bytes | IO[bytes], target: IO[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(content):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    target.seek(0)
    return digest.hexdigest(), size


def _chunks(content: bytes | IO[bytes]) -> Iterator[bytes]:
    if isinstance(content, bytes | bytearray | memoryview):
        view = memoryview(content)
        for start in range(0, len(view), CHUNK):
            yield bytes(view[start : start + CHUNK])
        return
    if not hasattr(content, "read"):
        raise TypeError(f"store_document takes bytes or a binary file, not a {type(content).__name__}.")
    while chunk := content.read(CHUNK):
        if isinstance(chunk, str):
            raise TypeError("store_document takes a binary file; this one yields text.")
        yield chunk


def _save_once(path: str, spool: IO[bytes], size: int) -> None:
    # Checked again after each save: a second writer of the same bytes may be part-way through.
    for _attempt in range(3):
        if default_storage.exists(path):
            if default_storage.size(path) == size:
                return
            # A truncated leftover of an interrupted save: the address is the hash, so replace it.
            default_storage.delete(path)
        spool.seek(0)
        saved = default_storage.save(path, File(spool))
        if saved != path:
            default_storage.delete(saved)  # someone stored the same bytes at the same moment
    raise OSError(f"Could not store {path}: its size keeps differing from {size} bytes.")


def open_document(document: Document | str) -> IO[bytes]:
    sha256 = document.sha256 if isinstance(document, Document) else document
    return default_storage.open(document_path(sha256), "rb")


def hash_stored(sha256: str) -> str | None:
    """The SHA-256 of the bytes stored under ``sha256``'s address, or None if nothing is there."""
    path = document_path(sha256)
    if not default_storage.exists(path):
        return None
    digest = hashlib.sha256()
    with default_storage.open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
