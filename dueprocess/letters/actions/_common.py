"""What the letter actions share: the letter locked for a write, and its events in the right chain
(a case letter in the case's own chain, a plan or warning letter in the organisation's, as the
plans and reviews apps record theirs)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

from dueprocess.letters.models import Letter
from dueprocess.records import case_chain, record_event
from dueprocess.reviews.actions._common import Errors, require, today

__all__ = ["Errors", "client_ip", "letter_event", "locked", "require", "today"]


def locked(letter: Letter) -> Letter:
    return Letter.objects.select_for_update().select_related("employee").get(pk=letter.pk)


def letter_event(letter: Letter, type: str, *, actor, data: dict[str, Any], documents: Iterable = ()):
    about: dict[str, Any] = {"letter": str(letter.public_id), "kind": letter.kind}
    if letter.case_id:
        about["case"] = str(letter.case.public_id)  # type: ignore[union-attr]
    elif letter.plan_id:
        about["plan"] = str(letter.plan.public_id)  # type: ignore[union-attr]
    else:
        about["warning"] = str(letter.warning.public_id)  # type: ignore[union-attr]
    return record_event(
        letter,
        type,
        actor=actor,
        data={**about, **data},
        chain=case_chain(letter.case.public_id) if letter.case_id else None,  # type: ignore[union-attr]
        documents=documents,
    )


def client_ip(address: str | None) -> str | None:
    """A client address as the database keeps it, or None when it is not an IP address."""
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return None
