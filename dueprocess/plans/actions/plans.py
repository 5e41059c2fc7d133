"""The plan itself: draft, publish, revise (a new version once published), acknowledge, respond."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.plans.actions.schedule import cancel_when_revised
from dueprocess.plans.models import ImprovementPlan, PlanGoal, PlanStatus, PlanVersion, VersionStatus
from dueprocess.records import record_event

# Shared with reviews: collecting errors by field, refusing, and the day rules measure against.
from dueprocess.reviews.actions._common import Errors, require

GoalSpec = dict[str, Any]  # title, metric, baseline, target, due_on, measured_by
MEASURABLE = ("title", "metric", "baseline", "target", "measured_by")


def clean_plan(
    reason: str, starts_on: dt.date, ends_on: dt.date, goals: list[GoalSpec], errors: Errors
) -> list:
    """A plan the employee can be held to: a reason, dates in order, and only measurable goals."""
    errors.blank("reason", reason, _("Give the reason for the plan."))
    if ends_on <= starts_on:
        errors.add("ends_on", _("The plan must end after it starts."))
    if not goals:
        errors.add("goals", _("A plan needs at least one measurable goal."))
    cleaned = []
    for number, spec in enumerate(goals, start=1):
        values = {key: (spec.get(key) or "").strip() for key in MEASURABLE}
        missing = [key for key in MEASURABLE if not values[key]]
        if missing:
            errors.add(
                "goals",
                _("Goal %(number)s is not measurable: fill in %(fields)s.")
                % {
                    "number": number,
                    "fields": ", ".join(str(PlanGoal._meta.get_field(k).verbose_name) for k in missing),
                },
            )
        due_on = spec.get("due_on")
        if not due_on or not starts_on <= due_on <= ends_on:
            errors.add(
                "goals", _("Goal %(number)s needs a due date within the plan's dates.") % {"number": number}
            )
        cleaned.append({**values, "due_on": due_on})
    return cleaned


def _create_goals(version: PlanVersion, goals: list[GoalSpec]) -> None:
    PlanGoal.objects.bulk_create(PlanGoal(version=version, position=i, **g) for i, g in enumerate(goals))


def version_data(version: PlanVersion) -> dict[str, Any]:
    return {
        "plan": str(version.plan.public_id),
        "version": version.number,
        "reason": version.reason,
        "starts_on": str(version.starts_on),
        "ends_on": str(version.ends_on),
        "goals": [
            {
                "title": g.title,
                "metric": g.metric,
                "baseline": g.baseline,
                "target": g.target,
                "due_on": str(g.due_on),
                "measured_by": g.measured_by,
            }
            for g in version.goals.all()
        ],
    }


@transaction.atomic
def draft_plan(
    *,
    actor: User,
    employee: Employee,
    reason: str,
    starts_on: dt.date,
    ends_on: dt.date,
    goals: list[GoalSpec],
) -> ImprovementPlan:
    require(policy.can_draft_plan(actor, employee), _("put this employee on a plan"))
    errors = Errors()
    cleaned = clean_plan(reason, starts_on, ends_on, goals, errors)
    if ImprovementPlan.objects.filter(
        employee=employee, status__in=[PlanStatus.DRAFT, PlanStatus.ACTIVE]
    ).exists():
        errors.add("employee", _("This employee already has a plan that is not closed."))
    errors.raise_any()
    plan = ImprovementPlan.objects.create(employee=employee, created_by=actor)
    version = PlanVersion.objects.create(
        plan=plan, number=1, reason=reason.strip(), starts_on=starts_on, ends_on=ends_on
    )
    _create_goals(version, cleaned)
    record_event(plan, "plans.drafted", actor=actor, data=version_data(version))
    return plan


def _locked_plan(pk: int) -> ImprovementPlan:
    return ImprovementPlan.objects.select_for_update().select_related("employee").get(pk=pk)


@transaction.atomic
def publish_plan(plan: ImprovementPlan, *, actor: User) -> ImprovementPlan:
    """Share the plan with the employee; from now on its goals and dates are locked."""
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    plan = _locked_plan(plan.pk)
    plan.publish()
    plan.save(update_fields=["status"])
    version = plan.current
    version.status, version.published_at = VersionStatus.PUBLISHED, timezone.now()
    version.save(update_fields=["status", "published_at"])
    record_event(plan, "plans.published", actor=actor, data=version_data(version))
    return plan


@transaction.atomic
def revise_plan(
    plan: ImprovementPlan,
    *,
    actor: User,
    reason: str,
    starts_on: dt.date,
    ends_on: dt.date,
    goals: list[GoalSpec],
    change_reason: str = "",
) -> PlanVersion:
    """A draft is edited in place. A published plan gets a new version, which the employee must
    acknowledge again; the old version stays exactly as the employee saw it."""
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    plan = _locked_plan(plan.pk)
    errors = Errors()
    if plan.is_closed:
        errors.add("status", _("This plan is closed and can no longer change."))
    cleaned = clean_plan(reason, starts_on, ends_on, goals, errors)
    if plan.status == PlanStatus.ACTIVE:
        errors.blank("change_reason", change_reason, _("Say what changed and why; the employee will see it."))
    errors.raise_any()
    if plan.status == PlanStatus.DRAFT:
        version = _edit_draft(plan.current, reason, starts_on, ends_on, cleaned)
    else:
        version = new_version(
            plan,
            reason=reason,
            starts_on=starts_on,
            ends_on=ends_on,
            goals=cleaned,
            change_reason=change_reason,
        )
    record_event(
        plan,
        "plans.revised",
        actor=actor,
        data={**version_data(version), "change_reason": version.change_reason},
    )
    # Calendars must not keep a meeting the new dates leave out.
    cancel_when_revised(plan, version, actor=actor)
    return version


def _edit_draft(version: PlanVersion, reason: str, starts_on, ends_on, goals: list[GoalSpec]) -> PlanVersion:
    version.reason, version.starts_on, version.ends_on = reason.strip(), starts_on, ends_on
    version.save(update_fields=["reason", "starts_on", "ends_on"])
    version.goals.all().delete()
    _create_goals(version, goals)
    return version


def new_version(plan: ImprovementPlan, *, reason, starts_on, ends_on, goals, change_reason) -> PlanVersion:
    old = plan.current
    old.status = VersionStatus.SUPERSEDED
    old.save(update_fields=["status"])
    version = PlanVersion.objects.create(
        plan=plan,
        number=old.number + 1,
        status=VersionStatus.PUBLISHED,
        reason=reason.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        change_reason=change_reason.strip(),
        published_at=timezone.now(),
    )
    _create_goals(version, goals)
    return version


def _while_active(plan: ImprovementPlan, errors: Errors) -> None:
    """The employee answers a plan while it runs; once closed, its record is complete."""
    if plan.status != PlanStatus.ACTIVE:
        errors.add(
            "plan",
            _("This plan is %(status)s: it can no longer be acknowledged or answered.")
            % {"status": plan.get_status_display()},
        )


@transaction.atomic
def acknowledge_plan(plan: ImprovementPlan, *, actor: User) -> PlanVersion:
    """The employee confirms they have received the current version (not that they agree with it)."""
    plan = _locked_plan(plan.pk)  # judged as it stands now, not as the caller last saw it
    require(policy.can_acknowledge_plan(actor, plan), _("acknowledge this plan"))
    version = plan.current
    errors = Errors()
    _while_active(plan, errors)
    if version.is_acknowledged:
        errors.add("acknowledged_at", _("You have already acknowledged this version of the plan."))
    errors.raise_any()
    version.acknowledged_at = timezone.now()
    version.save(update_fields=["acknowledged_at"])
    record_event(
        plan, "plans.acknowledged", actor=actor, data={"plan": str(plan.public_id), "version": version.number}
    )
    return version


@transaction.atomic
def respond_to_plan(plan: ImprovementPlan, *, actor: User, text: str) -> PlanVersion:
    """The employee's written response to the current version, kept beside it."""
    plan = _locked_plan(plan.pk)  # judged as it stands now, not as the caller last saw it
    require(policy.can_acknowledge_plan(actor, plan), _("respond to this plan"))
    version = plan.current
    errors = Errors()
    _while_active(plan, errors)
    errors.blank("employee_response", text, _("Write your response."))
    if version.employee_response:
        errors.add("employee_response", _("You have already responded to this version of the plan."))
    errors.raise_any()
    version.employee_response, version.responded_at = text.strip(), timezone.now()
    version.save(update_fields=["employee_response", "responded_at"])
    record_event(
        plan,
        "plans.responded",
        actor=actor,
        data={"plan": str(plan.public_id), "version": version.number, "text": version.employee_response},
    )
    return version
