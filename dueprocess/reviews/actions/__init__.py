"""Every write that matters in reviews and conduct (DESIGN §3). Each is atomic, takes a keyword-only
``actor``, asks ``accounts.policy``, and writes one event to the record in the same transaction."""

from dueprocess.reviews.actions.conduct import (
    conclude_investigation,
    issue_warning,
    open_investigation,
    record_explanation,
    record_interview,
    report_incident,
)
from dueprocess.reviews.actions.feedback import give_feedback, request_feedback
from dueprocess.reviews.actions.reviews import (
    assess_review,
    correct_review,
    create_cycle,
    create_review,
    open_review,
    record_self_assessment,
    submit_review,
)

__all__ = [
    "assess_review",
    "conclude_investigation",
    "correct_review",
    "create_cycle",
    "create_review",
    "give_feedback",
    "issue_warning",
    "open_investigation",
    "open_review",
    "record_explanation",
    "record_interview",
    "record_self_assessment",
    "report_incident",
    "request_feedback",
    "submit_review",
]
