"""What the improvement-plans API reads and answers with."""

import datetime as dt
import uuid

from ninja import Field, Schema

from dueprocess.api.base import EmployeeRef, Line, Prose, When, text
from dueprocess.plans.actions.schedule import MAX_MINUTES
from dueprocess.plans.models import (
    AGENDA_MAX_LENGTH,
    Outcome,
    PlanStatus,
    Progress,
    ScheduleStatus,
    SupportKind,
    SupportStatus,
    VersionStatus,
)
from dueprocess.reviews.actions._common import today

Short = text(100)
Agenda = text(AGENDA_MAX_LENGTH)


class PlanGoalOut(Schema):
    position: int = Field(description="Names the goal in a check-in's progress.")
    title: str
    metric: str
    baseline: str
    target: str
    due_on: dt.date
    measured_by: str


class VersionOut(Schema):
    number: int
    status: VersionStatus
    reason: str
    starts_on: dt.date
    ends_on: dt.date
    change_reason: str
    published_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    employee_response: str
    responded_at: dt.datetime | None
    goals: list[PlanGoalOut]


class SupportOut(Schema):
    public_id: uuid.UUID
    kind: SupportKind
    description: str
    provider: str
    starts_on: dt.date
    ends_on: dt.date
    status: SupportStatus
    outcome_note: str
    completed_on: dt.date | None


class ProgressOut(Schema):
    goal: int = Field(description="The goal's position in the version the check-in was held under.")
    title: str
    status: Progress
    measured: str
    note: str

    @staticmethod
    def resolve_goal(obj) -> int:
        return obj.goal.position

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.goal.title


class CheckInOut(Schema):
    public_id: uuid.UUID
    version: int
    held_on: dt.date
    attendees: list[EmployeeRef]
    notes: str
    employee_comments: str
    recorded_at: dt.datetime
    progress: list[ProgressOut]

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.version.number


class OutcomeEvidenceOut(Schema):
    name: str
    sha256: str
    content_type: str
    size: int


class OutcomeOut(Schema):
    outcome: Outcome
    version: int
    decided_on: dt.date
    summary: str
    check_ins: list[uuid.UUID] = Field(description="The check-ins the decision relies on.")
    evidence: list[OutcomeEvidenceOut]

    @staticmethod
    def resolve_version(obj) -> int:
        return obj.version.number

    @staticmethod
    def resolve_check_ins(obj) -> list[uuid.UUID]:
        return [check_in.public_id for check_in in obj.check_ins.all()]


def _current(plan):
    # From the prefetched versions: one query for a whole page of plans, not one per plan.
    return max(plan.versions.all(), key=lambda version: version.number)


class PlanOut(Schema):
    public_id: uuid.UUID
    employee: EmployeeRef
    status: PlanStatus
    created_at: dt.datetime
    closed_on: dt.date | None
    version: int = Field(description="The number of the version in force.")
    starts_on: dt.date
    ends_on: dt.date

    @staticmethod
    def resolve_version(obj) -> int:
        return _current(obj).number

    @staticmethod
    def resolve_starts_on(obj) -> dt.date:
        return _current(obj).starts_on

    @staticmethod
    def resolve_ends_on(obj) -> dt.date:
        return _current(obj).ends_on


class PlanDetail(PlanOut):
    versions: list[VersionOut]
    support_actions: list[SupportOut]
    check_ins: list[CheckInOut]
    outcomes: list[OutcomeOut]


class PlanGoalIn(Schema):
    title: Line
    metric: Line
    baseline: Short
    target: Short
    due_on: dt.date
    measured_by: Prose


class DraftPlanIn(Schema):
    employee: uuid.UUID
    reason: Prose
    starts_on: dt.date
    ends_on: dt.date
    goals: list[PlanGoalIn] = Field(max_length=50)


class RevisePlanIn(Schema):
    reason: Prose
    starts_on: dt.date
    ends_on: dt.date
    goals: list[PlanGoalIn] = Field(max_length=50)
    change_reason: Prose = Field("", description="Needed once the plan is published; the employee sees it.")


class ResponseIn(Schema):
    employee_response: Prose


class ProgressIn(Schema):
    goal: int = Field(ge=0, le=32767, description="The goal's position in the version in force.")
    status: Progress
    measured: Short = ""
    note: Prose = ""


class CheckInIn(Schema):
    held_on: dt.date
    attendees: list[uuid.UUID] = Field(max_length=50)
    notes: Prose
    employee_comments: Prose = ""
    progress: list[ProgressIn] = Field(default_factory=list, max_length=50)


class SupportIn(Schema):
    kind: SupportKind
    description: Prose
    provider: Line = ""
    starts_on: dt.date
    ends_on: dt.date
    offered: bool = Field(False, description="Offered, awaiting the employee's answer.")


class SupportDoneIn(Schema):
    happened: bool
    completed_on: dt.date
    note: Prose = Field("", description="What happened, or why it did not.")


class OutcomeIn(Schema):
    outcome: Outcome
    summary: Prose = Field(description="The evidence and the reasons.")
    decided_on: dt.date | None = Field(None, description="Today when left out.")
    check_ins: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    new_ends_on: dt.date | None = Field(None, description="For an extension: the new end date.")


class ScheduledCheckInOut(Schema):
    public_id: uuid.UUID
    scheduled_at: dt.datetime
    duration_minutes: int
    place: str = Field(description="A room, or the address of the video call.")
    agenda: str = Field(description="What will be discussed; sent with the invitation.")
    status: ScheduleStatus
    upcoming: bool = Field(description="Still arranged, today or later: calendars hold it.")
    cancelled_reason: str
    arranged_by: str
    arranged_at: dt.datetime

    @staticmethod
    def resolve_upcoming(obj) -> bool:
        return not obj.is_cancelled and obj.day >= today()

    @staticmethod
    def resolve_arranged_by(obj) -> str:
        return str(obj.scheduled_by)

    @staticmethod
    def resolve_arranged_at(obj) -> dt.datetime:
        return obj.created_at


class ScheduleIn(Schema):
    scheduled_at: When
    place: Line = Field(description="A room, or the address of the video call.")
    duration_minutes: int = Field(60, ge=1, le=MAX_MINUTES, description="Length in minutes.")
    agenda: Agenda = Field("", description="What will be discussed, so that the employee can prepare.")


class RescheduleIn(ScheduleIn):
    duration_minutes: int | None = Field(
        None, ge=1, le=MAX_MINUTES, description="Length in minutes; as it was when left out."
    )
    agenda: Agenda | None = Field(None, description="What will be discussed; as it was when left out.")


class CancelIn(Schema):
    reason: Prose = Field(description="Sent to everyone invited with the cancellation.")
