"""Handing out a stored file (an incident's evidence, a statement's, a plan outcome's): one way for
the pages, the portal and the API alike.

The caller finds the file through the record it is attached to, among the records the policy lets
the user read, and never by its hash alone: the hash is an address in the store, not a permission.
This module then writes the read to the read log (PIPL art. 51: who handled what) and answers with
the bytes as an attachment that no browser or proxy keeps and no browser second-guesses.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models
from django.http import FileResponse, HttpRequest

from dueprocess.records.documents import open_document
from dueprocess.records.readlog import log_read

# A stored file's address, as the store writes it: anything else names no file (a 404 on the pages,
# where the address is a plain string; the API refuses it with a 422 before looking).
SHA256 = re.compile(r"[0-9a-f]{64}")


def is_sha256(value: str) -> bool:
    return SHA256.fullmatch(value) is not None


def hand_out(request: HttpRequest, stored: Any, *, about: models.Model) -> FileResponse:
    """``stored`` (anything with ``sha256``, ``name`` and ``content_type``: a ``StoredFile``), read by
    the request's user as a document about ``about`` (the incident, case or plan it belongs to)."""
    log_read(request.user, about, "document", request=request)
    response = FileResponse(
        open_document(stored.sha256),
        as_attachment=True,
        filename=stored.name,
        content_type=stored.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
