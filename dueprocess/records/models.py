"""The record: hash-chained events, the documents they point at, the read log, verification runs.

Events and read-log rows are append-only twice over: these models refuse updates and deletes, and
the database refuses them too (triggers, migration 0002; see guard.py). Beware that on SQLite a
migration that alters the events or read-log table rebuilds it and drops its triggers: such a
migration must install them again, and ``dueprocess verify`` reports a missing guard.
"""

from __future__ import annotations

import json
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.lib.canonical import dumps

GENESIS_HASH = "0" * 64


class AppendOnlyError(RuntimeError):
    """An attempt to change or remove part of the record. A correction is a new event."""


class CanonicalJSONEncoder(json.JSONEncoder):
    """Compact, sorted keys: kept because migration 0001 names it (the field below writes the
    canonical text itself)."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.update(ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False)
        super().__init__(**kwargs)  # type: ignore[arg-type]


class CanonicalJSONField(models.JSONField):
    """JSON stored as its canonical text, byte for byte what the event's hash was taken over.

    On PostgreSQL the column is ``json``, not ``jsonb``: json keeps an exact copy of the text it is
    given, where jsonb re-writes it (its own key order and spacing). So verification hashes the
    stored text as it is on both databases, and an edit to a single byte of it is an edit to what
    was hashed. The price: jsonb-only lookups (``__contains``, ``__has_key``, equality) do not work
    on these columns; query events by their indexed ``subject`` and ``type`` instead. Key lookups
    (``data__amount``) still do.
    """

    def db_type(self, connection):
        return "json" if connection.vendor == "postgresql" else super().db_type(connection)

    def get_db_prep_value(self, value, connection, prepared=False):
        if isinstance(value, dict | list):
            return dumps(value)
        return super().get_db_prep_value(value, connection, prepared)

    def from_db_value(self, value, expression, connection):
        if value is not None and not isinstance(value, str):
            return value  # psycopg parses json columns itself
        return super().from_db_value(value, expression, connection)


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model._meta.label} rows are never updated.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError(f"{self.model._meta.label} rows are never updated.")

    def delete(self):
        raise AppendOnlyError(f"{self.model._meta.label} rows are never deleted.")

    delete.queryset_only = True


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError(f"{self._meta.label} rows are never updated.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{self._meta.label} rows are never deleted.")


class ChainKind(models.TextChoices):
    ORGANISATION = "organisation", _("organisation")
    CASE = "case", _("case")


class Chain(models.Model):
    """One hash chain: the organisation's, or one case's, so that a case can be verified and
    exported on its own. The head is a cache that serializes appends (its row is locked); the
    truth is the events, and verification checks the head against them."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ChainKind.choices)
    subject_key = models.CharField(_("subject"), max_length=200, unique=True)
    head_sequence = models.PositiveBigIntegerField(_("last sequence number"), default=0)
    head_hash = models.CharField(_("last hash"), max_length=64, default=GENESIS_HASH)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["kind", "created_at", "id"]
        verbose_name = _("chain")
        verbose_name_plural = _("chains")

    def __str__(self) -> str:
        return self.subject_key

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Chains are never deleted.")


class Event(AppendOnlyModel):
    """One thing that happened. Written only by ``records.events.record_event``."""

    chain = models.ForeignKey(Chain, on_delete=models.PROTECT, related_name="events", verbose_name=_("chain"))
    sequence = models.PositiveBigIntegerField(_("sequence number"))
    recorded_at = models.DateTimeField(_("recorded at"))
    # Users who acted are never deleted (deactivate them instead): the record points at them.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor as recorded"), max_length=200, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True, db_index=True)
    type = models.CharField(_("type"), max_length=100, db_index=True)
    data = CanonicalJSONField(_("data"), default=dict)
    documents = CanonicalJSONField(_("documents"), default=list)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    class Meta:
        ordering = ["chain", "sequence"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(fields=["chain", "sequence"], name="one_event_per_chain_position"),
            models.CheckConstraint(condition=Q(sequence__gte=1), name="event_sequence_starts_at_one"),
        ]

    def __str__(self) -> str:
        return f"{self.chain.subject_key} #{self.sequence} {self.type}"


class Document(models.Model):
    """A stored file, known by the SHA-256 of its bytes; the same bytes are stored once."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, primary_key=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=100)
    original_name = models.CharField(_("original name"), max_length=255)
    path = models.CharField(_("stored as"), max_length=200)
    stored_at = models.DateTimeField(_("stored at"), default=timezone.now)

    class Meta:
        ordering = ["stored_at", "sha256"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.original_name} ({self.sha256[:12]})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnlyError("A stored document never changes; store the new bytes instead.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Stored documents are never deleted.")


class StoredFile(models.Model):
    """A file attached to something in a case (an incident, a plan's outcome, a statement): its bytes
    are a ``Document`` in the record's store, found by their SHA-256; this row names it as uploaded."""

    sha256 = models.CharField(_("SHA-256"), max_length=64)
    name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name


class ReadLog(AppendOnlyModel):
    """Who looked at which sensitive record, when, and from where (PIPL art. 28 data)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    user_label = models.CharField(_("who, as recorded"), max_length=200)
    what = models.CharField(_("what kind of data"), max_length=40, db_index=True)
    object_ref = models.CharField(_("record"), max_length=200, db_index=True)
    object_label = models.CharField(_("record, as shown"), max_length=200, blank=True)
    path = models.CharField(_("page"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("read-log entry")
        verbose_name_plural = _("read log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.what} {self.object_ref}"


class VerificationRun(AppendOnlyModel):
    """The outcome of one verification of one chain, kept so that the history of checks is visible."""

    chain = models.ForeignKey(Chain, on_delete=models.PROTECT, related_name="verifications")
    at = models.DateTimeField(_("verified at"), default=timezone.now)
    by_label = models.CharField(_("verified by"), max_length=200, blank=True)
    ok = models.BooleanField(_("intact"))
    events_checked = models.PositiveBigIntegerField(_("events checked"))
    documents_checked = models.PositiveIntegerField(_("documents checked"), default=0)
    broken_sequence = models.PositiveBigIntegerField(_("first broken event"), null=True, blank=True)
    broken_event_id = models.BigIntegerField(_("id of the first broken event"), null=True, blank=True)
    document = models.CharField(_("document concerned"), max_length=64, blank=True)
    reason = models.CharField(_("reason"), max_length=40, blank=True)
    expected = models.CharField(_("expected"), max_length=200, blank=True)
    found = models.CharField(_("found"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        get_latest_by = "at"
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self) -> str:
        return f"{self.chain} {self.at:%Y-%m-%d %H:%M} {'ok' if self.ok else self.reason}"

    @property
    def broken(self):
        """The broken link this run found, as verification named it (None if the chain held)."""
        from dueprocess.records.verification import BrokenLink, Reason

        if self.ok:
            return None
        return BrokenLink(
            Reason(self.reason),
            self.broken_sequence,
            self.broken_event_id,
            self.expected,
            self.found,
            self.document,
        )
