"""Small helpers the actions share: refusing, validating by field, and today's date."""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _


def require(allowed: bool, what: str) -> None:
    """Refuse with a message that says what was refused (never why the object is out of reach)."""
    if not allowed:
        raise PermissionDenied(_("You are not allowed to %(what)s.") % {"what": what})


_as_of: contextvars.ContextVar[dt.date | None] = contextvars.ContextVar("as_of", default=None)


def today() -> dt.date:
    """The day the rules measure against ("not in the future", "answer by"): normally today."""
    return _as_of.get() or timezone.localdate()


@contextlib.contextmanager
def as_of(day: dt.date) -> Iterator[None]:
    """Enter records as of an earlier day. Only the demo does this, to tell a story that happened over
    past months; the record's own timestamps stay the real time of entry."""
    from dueprocess.records.events import entered_on

    token, entered = _as_of.set(day), entered_on.set(day)
    try:
        yield
    finally:
        _as_of.reset(token)
        entered_on.reset(entered)


class Errors(dict):
    """Collects every problem by field, so a form can show them all at once, then raises."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def blank(self, field: str, value: str | None, message: str) -> None:
        if not (value or "").strip():
            self.add(field, message)

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def in_order(
    errors: Errors, earlier: dt.date | None, later: dt.date | None, field: str, message: str
) -> None:
    if earlier and later and later < earlier:
        errors.add(field, message)


def keep_evidence(model: type[Model], name: str, content_type: str, content: bytes, **owner: Model) -> Model:
    """Store an evidence file by its hash and list it on its owner (an incident, a plan outcome).

    Whatever the caller says, the file is checked here (kind, size, content against its name) and kept
    under the content type of its kind: the API and the command line pass this way too.
    """
    from dueprocess.lib import uploads
    from dueprocess.records import store_document

    try:
        content_type = uploads.check(name, content)
    except uploads.UploadRejected as problem:
        raise ValidationError({"evidence": [str(problem)]}) from None
    stored = store_document(content, name=name, content_type=content_type)
    return model.objects.create(
        sha256=stored.sha256, name=name[:255], content_type=stored.content_type, size=stored.size, **owner
    )
