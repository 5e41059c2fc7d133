"""Thin views for reviews and conduct, one module per group of pages."""

from dueprocess.reviews.views.conduct import (
    conduct_list,
    evidence_download,
    incident_create,
    incident_detail,
    incident_start,
)
from dueprocess.reviews.views.feedback import employee_options, feedback_answer, feedback_list
from dueprocess.reviews.views.investigations import (
    explanation_create,
    interview_create,
    investigation_conclude,
    investigation_open,
)
from dueprocess.reviews.views.reviews import (
    cycle_create,
    cycle_list,
    feedback_request,
    review_assess,
    review_create,
    review_detail,
    review_open,
    review_self_assess,
    review_submit,
)
from dueprocess.reviews.views.warnings import warning_create, warning_detail, warning_list

__all__ = [
    "conduct_list",
    "cycle_create",
    "cycle_list",
    "employee_options",
    "evidence_download",
    "explanation_create",
    "feedback_answer",
    "feedback_list",
    "feedback_request",
    "incident_create",
    "incident_detail",
    "incident_start",
    "interview_create",
    "investigation_conclude",
    "investigation_open",
    "review_assess",
    "review_create",
    "review_detail",
    "review_open",
    "review_self_assess",
    "review_submit",
    "warning_create",
    "warning_detail",
    "warning_list",
]
