"""Arranging check-ins ahead: everyone gets a calendar invitation, and a reminder the day before.
What was said is recorded afterwards with ``record_check_in``."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.plans.models import (
    AGENDA_MAX_LENGTH,
    ImprovementPlan,
    Outcome,
    PlanStatus,
    PlanVersion,
    ScheduledCheckIn,
    ScheduleStatus,
)
from dueprocess.records import record_event
from dueprocess.reminders import calendar
from dueprocess.reviews.actions._common import Errors, require, today

MAX_MINUTES = 8 * 60


def _when_errors(
    plan: ImprovementPlan, scheduled_at, place: str, duration_minutes: int, agenda: str
) -> Errors:
    errors = Errors()
    if len(agenda) > AGENDA_MAX_LENGTH:
        errors.add("agenda", _("Keep the agenda within %(limit)s characters.") % {"limit": AGENDA_MAX_LENGTH})
    if plan.status != PlanStatus.ACTIVE:
        errors.add("plan", _("Check-ins are arranged only while the plan is active."))
    errors.blank("place", place, _("Say where the check-in takes place."))
    if not 0 < duration_minutes <= MAX_MINUTES:
        errors.add("duration_minutes", _("Give a length between 1 and 480 minutes."))
    if not scheduled_at:
        errors.add("scheduled_at", _("Give the date and time of the check-in."))
        return errors
    day, version = timezone.localdate(scheduled_at), plan.current
    if _in_the_past(scheduled_at, day):
        errors.add("scheduled_at", _("A check-in cannot be arranged in the past."))
    elif not version.covers(day):
        errors.add(
            "scheduled_at",
            _("The check-in must fall within the plan, from %(start)s to %(end)s.")
            % {"start": version.starts_on, "end": version.ends_on},
        )
    return errors


def _in_the_past(scheduled_at: dt.datetime, day: dt.date) -> bool:
    """By the clock on the real today (nine o'clock is past at noon); by the day when the demo enters
    its story as of an earlier day."""
    if today() == timezone.localdate():
        return scheduled_at < timezone.now()
    return day < today()


def _data(scheduled: ScheduledCheckIn) -> dict:
    return {
        "plan": str(scheduled.plan.public_id),
        "scheduled_check_in": str(scheduled.public_id),
        "scheduled_at": scheduled.scheduled_at,
        "duration_minutes": scheduled.duration_minutes,
        "place": scheduled.place,
        "agenda": scheduled.agenda,
    }


@transaction.atomic
def schedule_check_in(
    plan: ImprovementPlan,
    *,
    actor: User,
    scheduled_at: dt.datetime,
    place: str,
    duration_minutes: int = 60,
    agenda: str = "",
) -> ScheduledCheckIn:
    """``agenda``: what is to be discussed (the goals to review, the evidence to bring), sent with the
    invitation so that the employee can prepare."""
    require(policy.can_manage_plan(actor, plan), _("manage this plan"))
    plan = ImprovementPlan.objects.select_for_update().select_related("employee").get(pk=plan.pk)
    agenda = agenda.strip()
    _when_errors(plan, scheduled_at, place, duration_minutes, agenda).raise_any()
    scheduled = ScheduledCheckIn.objects.create(
        plan=plan,
        scheduled_at=scheduled_at,
        duration_minutes=duration_minutes,
        place=place.strip(),
        agenda=agenda,
        scheduled_by=actor,
    )
    record_event(plan, "plans.check_in_scheduled", actor=actor, data=_data(scheduled))
    calendar.send_check_in_invitation(scheduled, actor=actor)
    return scheduled


def _locked(scheduled: ScheduledCheckIn) -> ScheduledCheckIn:
    return ScheduledCheckIn.objects.select_for_update().select_related("plan__employee").get(pk=scheduled.pk)


@transaction.atomic
def reschedule_check_in(
    scheduled: ScheduledCheckIn,
    *,
    actor: User,
    scheduled_at: dt.datetime,
    place: str,
    duration_minutes: int | None = None,
    agenda: str | None = None,
) -> ScheduledCheckIn:
    """A new time, place or agenda: the same meeting, so calendars replace it (a higher SEQUENCE).
    A length or agenda left out (None) stays as it was."""
    require(policy.can_manage_plan(actor, scheduled.plan), _("manage this plan"))
    scheduled = _locked(scheduled)
    minutes = duration_minutes or scheduled.duration_minutes
    agenda = scheduled.agenda if agenda is None else agenda.strip()
    errors = _when_errors(scheduled.plan, scheduled_at, place, minutes, agenda)
    if scheduled.is_cancelled:
        errors.add("scheduled_check_in", _("This check-in was cancelled; arrange a new one."))
    errors.raise_any()
    scheduled.scheduled_at, scheduled.place, scheduled.duration_minutes = scheduled_at, place.strip(), minutes
    scheduled.agenda = agenda
    scheduled.save(update_fields=["scheduled_at", "place", "duration_minutes", "agenda"])
    record_event(scheduled.plan, "plans.check_in_rescheduled", actor=actor, data=_data(scheduled))
    calendar.send_check_in_invitation(scheduled, actor=actor)
    return scheduled


@transaction.atomic
def cancel_check_in(scheduled: ScheduledCheckIn, *, actor: User, reason: str) -> ScheduledCheckIn:
    require(policy.can_manage_plan(actor, scheduled.plan), _("manage this plan"))
    scheduled = _locked(scheduled)
    errors = Errors()
    if scheduled.is_cancelled:
        errors.add("scheduled_check_in", _("This check-in is already cancelled."))
    errors.blank("reason", reason, _("Say why the check-in is cancelled."))
    errors.raise_any()
    return _cancel(scheduled, actor=actor, reason=reason)


def _cancel(scheduled: ScheduledCheckIn, *, actor: User, reason: str) -> ScheduledCheckIn:
    """Cancel a check-in the caller has locked: its event on the plan's record, the CANCEL to everyone
    invited once the transaction commits."""
    scheduled.status, scheduled.cancelled_reason = ScheduleStatus.CANCELLED, reason.strip()
    scheduled.save(update_fields=["status", "cancelled_reason"])
    record_event(
        scheduled.plan,
        "plans.check_in_cancelled",
        actor=actor,
        data={**_data(scheduled), "reason": scheduled.cancelled_reason},
    )
    calendar.send_check_in_invitation(scheduled, calendar.CANCEL, actor=actor)
    return scheduled


def cancel_when_decided(
    plan: ImprovementPlan, *, actor: User, outcome: str, extended: PlanVersion | None = None
) -> list[ScheduledCheckIn]:
    """The check-ins still arranged ahead when the plan's outcome is decided: every one once it is passed
    or failed; once it is ``extended`` (the new version), those outside its dates. Each is cancelled as
    ``cancel_check_in`` cancels one, the outcome given as the reason. For ``decide_outcome``, inside its
    transaction (which asked the policy and locked the plan), after the outcome's own event."""
    if extended is not None:
        reason = _(
            "The plan was extended to run from %(start)s to %(end)s; this check-in falls outside those dates."
        ) % {"start": extended.starts_on, "end": extended.ends_on}
        return _cancel_outside(plan, extended, actor=actor, reason=reason)
    reason = _("The plan ended with the outcome: %(outcome)s.") % {"outcome": Outcome(outcome).label}
    return [_cancel(item, actor=actor, reason=reason) for item in _locked_ahead(plan)]


def cancel_when_revised(
    plan: ImprovementPlan, version: PlanVersion, *, actor: User
) -> list[ScheduledCheckIn]:
    """The check-ins still arranged ahead that the revised dates leave outside, cancelled as
    ``cancel_check_in`` cancels one. For ``revise_plan``, inside its transaction, after its event."""
    reason = _(
        "The plan was revised to run from %(start)s to %(end)s; this check-in falls outside those dates."
    ) % {"start": version.starts_on, "end": version.ends_on}
    return _cancel_outside(plan, version, actor=actor, reason=reason)


def _cancel_outside(plan: ImprovementPlan, version: PlanVersion, *, actor: User, reason: str):
    within = {
        "scheduled_at__gte": _midnight(version.starts_on),
        "scheduled_at__lt": _midnight(version.ends_on + dt.timedelta(days=1)),
    }
    return [_cancel(item, actor=actor, reason=reason) for item in _locked_ahead(plan).exclude(**within)]


def _locked_ahead(plan: ImprovementPlan):
    ahead = _ahead(plan).select_for_update(of=("self",)).select_related("plan__employee", "scheduled_by")
    return ahead.order_by("scheduled_at", "pk")


def _ahead(plan: ImprovementPlan):
    """Arranged and not yet begun, as ``_in_the_past`` tells: one that began earlier today is left as it
    is (it may have been held; the reminders ask HR if it was not recorded)."""
    arranged = plan.scheduled_check_ins.filter(status=ScheduleStatus.SCHEDULED)
    if today() == timezone.localdate():
        return arranged.filter(scheduled_at__gte=timezone.now())
    return arranged.upcoming()


def _midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))
