"""Thin views of the employee portal: fetch what is the user's own (404 otherwise), parse the form,
call the action, show the result or the refusal on the page."""

from dueprocess.portal.views.cases import appeal, case_detail, case_list, statement
from dueprocess.portal.views.documents import document_download, document_list
from dueprocess.portal.views.home import home
from dueprocess.portal.views.plans import (
    check_in_comment,
    plan_acknowledge,
    plan_detail,
    plan_evidence,
    plan_list,
    plan_respond,
)
from dueprocess.portal.views.reviews import (
    conduct,
    investigation_explain,
    review_list,
    self_assess,
    warning_explain,
)

__all__ = [
    "appeal",
    "case_detail",
    "case_list",
    "check_in_comment",
    "conduct",
    "document_download",
    "document_list",
    "home",
    "investigation_explain",
    "plan_acknowledge",
    "plan_detail",
    "plan_evidence",
    "plan_list",
    "plan_respond",
    "review_list",
    "self_assess",
    "statement",
    "warning_explain",
]
