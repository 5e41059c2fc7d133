"""Check-ins arranged ahead, as on the plan page: listed for those who read the plan; arranged, moved
and cancelled by those who manage it, through the same actions (so the same events, and the same
calendar invitations, updates and cancellations to everyone invited); and the invitation as it stands
now, for a calendar that missed the e-mail.

Each write asks the policy before it looks up the check-in in its address or passes on what the body
says: a plan out of the caller's scope is 404, a plan they may read but not manage 403 (a body that
does not fit the schema is refused before the operation runs, as everywhere in the API)."""

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Schema
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import Error, ValidationErrors, one, paginated, reads, writes
from dueprocess.plans import actions
from dueprocess.plans.api import _plan, router
from dueprocess.plans.api.schemas import CancelIn, RescheduleIn, ScheduledCheckInOut, ScheduleIn
from dueprocess.plans.models import ImprovementPlan, ScheduledCheckIn
from dueprocess.reminders import calendar
from dueprocess.reminders.views import ics_response
from dueprocess.reviews.actions._common import require


class ScheduledFilters(Schema):
    upcoming: bool | None = None


def _managed(request: HttpRequest, public_id: uuid.UUID) -> ImprovementPlan:
    plan = _plan(request, public_id)
    require(policy.can_manage_plan(request.user, plan), _("manage this plan"))
    return plan


def _arranged(plan: ImprovementPlan, scheduled_id: uuid.UUID) -> ScheduledCheckIn:
    # Only through its own plan: another plan's check-in is not found here, whoever asks.
    return one(plan.scheduled_check_ins.select_related("plan__employee", "scheduled_by"), scheduled_id)


@router.get("/plans/{public_id}/scheduled-check-ins", response=reads(list[ScheduledCheckInOut]))
@paginated
def scheduled_check_in_list(request: HttpRequest, public_id: uuid.UUID, filters: Query[ScheduledFilters]):
    """Every check-in arranged for the plan, upcoming and past, cancelled ones with their reason."""
    arranged = _plan(request, public_id).scheduled_check_ins.select_related("scheduled_by")
    if filters.upcoming is not None:
        upcoming = arranged.upcoming().values("pk")
        arranged = arranged.filter(pk__in=upcoming) if filters.upcoming else arranged.exclude(pk__in=upcoming)
    return arranged.order_by("scheduled_at", "pk")


@router.post("/plans/{public_id}/scheduled-check-ins", response=writes(ScheduledCheckInOut, 201))
def scheduled_check_in_create(request: HttpRequest, public_id: uuid.UUID, payload: ScheduleIn):
    """Arrange a check-in within the plan's dates, not in the past; the employee, their manager and
    whoever arranges it are sent a calendar invitation and reminded the day before."""
    plan = _managed(request, public_id)
    scheduled = actions.schedule_check_in(plan, actor=request.user, **payload.model_dump())
    return Status(201, scheduled)


@router.post(
    "/plans/{public_id}/scheduled-check-ins/{scheduled_id}/reschedule", response=writes(ScheduledCheckInOut)
)
def scheduled_check_in_reschedule(
    request: HttpRequest, public_id: uuid.UUID, scheduled_id: uuid.UUID, payload: RescheduleIn
):
    """Move it to another time or place: the same meeting, so calendars replace it."""
    scheduled = _arranged(_managed(request, public_id), scheduled_id)
    return actions.reschedule_check_in(scheduled, actor=request.user, **payload.model_dump())


@router.post(
    "/plans/{public_id}/scheduled-check-ins/{scheduled_id}/cancel", response=writes(ScheduledCheckInOut)
)
def scheduled_check_in_cancel(
    request: HttpRequest, public_id: uuid.UUID, scheduled_id: uuid.UUID, payload: CancelIn
):
    """Cancel it with a reason, which the cancellation sent to everyone invited gives."""
    scheduled = _arranged(_managed(request, public_id), scheduled_id)
    return actions.cancel_check_in(scheduled, actor=request.user, reason=payload.reason)


INVITATION_OPENAPI = {
    "responses": {
        200: {
            "description": "The meeting as it stands now (iCalendar, METHOD:PUBLISH), as an attachment; "
            "a cancelled one says STATUS:CANCELLED.",
            "content": {"text/calendar": {"schema": {"type": "string", "format": "binary"}}},
        }
    }
}


@router.get(
    "/plans/{public_id}/scheduled-check-ins/{scheduled_id}/invitation",
    response={401: Error, 404: Error, 422: ValidationErrors},
    openapi_extra=INVITATION_OPENAPI,
)
def scheduled_check_in_invitation(request: HttpRequest, public_id: uuid.UUID, scheduled_id: uuid.UUID):
    """The calendar invitation, as the plan page and the portal offer it to download."""
    scheduled = _arranged(_plan(request, public_id), scheduled_id)
    if not policy.can_download_check_in_invitation(request.user, scheduled):
        raise Http404
    meeting = calendar.check_in_meeting(scheduled)
    response: HttpResponse = ics_response(meeting, f"check-in-{scheduled.public_id}")
    response["Cache-Control"] = "private, no-store"
    return response
