"""Every write of the learning app: opening, writing and completing a retrospective, its improvement
actions and their evaluations. Each is atomic, asks ``accounts.policy``, and records its event in the
case's own chain, so the case reads as one story down to what was learnt from it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase
from dueprocess.learning.conf import setting
from dueprocess.learning.models import (
    ActionStatus,
    Area,
    Effect,
    Evaluation,
    Finding,
    ImprovementAction,
    Retrospective,
    RetrospectiveStatus,
)
from dueprocess.records import case_chain, record_event, reference
from dueprocess.reviews.actions._common import Errors, require, today

# A status moves forward only; done and dropped are final.
ACTION_MOVES = {
    ActionStatus.OPEN: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DROPPED},
    ActionStatus.IN_PROGRESS: {ActionStatus.DONE, ActionStatus.DROPPED},
    ActionStatus.DONE: set(),
    ActionStatus.DROPPED: set(),
}


def retrospective_due_on(case: SeparationCase) -> dt.date | None:
    """A retrospective comes due a fixed time after the case is closed (or withdrawn)."""
    if case.closed_on is None:
        return None
    return case.closed_on + dt.timedelta(days=int(setting("RETROSPECTIVE_DAYS")))


def retrospectives_due() -> QuerySet[SeparationCase]:
    """Cases that are over and still owe a retrospective: none opened, or one not yet completed."""
    return SeparationCase.objects.filter(closed_on__isnull=False).exclude(
        retrospective__status=RetrospectiveStatus.COMPLETED
    )


def _event(retrospective: Retrospective, type: str, *, actor: User, data: dict[str, Any]) -> None:
    case = retrospective.case
    record_event(
        retrospective,
        type,
        actor=actor,
        data={
            "case": str(case.public_id),
            "retrospective": str(retrospective.public_id),
            "on": today(),
            **data,
        },
        chain=case_chain(case.public_id),
    )


def _locked(retrospective: Retrospective) -> Retrospective:
    return Retrospective.objects.select_for_update().select_related("case__employee").get(pk=retrospective.pk)


@transaction.atomic
def open_retrospective(case: SeparationCase, *, actor: User) -> Retrospective:
    """Open the case's retrospective; a case has one, so opening it again returns it."""
    require(policy.can_run_retrospective(actor, case), _("run the retrospective of this case"))
    case = SeparationCase.objects.select_for_update().get(pk=case.pk)
    existing = Retrospective.objects.filter(case=case).first()
    if existing is not None:
        return existing
    due_on = retrospective_due_on(case)
    if due_on is None:
        errors = Errors()
        errors.add("case", _("A retrospective is held once the case is closed or withdrawn."))
        errors.raise_any()
    retrospective = Retrospective.objects.create(case=case, due_on=due_on, opened_by=actor, opened_on=today())
    _event(retrospective, "learning.retrospective_opened", actor=actor, data={"due_on": due_on})
    return retrospective


@transaction.atomic
def record_finding(
    retrospective: Retrospective, *, actor: User, area: str, went_well: str, went_wrong: str, root_cause: str
) -> Finding:
    """What went well, what went wrong and the root cause in one area; written again, it replaces the
    area's finding while the retrospective is open (the record keeps every version)."""
    require(policy.can_run_retrospective(actor, retrospective.case), _("run the retrospective of this case"))
    retrospective = _locked(retrospective)
    retrospective.ensure_open()
    errors = Errors()
    if area not in Area.values:
        errors.add("area", _("Choose one of the four areas."))
    errors.blank("went_well", went_well, _("Say what went well."))
    errors.blank("went_wrong", went_wrong, _("Say what went wrong."))
    errors.blank("root_cause", root_cause, _("Name the root cause of what went wrong."))
    errors.raise_any()
    texts = {
        "went_well": went_well.strip(),
        "went_wrong": went_wrong.strip(),
        "root_cause": root_cause.strip(),
    }
    finding, _created = Finding.objects.update_or_create(
        retrospective=retrospective,
        area=area,
        defaults={**texts, "recorded_by": actor, "recorded_at": timezone.now()},
    )
    _event(retrospective, "learning.finding_recorded", actor=actor, data={"area": area, **texts})
    return finding


@transaction.atomic
def add_improvement_action(
    retrospective: Retrospective,
    *,
    actor: User,
    area: str,
    title: str,
    changes: str,
    owner: User | None,
    due_on: dt.date | None,
    description: str = "",
    evaluate_every_days: int | None = None,
) -> ImprovementAction:
    require(policy.can_run_retrospective(actor, retrospective.case), _("run the retrospective of this case"))
    retrospective = _locked(retrospective)
    retrospective.ensure_open()
    interval = (
        int(setting("EVALUATION_INTERVAL_DAYS")) if evaluate_every_days is None else evaluate_every_days
    )
    errors = Errors()
    if area not in Area.values:
        errors.add("area", _("Choose one of the four areas."))
    errors.blank("title", title, _("Say what will be done."))
    errors.blank("changes", changes, _("Name the policy or process this action changes."))
    if owner is None or not owner.is_active:
        errors.add("owner", _("Choose an owner with an active account."))
    if due_on is None:
        errors.add("due_on", _("Give the date by which it is done."))
    elif due_on < today():
        errors.add("due_on", _("The due date cannot be in the past."))
    if interval < 1:
        errors.add("evaluate_every_days", _("Evaluate at least every day; give a number of days above 0."))
    errors.raise_any()
    action = ImprovementAction.objects.create(
        retrospective=retrospective,
        area=area,
        title=title.strip(),
        changes=changes.strip(),
        description=description.strip(),
        owner=owner,
        due_on=due_on,
        evaluate_every_days=interval,
        created_by=actor,
    )
    _event(
        retrospective,
        "learning.action_added",
        actor=actor,
        data={
            "action": str(action.public_id),
            "area": area,
            "title": action.title,
            "changes": action.changes,
            "owner": owner.get_username(),  # type: ignore[union-attr]
            "due_on": due_on,
            "evaluate_every_days": interval,
        },
    )
    return action


@transaction.atomic
def complete_retrospective(retrospective: Retrospective, *, actor: User, summary: str) -> Retrospective:
    """Complete it once every area has its finding and at least one improvement action is decided."""
    require(policy.can_run_retrospective(actor, retrospective.case), _("run the retrospective of this case"))
    retrospective = _locked(retrospective)
    retrospective.ensure_open()
    errors = Errors()
    errors.blank("summary", summary, _("Sum up what was learnt."))
    missing = retrospective.areas_missing()
    if missing:
        errors.add(
            "findings",
            _("Record what went well and wrong in every area first; missing: %(areas)s.")
            % {"areas": ", ".join(str(Area(a).label) for a in missing)},
        )
    if not retrospective.actions.exists():
        errors.add("actions", _("Decide at least one improvement action first."))
    errors.raise_any()
    retrospective.status, retrospective.summary = RetrospectiveStatus.COMPLETED, summary.strip()
    retrospective.completed_on, retrospective.completed_by = today(), actor
    retrospective.save(update_fields=["status", "summary", "completed_on", "completed_by"])
    _event(
        retrospective,
        "learning.retrospective_completed",
        actor=actor,
        data={"summary": retrospective.summary, "actions": retrospective.actions.count()},
    )
    return retrospective


def _locked_action(action: ImprovementAction) -> ImprovementAction:
    return (
        ImprovementAction.objects.select_for_update()
        .select_related("retrospective__case__employee", "owner")
        .get(pk=action.pk)
    )


@transaction.atomic
def update_improvement_action(
    action: ImprovementAction, *, actor: User, status: str, note: str = ""
) -> ImprovementAction:
    require(policy.can_update_improvement_action(actor, action), _("update this improvement action"))
    action = _locked_action(action)
    errors = Errors()
    if status not in ActionStatus.values:
        errors.add("status", _("Choose a status."))
    elif status not in ACTION_MOVES[action.status]:
        errors.add(
            "status",
            _("An action that is %(now)s cannot become %(next)s.")
            % {"now": action.get_status_display(), "next": ActionStatus(status).label},
        )
    if status == ActionStatus.DROPPED:
        errors.blank("note", note, _("Say why the action is dropped."))
    errors.raise_any()
    action.status, action.status_note = status, note.strip()
    action.done_on = today() if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "status_note", "done_on"])
    _event(
        action.retrospective,
        "learning.action_updated",
        actor=actor,
        data={"action": str(action.public_id), "status": status, "note": action.status_note},
    )
    return action


@transaction.atomic
def evaluate_improvement_action(
    action: ImprovementAction,
    *,
    actor: User,
    was_done: bool,
    effect: str,
    evidence: str,
    evaluated_on: dt.date | None = None,
) -> Evaluation:
    """Was it done, did it work, and on what evidence: rated by someone other than its owner."""
    require(policy.can_evaluate_improvement_action(actor, action), _("evaluate this improvement action"))
    action = _locked_action(action)
    evaluated_on = evaluated_on or today()
    errors = Errors()
    if action.status == ActionStatus.DROPPED:
        errors.add("action", _("This action was dropped: there is nothing to evaluate."))
    if effect not in Effect.values:
        errors.add("effect", _("Say whether it worked."))
    elif effect == Effect.WORKED and not was_done:
        errors.add("effect", _("An action that was not done cannot have worked."))
    errors.blank("evidence", evidence, _("Give the evidence the rating rests on."))
    if evaluated_on > today():
        errors.add("evaluated_on", _("An evaluation cannot be dated in the future."))
    elif evaluated_on < action.retrospective.opened_on:
        errors.add("evaluated_on", _("An evaluation cannot come before the retrospective."))
    errors.raise_any()
    evaluation = Evaluation.objects.create(
        action=action,
        evaluated_on=evaluated_on,
        was_done=was_done,
        effect=effect,
        evidence=evidence.strip(),
        evaluated_by=actor,
    )
    _event(
        action.retrospective,
        "learning.action_evaluated",
        actor=actor,
        data={
            "action": str(action.public_id),
            "evaluation": reference(evaluation),
            "evaluated_on": evaluated_on,
            "was_done": was_done,
            "effect": effect,
            "evidence": evaluation.evidence,
        },
    )
    return evaluation
