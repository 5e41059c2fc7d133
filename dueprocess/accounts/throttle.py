"""Login throttling: too many failures lock a username, a client address or a user's two-factor codes.

LOGIN_FAILURE_LIMIT failures within LOGIN_FAILURE_WINDOW lock that key for LOGIN_LOCKOUT seconds,
counted in the database so that every application server agrees. A locked key is refused before the
password is checked, and attempts made while locked are not counted, so a lock ends on time. The same
lock and message apply to a username whether or not it exists, so the lock reveals nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import math

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import ngettext

from dueprocess.accounts.models import LoginFailure, User

logger = logging.getLogger(__name__)
KEEP = dt.timedelta(days=1)


def client_address(request: HttpRequest | None) -> str:
    if request is None:
        return "unknown"
    header = settings.CLIENT_ADDRESS_HEADER
    if header:
        forwarded = request.headers.get(header, "")
        # The last entry is the one our own proxy appended; earlier ones are the client's to forge.
        last = forwarded.split(",")[-1].strip()
        if last:
            return last[:100]
    return (request.META.get("REMOTE_ADDR") or "unknown")[:100]


def login_keys(request: HttpRequest | None, username: str) -> list[str]:
    keys = [f"address:{client_address(request)}"]
    if username.strip():
        keys.append(f"username:{username.strip().lower()[:150]}")
    return keys


def code_keys(request: HttpRequest | None, user: User) -> list[str]:
    return [f"address:{client_address(request)}", f"code:{user.pk}"]


def locked_until(keys: list[str]) -> dt.datetime | None:
    """When the latest lock on any of ``keys`` ends, or None if none is locked now."""
    now = timezone.now()
    ends = [end for key in keys if (end := _lock_end(key)) and end > now]
    return max(ends, default=None)


def _lock_end(key: str) -> dt.datetime | None:
    limit = settings.LOGIN_FAILURE_LIMIT
    window = dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW)
    since = timezone.now() - window - dt.timedelta(seconds=settings.LOGIN_LOCKOUT)
    recent = list(
        LoginFailure.objects.filter(key=key, failed_at__gt=since)
        .order_by("-failed_at")
        .values_list("failed_at", flat=True)[:limit]
    )
    if len(recent) < limit or recent[0] - recent[-1] > window:
        return None
    return recent[0] + dt.timedelta(seconds=settings.LOGIN_LOCKOUT)


def record_failure(
    keys: list[str], request: HttpRequest | None, user: User | None = None
) -> dt.datetime | None:
    """Count one failure against each key; returns the end of the lock if this failure locked one.

    ``user`` is the account the attempt named, when it exists: a lockout is recorded against it.
    """
    now = timezone.now()
    LoginFailure.objects.bulk_create([LoginFailure(key=key, failed_at=now) for key in keys])
    LoginFailure.objects.filter(failed_at__lt=now - KEEP).delete()
    newly_locked = [(key, end) for key in keys if (end := _lock_end(key))]
    for key, end in newly_locked:
        _record_lockout(key, end, request, user)
    return max((end for _key, end in newly_locked), default=None)


def forget(keys: list[str]) -> None:
    """A success wipes the slate for the username or the user's codes (never for the address)."""
    LoginFailure.objects.filter(key__in=[key for key in keys if not key.startswith("address:")]).delete()


def _record_lockout(key: str, end: dt.datetime, request: HttpRequest | None, user: User | None) -> None:
    from dueprocess.records import record_event

    kind = key.split(":", 1)[0]
    address = client_address(request)
    logger.warning("Login locked (%s) from %s until %s", kind, address, end.isoformat())
    # Only a real account is named: what was typed for an unknown username may be a password.
    subject = user if kind in {"username", "code"} else None
    record_event(
        subject,
        "accounts.login_locked",
        actor=None,
        data={"locked": kind, "address": address, "until": end, "failures": settings.LOGIN_FAILURE_LIMIT},
    )


def locked_message(until: dt.datetime) -> str:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ngettext(
        "Too many failed attempts. For your security, logging in is paused; try again in %(minutes)d minute.",
        "Too many failed attempts. For your security, logging in is paused; "
        "try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
