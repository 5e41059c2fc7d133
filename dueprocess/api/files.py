"""Files through the API: evidence sent as multipart/form-data, and evidence handed back.

An operation that takes files takes its other fields as form fields (``Form[Schema]``) and its files
under one name (``File[list[UploadedFile]]``). Each file is checked by the rule of the page that takes
the same files (``lib.uploads``: an accepted kind, within the size limit, its content sniffed to match
its name; the client's content type is never trusted). Every problem is a 422 under the field's name,
naming the file, and it comes after the policy and before the action: a refused upload stores nothing.

A file is handed back only through its owner (an incident, a statement, a plan), after asking the
policy, by ``records.downloads.hand_out`` as the pages hand it out: written to the read log, an
attachment never cached; never at an address that works without a token.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pydantic import StringConstraints

from dueprocess.api.base import Error, ValidationErrors
from dueprocess.lib import uploads
from dueprocess.reviews.actions._common import Errors

# As the pages: reviews.forms.fields.EVIDENCE_MAX_FILES, portal.forms.MAX_FILES.
MAX_FILES = 10

# The content type to keep a file under, or ValidationError with messages that name the file.
Check = Callable[[Any], str]
# A stored file's address in the record's store (a malformed one is a 422, never a query).
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
# As the actions take evidence: file name, content type, content (the upload itself, a stream).
EvidenceFile = tuple[str, str, Any]


def by_kind(label: Any) -> Check:
    """``lib.uploads``'s rule, each message headed by the field's label, as the pages' upload fields."""
    return lambda upload: uploads.validate(upload, str(label))


def checked(field: str, files: list | None, check: Check) -> list[EvidenceFile]:
    """The files as the action takes them, or a 422 under ``field`` listing every file refused."""
    files, errors = list(files or []), Errors()
    if len(files) > MAX_FILES:
        errors.add(field, _("Attach at most %(count)s files.") % {"count": MAX_FILES})
    kept = []
    for upload in files[:MAX_FILES]:
        try:
            kept.append((upload.name, check(upload), upload))
        except ValidationError as problem:
            for message in problem.messages:
                errors.add(field, message)
    errors.raise_any()
    return kept


# The answers of a download: the file's bytes (its own content type), or 401, or 404 for a file that
# is missing or not the caller's to read (the same answer).
DOWNLOAD_RESPONSES = {401: Error, 404: Error, 422: ValidationErrors}
DOWNLOAD_OPENAPI = {
    "responses": {
        200: {
            "description": "The file, as an attachment, under the content type it was kept with.",
            "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}
