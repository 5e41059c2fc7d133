"""What each event type is called in timelines. Apps name their own types here from their
AppConfig.ready(): ``register_event_type("plan.started", _("Improvement plan started"))``. A type
with no name is shown as its code, which is still exact, only less friendly."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_LABELS: dict[str, Promise | str] = {
    "people.imported": _("People data imported"),
    "people.exported": _("People data exported"),
    "records.bundle_exported": _("Evidence bundle exported"),
}


def register_event_type(event_type: str, label: Promise | str) -> None:
    EVENT_LABELS[event_type] = label


def event_label(event_type: str) -> str:
    return str(EVENT_LABELS.get(event_type, event_type))
