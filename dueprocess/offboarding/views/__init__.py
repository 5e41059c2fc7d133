"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from dueprocess.offboarding.views.checklist import (
    case_offboarding,
    checklist_create,
    task_assign,
    task_done,
    task_letter,
    task_list,
    task_not_applicable,
)
from dueprocess.offboarding.views.disputes import (
    dispute_create,
    dispute_detail,
    dispute_hearing,
    dispute_outcome,
)
from dueprocess.offboarding.views.interview import exit_interview
from dueprocess.offboarding.views.money import (
    line_withdraw,
    settlement_approve,
    settlement_create,
    settlement_line,
    settlement_paid,
    support_create,
    support_reference_letter,
    support_uptake,
)

__all__ = [
    "case_offboarding",
    "checklist_create",
    "dispute_create",
    "dispute_detail",
    "dispute_hearing",
    "dispute_outcome",
    "exit_interview",
    "line_withdraw",
    "settlement_approve",
    "settlement_create",
    "settlement_line",
    "settlement_paid",
    "support_create",
    "support_reference_letter",
    "support_uptake",
    "task_assign",
    "task_done",
    "task_letter",
    "task_list",
    "task_not_applicable",
]
