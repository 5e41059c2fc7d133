"""Every write that matters in offboarding (DESIGN §3): atomic, a keyword-only ``actor``, the policy
asked, one ``offboarding.*`` event on the case's own chain in the same transaction."""

from dueprocess.offboarding.actions.checklist import (
    LETTER_FOR_TASK,
    assign_task,
    complete_task,
    create_checklist,
    ensure_checklist,
    issue_task_letter,
    mark_not_applicable,
)
from dueprocess.offboarding.actions.disputes import (
    file_dispute,
    record_dispute_hearing,
    record_dispute_outcome,
)
from dueprocess.offboarding.actions.exit_interview import record_exit_interview
from dueprocess.offboarding.actions.settlement import (
    add_settlement_line,
    approve_settlement,
    assessed_lines,
    create_settlement,
    mark_settlement_paid,
    withdraw_settlement_line,
)
from dueprocess.offboarding.actions.support import give_reference_letter, offer_support, record_support_uptake

__all__ = [
    "LETTER_FOR_TASK",
    "add_settlement_line",
    "approve_settlement",
    "assessed_lines",
    "assign_task",
    "complete_task",
    "create_checklist",
    "create_settlement",
    "ensure_checklist",
    "file_dispute",
    "give_reference_letter",
    "issue_task_letter",
    "mark_not_applicable",
    "mark_settlement_paid",
    "offer_support",
    "record_dispute_hearing",
    "record_dispute_outcome",
    "record_exit_interview",
    "record_support_uptake",
    "withdraw_settlement_line",
]
