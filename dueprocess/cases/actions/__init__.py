"""Every write that matters in a case: each one asks the policy, the law engine where the move
depends on the law, and records its event in the case's chain in the same transaction."""

from dueprocess.cases.actions.case import (
    assess_case,
    link_evidence,
    open_case,
    override_finding,
    plan_termination,
    request_decision,
    start_gathering,
    withdraw_case,
)
from dueprocess.cases.actions.decision import (
    CLOSING_CHECKS,
    approvals_missing,
    close_case,
    decide_approval,
    end_employment,
    required_approvals,
    serve_notice,
    start_offboarding,
)
from dueprocess.cases.actions.hearing import (
    cancel_hearing,
    decide_appeal,
    invite_to_hearing,
    lodge_appeal,
    record_hearing,
    submit_statement,
)
from dueprocess.cases.actions.layoff import (
    assess_layoff_now,
    create_layoff,
    notify_union_of_layoff,
    record_layoff_steps,
    remove_from_layoff,
    serve_layoff_notices,
)
from dueprocess.cases.actions.union import answer_union, notify_union, record_union_reply

__all__ = [
    "CLOSING_CHECKS",
    "answer_union",
    "approvals_missing",
    "assess_case",
    "assess_layoff_now",
    "cancel_hearing",
    "close_case",
    "create_layoff",
    "decide_appeal",
    "decide_approval",
    "end_employment",
    "invite_to_hearing",
    "link_evidence",
    "lodge_appeal",
    "notify_union",
    "notify_union_of_layoff",
    "open_case",
    "override_finding",
    "plan_termination",
    "record_hearing",
    "record_layoff_steps",
    "record_union_reply",
    "remove_from_layoff",
    "request_decision",
    "required_approvals",
    "serve_layoff_notices",
    "serve_notice",
    "start_gathering",
    "start_offboarding",
    "submit_statement",
    "withdraw_case",
]
