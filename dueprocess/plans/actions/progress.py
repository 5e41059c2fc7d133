"""During and at the end of a plan: support given, check-ins held, and the outcome decided."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.plans.actions.plans import new_version, version_data
from dueprocess.plans.actions.schedule import cancel_when_decided
from dueprocess.plans.models import (
    CheckIn,
    GoalProgress,
    ImprovementPlan,
    Outcome,
    OutcomeEvidence,
    PlanOutcome,
    PlanStatus,
    Progress,
    SupportAction,
    SupportKind,
    SupportStatus,
)
from dueprocess.records import record_event
from dueprocess.reviews.actions._common import Errors, in_order, keep_evidence, require, today

EvidenceFile = tuple[str, str, bytes]  # file name, content type, content
ProgressSpec = dict[str, Any]  # goal (PlanGoal), status (Progress), measured, note


@transaction.atomic
def add_support_action(
    plan: ImprovementPlan,
    *,
    actor: User,
    kind: str,
    description: str,
    starts_on: dt.date,
    ends_on: dt.date,
    provider: str = "",
    offered: bool = False,
) -> SupportAction:
    """Training, coaching, mentoring or a job adjustment. PRC LCL art. 40(2) asks for training or a job
    adjustment before a dismissal for incompetence, so each is recorded with its dates."""
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    errors = Errors()
    if plan.is_closed:
        errors.add("plan", _("This plan is closed."))
    if kind not in SupportKind.values:
        errors.add("kind", _("Choose training, coaching, mentoring or a job adjustment."))
    errors.blank("description", description, _("Describe the support."))
    in_order(errors, starts_on, ends_on, "ends_on", _("The support cannot end before it starts."))
    errors.raise_any()
    status = SupportStatus.OFFERED if offered else SupportStatus.PLANNED
    action = SupportAction.objects.create(
        plan=plan,
        kind=kind,
        description=description.strip(),
        provider=provider.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
    )
    record_event(
        plan,
        "plans.support_added",
        actor=actor,
        data={
            "plan": str(plan.public_id),
            "support": str(action.public_id),
            "kind": kind,
            "status": status,
            "description": action.description,
            "starts_on": str(starts_on),
            "ends_on": str(ends_on),
        },
    )
    return action


@transaction.atomic
def complete_support_action(
    action: SupportAction, *, actor: User, happened: bool, completed_on: dt.date, note: str = ""
) -> SupportAction:
    """Whether the support actually happened; if not, why (e.g. the employee declined the new role)."""
    require(policy.can_manage_plan(actor, action.plan), _("manage this plan"))
    action = SupportAction.objects.select_for_update().select_related("plan").get(pk=action.pk)
    errors = Errors()
    if action.is_settled:
        errors.add("status", _("This support action has already been settled."))
    in_order(errors, action.starts_on, completed_on, "completed_on", _("It cannot finish before it started."))
    if completed_on > today():
        errors.add("completed_on", _("Record this once it has happened."))
    if not happened:
        errors.blank("outcome_note", note, _("Say why it did not happen."))
    errors.raise_any()
    action.status = SupportStatus.HAPPENED if happened else SupportStatus.DID_NOT_HAPPEN
    action.completed_on, action.outcome_note = completed_on, note.strip()
    action.save(update_fields=["status", "completed_on", "outcome_note"])
    record_event(
        action.plan,
        "plans.support_completed",
        actor=actor,
        data={
            "plan": str(action.plan.public_id),
            "support": str(action.public_id),
            "kind": action.kind,
            "happened": happened,
            "completed_on": str(completed_on),
            "note": action.outcome_note,
        },
    )
    return action


def _check_in_errors(plan, version, held_on, notes, attendees, progress) -> Errors:
    errors = Errors()
    if plan.status != PlanStatus.ACTIVE:
        errors.add("plan", _("Check-ins are held only while the plan is active."))
    if held_on > version.ends_on:
        errors.add(
            "held_on",
            _("The plan ended on %(day)s; a check-in cannot come after it.") % {"day": version.ends_on},
        )
    elif held_on < version.starts_on:
        errors.add(
            "held_on",
            _("The plan starts on %(day)s; a check-in cannot come before it.") % {"day": version.starts_on},
        )
    if held_on > today():
        errors.add("held_on", _("Record a check-in once it has taken place."))
    errors.blank("notes", notes, _("Write the notes of the check-in."))
    if not attendees:
        errors.add("attendees", _("Say who attended."))
    goal_ids = set(version.goals.values_list("pk", flat=True))
    for item in progress:
        if item["goal"].pk not in goal_ids or item.get("status") not in Progress.values:
            errors.add("progress", _("Give progress only on this plan's goals, as one of the listed states."))
    return errors


@transaction.atomic
def record_check_in(
    plan: ImprovementPlan,
    *,
    actor: User,
    held_on: dt.date,
    attendees: Iterable[Employee],
    notes: str,
    progress: list[ProgressSpec] = (),
    employee_comments: str = "",
) -> CheckIn:
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    plan = ImprovementPlan.objects.select_for_update().get(pk=plan.pk)
    version, attendees, progress = plan.current, list(attendees), list(progress)
    _check_in_errors(plan, version, held_on, notes, attendees, progress).raise_any()
    check_in = CheckIn.objects.create(
        plan=plan,
        version=version,
        held_on=held_on,
        notes=notes.strip(),
        employee_comments=employee_comments.strip(),
        recorded_by=actor,
    )
    check_in.attendees.set(attendees)
    GoalProgress.objects.bulk_create(
        GoalProgress(
            check_in=check_in,
            goal=p["goal"],
            status=p["status"],
            measured=p.get("measured", ""),
            note=p.get("note", ""),
        )
        for p in progress
    )
    record_event(
        plan,
        "plans.check_in_recorded",
        actor=actor,
        data={
            "plan": str(plan.public_id),
            "check_in": str(check_in.public_id),
            "version": version.number,
            "held_on": str(held_on),
            "attendees": sorted(a.number for a in attendees),
            "notes": check_in.notes,
            "employee_comments": check_in.employee_comments,
            "progress": [
                {"goal": p["goal"].title, "status": p["status"], "measured": p.get("measured", "")}
                for p in progress
            ],
        },
    )
    return check_in


@transaction.atomic
def comment_on_check_in(check_in: CheckIn, *, actor: User, text: str) -> CheckIn:
    """The employee's own comments on a check-in, when none were noted at the meeting: written once,
    while the plan runs, and kept as written."""
    check_in = CheckIn.objects.select_for_update().select_related("plan").get(pk=check_in.pk)
    require(policy.can_acknowledge_plan(actor, check_in.plan), _("comment on this check-in"))
    errors = Errors()
    if check_in.plan.status != PlanStatus.ACTIVE:
        errors.add("plan", _("Comments on check-ins are added only while the plan is active."))
    errors.blank("employee_comments", text, _("Write your comments."))
    if check_in.employee_comments:
        errors.add("employee_comments", _("This check-in already has your comments."))
    errors.raise_any()
    check_in.employee_comments = text.strip()
    check_in.save(update_fields=["employee_comments"])
    record_event(
        check_in.plan,
        "plans.check_in_commented",
        actor=actor,
        data={
            "plan": str(check_in.plan.public_id),
            "check_in": str(check_in.public_id),
            "employee_comments": check_in.employee_comments,
        },
    )
    return check_in


def _outcome_errors(plan, version, outcome, summary, decided_on, check_ins, evidence, new_ends_on) -> Errors:
    errors = Errors()
    if plan.status != PlanStatus.ACTIVE:
        errors.add("plan", _("Only an active plan can be closed or extended."))
    if outcome not in Outcome.values:
        errors.add("outcome", _("Choose passed, extended or failed."))
    errors.blank("summary", summary, _("Set out the evidence and the reasons for this outcome."))
    if decided_on > today():
        errors.add("decided_on", _("The decision cannot be dated in the future."))
    if outcome == Outcome.FAILED and decided_on < version.ends_on:
        # The employee is given the whole period they were promised.
        errors.add(
            "decided_on", _("A plan cannot be failed before it ends on %(day)s.") % {"day": version.ends_on}
        )
    if outcome == Outcome.FAILED and not (check_ins or evidence):
        errors.add("evidence", _("A failed plan needs evidence: the check-ins or documents it rests on."))
    if outcome == Outcome.EXTENDED and (new_ends_on is None or new_ends_on <= version.ends_on):
        errors.add(
            "new_ends_on", _("An extension needs a new end date after %(day)s.") % {"day": version.ends_on}
        )
    if any(c.plan_id != plan.pk for c in check_ins):
        errors.add("check_ins", _("Rely only on this plan's check-ins."))
    return errors


@transaction.atomic
def decide_outcome(
    plan: ImprovementPlan,
    *,
    actor: User,
    outcome: str,
    summary: str,
    decided_on: dt.date | None = None,
    check_ins: Iterable[CheckIn] = (),
    evidence: Iterable[EvidenceFile] = (),
    new_ends_on: dt.date | None = None,
) -> PlanOutcome:
    """Passed or failed closes the plan. Extended gives it a new version with the later end date,
    which the employee acknowledges again. Check-ins still arranged ahead are cancelled with it: all
    of them when the plan closes, those outside the new dates when it is extended."""
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    plan = ImprovementPlan.objects.select_for_update().select_related("employee").get(pk=plan.pk)
    version, decided_on = plan.current, decided_on or today()
    check_ins, evidence = list(check_ins), list(evidence)
    _outcome_errors(plan, version, outcome, summary, decided_on, check_ins, evidence, new_ends_on).raise_any()
    decision = PlanOutcome.objects.create(
        plan=plan,
        version=version,
        outcome=outcome,
        decided_on=decided_on,
        summary=summary.strip(),
        decided_by=actor,
    )
    decision.check_ins.set(check_ins)
    files = [keep_evidence(OutcomeEvidence, *item, outcome=decision) for item in evidence]
    data = {
        "plan": str(plan.public_id),
        "outcome": outcome,
        "version": version.number,
        "decided_on": str(decided_on),
        "summary": decision.summary,
        "check_ins": [str(c.public_id) for c in check_ins],
        "evidence": [{"name": f.name, "sha256": f.sha256} for f in files],
        "training_or_job_adjustment_done": plan.training_or_job_adjustment_done(),
    }
    documents = [f.sha256 for f in files]
    if outcome == Outcome.EXTENDED:
        extended = _extend(plan, version, new_ends_on, summary)
        record_event(
            plan, "plans.extended", actor=actor, data={**data, **version_data(extended)}, documents=documents
        )
    else:
        extended = None
        plan.close(outcome, decided_on)
        plan.save(update_fields=["status", "closed_on"])
        record_event(plan, "plans.closed", actor=actor, data=data, documents=documents)
    # Calendars must not keep a meeting about a plan that is over, or outside its new dates.
    cancel_when_decided(plan, actor=actor, outcome=outcome, extended=extended)
    return decision


def _extend(plan: ImprovementPlan, version, new_ends_on: dt.date, summary: str):
    """The same goals and start, a later end: a new version the employee acknowledges again."""
    fields = ("title", "metric", "baseline", "target", "due_on", "measured_by")
    goals = [{k: getattr(g, k) for k in fields} for g in version.goals.all()]
    return new_version(
        plan,
        reason=version.reason,
        starts_on=version.starts_on,
        ends_on=new_ends_on,
        goals=goals,
        change_reason=summary,
    )
