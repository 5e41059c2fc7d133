"""Computed pages kept until the record moves: every write that matters appends an event, so the
newest event's id says whether anything the figures rest on may have changed. Changes made outside
the actions (the admin, a bulk load) show after ``SECONDS`` at most."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

from dueprocess.learning.conf import DEFAULTS, setting

SECONDS = 600
T = TypeVar("T")


def record_head() -> int:
    from dueprocess.records.models import Event

    return Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def kept(name: str, parts: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or what it gave last time for the same parts, thresholds and record head."""
    thresholds = ",".join(f"{key}={setting(key)}" for key in sorted(DEFAULTS))
    text = f"{parts}|{thresholds}|{record_head()}"
    key = f"learning.{name}:" + hashlib.sha256(text.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, SECONDS)
    return value
