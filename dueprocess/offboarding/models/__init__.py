"""Offboarding: the checklist and its tasks, the exit interview, the settlement, support, disputes."""

from dueprocess.offboarding.models.checklist import (
    Checklist,
    ExitAnswer,
    ExitInterview,
    OffboardingTask,
    TaskStatus,
)
from dueprocess.offboarding.models.disputes import Dispute, DisputeHearing, DisputeOutcome
from dueprocess.offboarding.models.money import (
    ASSESSED_KINDS,
    CURRENCIES,
    MANUAL_KINDS,
    LineKind,
    LineStatus,
    Settlement,
    SettlementLine,
    SupportKind,
    SupportOffer,
    Uptake,
)
from dueprocess.offboarding.models.templates import (
    AnswerKind,
    ChecklistTemplate,
    OwnerRole,
    Question,
    Questionnaire,
    TaskTemplate,
)

__all__ = [
    "ASSESSED_KINDS",
    "CURRENCIES",
    "MANUAL_KINDS",
    "AnswerKind",
    "Checklist",
    "ChecklistTemplate",
    "Dispute",
    "DisputeHearing",
    "DisputeOutcome",
    "ExitAnswer",
    "ExitInterview",
    "LineKind",
    "LineStatus",
    "OffboardingTask",
    "OwnerRole",
    "Question",
    "Questionnaire",
    "Settlement",
    "SettlementLine",
    "SupportKind",
    "SupportOffer",
    "TaskStatus",
    "TaskTemplate",
    "Uptake",
]
