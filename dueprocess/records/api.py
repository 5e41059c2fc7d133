"""The record through the API: chains, their events (every read of event data goes in the read log,
as on the pages) and verification, for the roles accounts.policy lets read the record."""

import datetime as dt
import uuid
from typing import Any

from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from dueprocess.accounts import policy
from dueprocess.api.base import one, paginated, reads, writes
from dueprocess.records.actions import verify_and_keep
from dueprocess.records.labels import event_label
from dueprocess.records.models import Chain, ChainKind, VerificationRun
from dueprocess.records.readlog import log_read
from dueprocess.records.verification import Reason, describe
from dueprocess.reviews.actions._common import require

router = Router()


class VerificationSummary(Schema):
    at: dt.datetime
    ok: bool
    events_checked: int


class ChainOut(Schema):
    public_id: uuid.UUID
    kind: ChainKind
    subject: str = Field(description="'organisation', or 'case:<uuid>'.")
    head_sequence: int
    head_hash: str
    created_at: dt.datetime
    last_verification: VerificationSummary | None

    @staticmethod
    def resolve_subject(obj) -> str:
        return obj.subject_key

    @staticmethod
    def resolve_last_verification(obj) -> dict | None:
        if obj.verified_at is None:
            return None
        return {"at": obj.verified_at, "ok": obj.verified_ok, "events_checked": obj.verified_events}


class EventOut(Schema):
    sequence: int
    recorded_at: dt.datetime
    actor: str = Field(description="Who acted, as recorded; empty for the system or the command line.")
    subject: str
    type: str
    label: str = Field(description="What the type is called, in the request's language.")
    data: dict[str, Any]
    documents: list[str] = Field(description="SHA-256 of each document the event vouches for.")
    corrects: int | None = Field(description="The sequence number of the event this one corrects.")
    prev_hash: str
    hash: str

    @staticmethod
    def resolve_actor(obj) -> str:
        return obj.actor_label

    @staticmethod
    def resolve_label(obj) -> str:
        return event_label(obj.type)

    @staticmethod
    def resolve_corrects(obj) -> int | None:
        return obj.corrects.sequence if obj.corrects_id else None


class BrokenLinkOut(Schema):
    reason: Reason
    sequence: int | None
    expected: str
    found: str
    document: str


class VerificationOut(Schema):
    ok: bool
    events_checked: int
    documents_checked: int
    head_sequence: int
    head_hash: str
    broken: BrokenLinkOut | None
    problem: str = Field(description="The first broken link, in words; empty when the chain holds.")

    @staticmethod
    def resolve_problem(obj) -> str:
        return describe(obj.broken) if obj.broken else ""


def _chains(request: HttpRequest):
    require(policy.can_view_record(request.user), _("read the record"))
    latest = VerificationRun.objects.filter(chain=OuterRef("pk")).order_by("-at", "-id")
    return Chain.objects.annotate(
        verified_ok=Subquery(latest.values("ok")[:1]),
        verified_at=Subquery(latest.values("at")[:1]),
        verified_events=Subquery(latest.values("events_checked")[:1]),
    )


@router.get("/chains", response=reads(list[ChainOut], 403))
@paginated
def chain_list(request: HttpRequest):
    return _chains(request).order_by("kind", "-created_at", "-pk")


@router.get("/chains/{public_id}", response=reads(ChainOut, 403))
def chain_detail(request: HttpRequest, public_id: uuid.UUID):
    return one(_chains(request), public_id)


@router.get("/chains/{public_id}/events", response=reads(list[EventOut], 403))
@paginated
def event_list(request: HttpRequest, public_id: uuid.UUID):
    """The chain's events in order, oldest first: page with ``offset`` = the sequence already read."""
    chain = one(_chains(request), public_id)
    log_read(request.user, chain, "event_data", request=request)
    return chain.events.select_related("corrects").order_by("sequence")


@router.post("/chains/{public_id}/verification", response=writes(VerificationOut))
def chain_verify(request: HttpRequest, public_id: uuid.UUID):
    """Recompute the chain now, keep the outcome, and name the first broken link if there is one."""
    chain = one(_chains(request), public_id)
    require(policy.can_verify_record(request.user), _("verify the record"))
    return verify_and_keep(chain, actor=request.user)
