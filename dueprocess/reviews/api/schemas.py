"""What the reviews and conduct API answers with."""

import datetime as dt
import uuid
from decimal import Decimal

from ninja import Field, Schema

from dueprocess.api.base import EmployeeRef, Redactable
from dueprocess.reviews.models import Conclusion, Relationship, ReviewStatus, WarningLevel
from dueprocess.reviews.models.conduct import InvestigationStatus


class RatingOut(Schema):
    value: int
    label: str
    label_en: str
    meets_expectations: bool


class ScaleOut(Schema):
    code: str
    name: str
    name_en: str
    levels: list[RatingOut]


class CycleRef(Schema):
    public_id: uuid.UUID
    name: str


class CycleOut(CycleRef):
    period_starts_on: dt.date
    period_ends_on: dt.date
    due_on: dt.date
    template: str
    scale: ScaleOut
    anonymous_feedback: bool
    min_anonymous_responses: int


class ReviewGoalOut(Schema):
    position: int = Field(description="Names the goal in an assessment.")
    title: str
    weight: Decimal
    target: str
    result: str
    rating: RatingOut | None


class ReviewOut(Schema):
    public_id: uuid.UUID
    cycle: CycleRef
    employee: EmployeeRef
    version: int
    status: ReviewStatus
    rating: RatingOut | None
    shared_at: dt.datetime | None
    submitted_at: dt.datetime | None
    created_at: dt.datetime


class ReviewDetail(ReviewOut):
    self_assessment: str
    self_assessed_at: dt.datetime | None
    manager_assessment: str
    corrects: uuid.UUID | None = Field(description="The version this one corrects.")
    correction_reason: str
    corrected_by: uuid.UUID | None = Field(description="The version that corrects this one.")
    goals: list[ReviewGoalOut]

    @staticmethod
    def resolve_corrects(obj) -> uuid.UUID | None:
        return obj.corrects.public_id if obj.corrects_id else None

    @staticmethod
    def resolve_corrected_by(obj) -> uuid.UUID | None:
        correction = getattr(obj, "corrected_by", None)
        return correction.public_id if correction else None


class FeedbackAnswerOut(Redactable):
    redacted = ("respondent",)
    relationship: Relationship
    answer: str
    rating: RatingOut | None
    respondent: EmployeeRef | None = Field(None, description="Absent when the cycle promised anonymity.")

    @staticmethod
    def resolve_reveal(obj) -> bool:
        return obj.respondent is not None


class FeedbackSummaryOut(Schema):
    requested: int
    answered: int
    anonymous: bool
    threshold: int = Field(description="Under anonymity, answers are shown once this many have answered.")
    withheld: bool
    answers: list[FeedbackAnswerOut]


class ExplanationOut(Schema):
    public_id: uuid.UUID
    text: str
    declined: bool = Field(description="The employee was asked and chose not to give one.")
    written_on: dt.date
    recorded_at: dt.datetime


class EvidenceOut(Schema):
    name: str
    sha256: str
    content_type: str
    size: int
    added_at: dt.datetime


class IncidentRef(Schema):
    public_id: uuid.UUID
    summary: str


class IncidentOut(IncidentRef):
    employee: EmployeeRef
    occurred_on: dt.date
    reported_on: dt.date
    investigation: uuid.UUID | None

    @staticmethod
    def resolve_investigation(obj) -> uuid.UUID | None:
        investigation = getattr(obj, "investigation", None)
        return investigation.public_id if investigation else None


class IncidentDetail(IncidentOut):
    description: str
    reported_by: EmployeeRef | None
    reporter_other: str
    witnesses: list[EmployeeRef]
    witnesses_other: str
    evidence: list[EvidenceOut]
    recorded_at: dt.datetime


class InterviewOut(Schema):
    held_on: dt.date
    interviewee: EmployeeRef | None
    interviewee_other: str
    interviewers: str
    notes: str


class InvestigationOut(Schema):
    public_id: uuid.UUID
    incident: IncidentRef
    employee: EmployeeRef
    opened_on: dt.date
    status: InvestigationStatus
    conclusion: Conclusion | None
    concluded_on: dt.date | None

    @staticmethod
    def resolve_conclusion(obj) -> str | None:
        return obj.conclusion or None


class InvestigationDetail(InvestigationOut):
    findings: str
    interviews: list[InterviewOut]
    explanations: list[ExplanationOut]


class WarningOut(Schema):
    public_id: uuid.UUID
    employee: EmployeeRef
    level: WarningLevel
    issued_on: dt.date
    expires_on: dt.date
    live: bool = Field(description="In force today.")

    @staticmethod
    def resolve_live(obj) -> bool:
        from dueprocess.reviews.actions._common import today

        return obj.is_live(today())


class WarningDetail(WarningOut, Redactable):
    redacted = ("investigation",)
    reason: str
    expectations: str
    explanations: list[ExplanationOut]
    investigation: uuid.UUID | None = Field(None, description="Absent for those who may not see it.")

    @staticmethod
    def resolve_investigation(obj) -> uuid.UUID | None:
        return obj.investigation.public_id if obj.investigation_id else None


class FeedbackRequestOut(Schema):
    """A request for 360 feedback, as the one asked sees it (and the one who asked)."""

    public_id: uuid.UUID
    cycle: CycleRef
    employee: EmployeeRef = Field(description="The person the feedback is about.")
    relationship: Relationship
    due_on: dt.date
    requested_at: dt.datetime
    answered_at: dt.datetime | None

    @staticmethod
    def resolve_cycle(obj):
        return obj.review.cycle

    @staticmethod
    def resolve_employee(obj):
        return obj.review.employee

    @staticmethod
    def resolve_answered_at(obj) -> dt.datetime | None:
        return obj.submitted_at
