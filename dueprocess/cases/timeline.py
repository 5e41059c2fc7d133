"""The case page's timeline: every review, incident, investigation, warning, plan step, meeting,
letter and decision, in the order it happened, read from the record itself.

The record is the one source: what the timeline shows is what the chain proves. The events are the
case's own chain plus the events about each linked record the viewer may see; a fixed number of
queries fetches them, however many events there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.accounts import policy
from dueprocess.cases.models import CaseEvidence, SeparationCase
from dueprocess.records import reference
from dueprocess.records.labels import event_label
from dueprocess.records.models import Chain, Event

# Keys that say on which day a step happened, most specific first.
DAY_KEYS = (
    "on",
    "held_on",
    "decided_on",
    "occurred_on",
    "issued_on",
    "completed_on",
    "notified_on",
    "replied_on",
    "answered_on",
    "served_on",
    "lodged_on",
    "starts_on",
    "ended_on",
    "closed_on",
)
# Fields of an event's data worth a line in the timeline, in this order, with their names.
DETAIL_LABELS = {
    "ground": _("ground"),
    "article": _("article"),
    "summary": _("summary"),
    "kind": _("kind"),
    "scheduled_at": _("date and time"),
    "place": _("place"),
    "outcome": _("outcome"),
    "decision": _("decision"),
    "capacity": _("approves as"),
    "level": _("level"),
    "conclusion": _("conclusion"),
    "last_day": _("last day"),
    "pay_in_lieu": _("pay in lieu of notice"),
    "severance": _("severance"),
    "notice_pay": _("notice pay"),
    "total": _("total"),
    "reason": _("reason"),
    "justification": _("justification"),
}


# Money follows wages: shown only to those who may see the employee's sensitive information. A
# settlement line's reason works its amount out from the wage ("28800 ÷ 21.75 × 2"): money too.
MONEY_KEYS = {"severance", "notice_pay", "total"}
SETTLEMENT_MONEY_KEYS = MONEY_KEYS | {"reason"}


@dataclass(frozen=True)
class Entry:
    on: dt.date
    recorded_at: dt.datetime
    type: str
    label: str
    actor: str
    details: list[tuple[str, Any]]
    sequence: int
    own_chain: bool
    order: int  # the event's row id: the order of entry across chains


def _day(data: Any, recorded_at: dt.datetime) -> dt.date:
    for key in DAY_KEYS:
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str) and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return timezone.localdate(recorded_at)


# What a link brings along: the records linked_subjects walks to from each one.
LINKED_RECORDS = ("review", "incident", "investigation__incident", "warning__investigation__incident", "plan")


def linked_subjects(case: SeparationCase, user, links: list[CaseEvidence] | None = None) -> set[str]:
    """References of the linked records the viewer may see, and of the records they bring with them
    (an incident's investigations, a warning's investigation and incident). ``links``: the case's
    links as the caller has already read them, with LINKED_RECORDS."""
    from dueprocess.reviews.models import Incident, Investigation, Warning

    if links is None:
        links = list(CaseEvidence.objects.filter(case=case).select_related(*LINKED_RECORDS))
    targets: list[Any] = []
    for link in links:
        target = link.target
        targets.append(target)
        if link.investigation_id:
            targets.append(target.incident)
        if link.warning_id and target.investigation_id:
            targets += [target.investigation, target.investigation.incident]
    incident_ids = [t.pk for t in targets if isinstance(t, Incident)]
    targets += list(Investigation.objects.filter(incident_id__in=incident_ids))
    return {reference(t) for t in _visible(targets, user, Incident, Investigation, Warning)}


def _visible(targets: list, user, Incident, Investigation, Warning) -> list:
    """Keep what the viewer may see: one query per kind, whatever the number of links."""
    from dueprocess.plans.models import ImprovementPlan
    from dueprocess.reviews.models import Review

    scopes = {
        Review: policy.reviews_visible_to(user),
        ImprovementPlan: policy.plans_visible_to(user),
        Incident: policy.conduct_visible_to(user, Incident),
        Investigation: policy.conduct_visible_to(user, Investigation),
        Warning: policy.conduct_visible_to(user, Warning),
    }
    allowed: dict[type, set[int]] = {}
    for model, scope in scopes.items():
        ids = {t.pk for t in targets if isinstance(t, model)}
        allowed[model] = set(scope.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    return [t for t in targets if t.pk in allowed.get(type(t), set())]


def timeline(case: SeparationCase, user, links: list[CaseEvidence] | None = None) -> list[Entry]:
    """The entries in the order they happened. ``links``: as for linked_subjects."""
    subjects = linked_subjects(case, user, links)
    hidden = set() if policy.can_view_sensitive(user, case.employee) else MONEY_KEYS
    choices = _choice_labels()
    # Each side of the OR by its own index (the chain's events, the subjects'), and no ORDER BY (the
    # entries are sorted below). The chain's id is looked up first: a condition on the joined chain
    # row scanned the whole event table on both databases, a subquery for it did on PostgreSQL.
    own = Chain.objects.filter(subject_key=case.chain_key).values_list("pk", flat=True).first()
    rows = (
        Event.objects.filter(Q(chain_id=own) | Q(subject__in=subjects))
        .values_list("pk", "chain_id", "type", "data", "recorded_at", "actor_label", "sequence")
        .order_by()
    )
    # A long case repeats a few event types and detail names hundreds of times: each is translated
    # once per timeline, not once per entry.
    labels: dict[str, str] = {}
    detail_labels = {key: str(label) for key, label in DETAIL_LABELS.items()}
    entries = []
    for pk, chain_id, event_type, data, recorded_at, actor_label, sequence in rows:
        if event_type not in labels:
            labels[event_type] = event_label(event_type)
        entries.append(
            Entry(
                on=_day(data, recorded_at),
                recorded_at=recorded_at,
                type=event_type,
                label=labels[event_type],
                actor=actor_label,
                details=_details(data, _money(event_type, hidden), choices, detail_labels),
                sequence=sequence,
                own_chain=chain_id == own,
                order=pk,
            )
        )
    return sorted(entries, key=lambda e: (e.on, e.recorded_at, e.order))


def _money(event_type: str, hidden: set[str]) -> set[str]:
    if hidden and event_type.startswith("offboarding.settlement"):
        return SETTLEMENT_MONEY_KEYS
    return hidden


def _choice_labels() -> dict[str, dict[str, str]]:
    """Codes the events store (``"substantiated"``, ``"written"``) and the names people read."""
    from dueprocess.cases.models import AppealOutcome, ApprovalCapacity, ApprovalDecision, HearingKind
    from dueprocess.plans.models import Outcome, SupportKind
    from dueprocess.reviews.models.conduct import Conclusion, WarningLevel

    def labels(*choices) -> dict[str, str]:
        return {value: str(label) for choice in choices for value, label in choice.choices}

    return {
        "kind": labels(HearingKind, SupportKind),
        "level": labels(WarningLevel),
        "conclusion": labels(Conclusion),
        "outcome": labels(AppealOutcome, Outcome),
        "decision": labels(ApprovalDecision),
        "capacity": labels(ApprovalCapacity),
    }


def _shown(key: str, value: Any, choices: dict[str, dict[str, str]]) -> Any:
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str) and value in choices.get(key, {}):
        return choices[key][value]
    return value


def _details(
    data: Any, hidden: set[str], choices: dict[str, dict[str, str]], labels: dict[str, str]
) -> list[tuple[str, Any]]:
    if not isinstance(data, dict):
        return []
    return [
        (label, _shown(key, data[key], choices))
        for key, label in labels.items()
        if key not in hidden and data.get(key) not in (None, "", [])
    ]
