"""The separation case: one employee, one ground, one documented path to a lawful decision.

The case row holds where the case stands now; every step that led there is an event in the case's
own chain of the record, and the steps that carry facts of their own (hearings, statements, union
notices, approvals, overrides, the assessments acted on) are rows that are added, never rewritten.
"""

from dueprocess.cases.models.case import (
    CaseEvidence,
    CaseQuerySet,
    SeparationCase,
    Stage,
)
from dueprocess.cases.models.layoff import Layoff, LayoffAssessment, LayoffStage
from dueprocess.cases.models.steps import (
    Appeal,
    AppealOutcome,
    Approval,
    ApprovalCapacity,
    ApprovalDecision,
    CaseAssessment,
    EmployeeStatement,
    Hearing,
    HearingKind,
    HearingStatus,
    Override,
    StatementEvidence,
    UnionNotice,
)

__all__ = [
    "Appeal",
    "AppealOutcome",
    "Approval",
    "ApprovalCapacity",
    "ApprovalDecision",
    "CaseAssessment",
    "CaseEvidence",
    "CaseQuerySet",
    "EmployeeStatement",
    "Hearing",
    "HearingKind",
    "HearingStatus",
    "Layoff",
    "LayoffAssessment",
    "LayoffStage",
    "Override",
    "SeparationCase",
    "Stage",
    "StatementEvidence",
    "UnionNotice",
]
