"""What the cases API reads and answers with."""

import datetime as dt
import uuid
from typing import Any, ClassVar

from ninja import Field, Schema

from dueprocess.api.base import EmployeeRef, Line, Prose, Redactable, When, text
from dueprocess.cases.models import (
    AppealOutcome,
    ApprovalCapacity,
    ApprovalDecision,
    HearingKind,
    HearingStatus,
    LayoffStage,
    Stage,
)

Code = text(60)


class CaseOut(Schema):
    public_id: uuid.UUID
    employee: EmployeeRef
    jurisdiction: str
    locality: str
    ground: str
    stage: Stage
    opened_on: dt.date
    notice_given_on: dt.date | None
    last_day: dt.date | None
    pay_in_lieu: bool
    decided_on: dt.date | None
    notice_served_on: dt.date | None
    closed_on: dt.date | None
    layoff: uuid.UUID | None = None

    @staticmethod
    def resolve_layoff(obj) -> uuid.UUID | None:
        return obj.layoff.public_id if obj.layoff_id else None


class CaseEvidenceOut(Schema):
    kind: str
    record: uuid.UUID
    note: str
    linked_at: dt.datetime

    @staticmethod
    def resolve_record(obj) -> uuid.UUID:
        return obj.target.public_id


class HearingOut(Schema):
    public_id: uuid.UUID
    kind: HearingKind
    status: HearingStatus
    scheduled_at: dt.datetime
    place: str
    attendees: str
    companion_allowed: bool
    agenda: str
    held_on: dt.date | None
    employee_attended: bool | None
    companion: str
    minutes: str
    response_due_on: dt.date | None
    cancelled_reason: str


class StatementEvidenceOut(Schema):
    name: str
    sha256: str
    content_type: str
    size: int


class StatementOut(Redactable):
    """The employee's statement. `evidence` (the files' names, hashes and sizes) is only for those who
    may read the files (`policy.can_read_case_evidence`): for the line manager it is absent from the
    answer, and `evidence_count` says how many there are, as the case page does."""

    redacted: ClassVar[tuple[str, ...]] = ("evidence",)
    public_id: uuid.UUID
    hearing: uuid.UUID | None
    text: str
    submitted_at: dt.datetime
    on_behalf: bool
    evidence_count: int = Field(description="How many files were handed in with it.")
    evidence: list[StatementEvidenceOut] | None = Field(
        None,
        description="The files handed in with it, downloaded by their SHA-256 "
        "(GET /cases/{id}/statements/{statement_id}/evidence/{sha256}) by the employee, HR, legal "
        "counsel and the auditor (absent for anyone else).",
    )

    @staticmethod
    def resolve_evidence_count(obj) -> int:
        return len(obj.evidence.all())

    @staticmethod
    def resolve_evidence(obj) -> list:
        return list(obj.evidence.all())

    @staticmethod
    def resolve_hearing(obj) -> uuid.UUID | None:
        return obj.hearing.public_id if obj.hearing_id else None


class UnionNoticeOut(Schema):
    public_id: uuid.UUID
    union: str
    notified_on: dt.date
    content: str
    reply: str
    replied_on: dt.date | None
    union_objects: bool | None
    answer: str
    answered_on: dt.date | None


class ApprovalOut(Schema):
    capacity: ApprovalCapacity
    decision: ApprovalDecision
    note: str
    round: int
    decided_at: dt.datetime
    approver: str
    assessment: int

    @staticmethod
    def resolve_approver(obj) -> str:
        return str(obj.approver)

    @staticmethod
    def resolve_assessment(obj) -> int:
        return obj.assessment.number


class OverrideOut(Schema):
    code: str
    article: str
    justification: str
    at: dt.datetime


class AppealOut(Schema):
    public_id: uuid.UUID
    lodged_on: dt.date
    grounds: str
    outcome: AppealOutcome
    decided_on: dt.date | None
    decision: str


class FindingOut(Schema):
    code: str
    article: str
    message: str
    kind: str = Field(description="blocker or missing_step")
    overridden: bool
    justification: str


class AssessmentOut(Schema):
    lawful: bool
    findings: list[FindingOut]
    result: dict[str, Any] = Field(description="The law engine's assessment, as `dueprocess assess --json`.")


class CaseDetail(CaseOut, Redactable):
    """The case. `latest_assessment` (the stored assessment, with its figures) is only for those who
    may see the employee's wages: for anyone else it is absent from the answer, not null. Every other
    field, `summary` included, goes to everyone who may read the case."""

    redacted: ClassVar[tuple[str, ...]] = ("latest_assessment",)
    summary: str
    withdrawn_reason: str
    evidence: list[CaseEvidenceOut]
    hearings: list[HearingOut]
    statements: list[StatementOut]
    union_notices: list[UnionNoticeOut]
    approvals: list[ApprovalOut]
    overrides: list[OverrideOut]
    appeals: list[AppealOut]
    latest_assessment: dict[str, Any] | None = Field(
        None, description="The last assessment a move acted on (absent unless you may see wages)."
    )

    @staticmethod
    def resolve_latest_assessment(obj) -> dict[str, Any] | None:
        stored = obj.latest_assessment
        return (
            None
            if stored is None
            else {
                "number": stored.number,
                "purpose": stored.purpose,
                "lawful": stored.lawful,
                "result": stored.result,
            }
        )


class TimelineEntryOut(Schema):
    on: dt.date
    type: str
    label: str
    actor: str
    details: list[list[Any]]


class OpenCaseIn(Schema):
    employee: uuid.UUID
    ground: Code
    summary: Prose
    renewal_offered: bool | None = None


class CaseEvidenceIn(Schema):
    kind: str = Field(description="review, incident, investigation, warning or plan")
    record: uuid.UUID
    note: Prose = ""


class TerminationIn(Schema):
    notice_given_on: dt.date
    last_day: dt.date
    pay_in_lieu: bool = False


class OverrideIn(Schema):
    code: Code
    justification: Prose


class InviteIn(Schema):
    scheduled_at: When
    place: Line
    attendees: Prose
    companion_allowed: bool = False
    agenda: Prose = ""
    kind: HearingKind = HearingKind.HEARING


class HearingRecordIn(Schema):
    held_on: dt.date
    minutes: Prose
    employee_attended: bool
    companion: Line = ""
    response_due_on: dt.date | None = None


class ReasonIn(Schema):
    reason: Prose


class StatementIn(Schema):
    text: Prose


class UnionNoticeIn(Schema):
    union: Line
    notified_on: dt.date
    content: Prose


class UnionReplyIn(Schema):
    replied_on: dt.date
    reply: Prose
    objects: bool


class UnionAnswerIn(Schema):
    answered_on: dt.date
    answer: Prose


class ApprovalIn(Schema):
    capacity: ApprovalCapacity
    decision: ApprovalDecision
    note: Prose = ""


class ServeIn(Schema):
    served_on: dt.date | None = None


class AppealIn(Schema):
    lodged_on: dt.date
    grounds: Prose


class AppealDecisionIn(Schema):
    outcome: AppealOutcome
    decided_on: dt.date
    decision: Prose


class LayoffOut(Schema):
    public_id: uuid.UUID
    name: str
    reason: str
    jurisdiction: str
    locality: str
    stage: LayoffStage
    headcount: int
    last_day: dt.date
    notice_given_on: dt.date | None


class LayoffDetail(LayoffOut):
    cases: list[CaseOut]
    latest_assessment: dict[str, Any] | None

    @staticmethod
    def resolve_cases(obj) -> list:
        return list(obj.cases.select_related("employee", "layoff").order_by("employee__number"))

    @staticmethod
    def resolve_latest_assessment(obj) -> dict[str, Any] | None:
        stored = obj.latest_assessment
        return None if stored is None else stored.result


class LayoffIn(Schema):
    name: Line
    reason: Prose
    employees: list[uuid.UUID] = Field(min_length=1, max_length=100_000)
    headcount: int = Field(ge=1, le=10_000_000)
    last_day: dt.date
    establishment: Line = ""
    employer_headcount: int | None = Field(None, ge=1, le=10_000_000)
    others_in_period: int = Field(0, ge=0, le=10_000_000)
    closing: bool = False


class LayoffStepsIn(Schema):
    staff_explained_on: dt.date | None = None
    labour_bureau_reported_on: dt.date | None = None
    consultation_started_on: dt.date | None = None
    hr1_sent_on: dt.date | None = None
    warn_notice_on: dt.date | None = None
    notice_given_on: dt.date | None = None
