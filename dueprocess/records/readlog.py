"""The read log: every view of sensitive personal information is itself recorded — who, what, when.

PIPL art. 28 counts wages, health (protected periods) and the facts of a dismissal as sensitive;
art. 51 asks for measures that show who handled them. The log is append-only (model and database)
and only auditors read it (accounts.policy.can_view_read_log).
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from dueprocess.records.events import reference
from dueprocess.records.models import ReadLog

WHAT_FORMAT = re.compile(r"[a-z][a-z0-9_]{0,39}")

# What each kind of read is called on the auditor's page. Apps may log other kinds; those are shown
# by their code until they are named here.
KINDS = {
    "case": _("separation case"),
    "protected_periods": _("protected periods"),
    "wage_history": _("wage history"),
    "personal_details": _("personal details"),
    "document": _("document"),
    "evidence_bundle": _("evidence bundle"),
    "event_data": _("recorded event data"),
    "read_log": _("read log"),
}


def log_read(user: Any, obj: models.Model | str, what: str, *, request: HttpRequest | None = None) -> ReadLog:
    """Record that ``user`` was shown ``what`` (a kind such as "wage_history") about ``obj``."""
    if not WHAT_FORMAT.fullmatch(what):
        raise ValueError(f"{what!r} is not a kind of data: use lowercase words joined by underscores.")
    authenticated = user is not None and getattr(user, "is_authenticated", False)
    return ReadLog.objects.create(
        user=user if authenticated else None,
        user_label=_label(user) if authenticated else "",
        what=what,
        object_ref=reference(obj),
        object_label=(obj if isinstance(obj, str) else str(obj))[:200],
        **_request_details(request),
    )


def _label(user: Any) -> str:
    name, username = user.get_full_name(), user.get_username()
    return (f"{name} ({username})" if name else username)[:200]


def _request_details(request: HttpRequest | None) -> dict[str, Any]:
    if request is None:
        return {}
    # REMOTE_ADDR only: a forwarded-for header is whatever the client chose to send, unless a trusted
    # proxy sets it, and the deployment decides that (SECURE_PROXY_SSL_HEADER's sibling), not this log.
    return {
        "ip": request.META.get("REMOTE_ADDR") or None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
        "path": request.get_full_path()[:300],
    }


def kind_label(what: str) -> str:
    return str(KINDS.get(what, what))
