"""Every operation of the REST API (/api/v1/, by its operationId in the schema), and who may call it.

A token acts as its owner, so the API answers as the pages do: an object out of scope is 404, an
action the role may not take 403, no token 401. The address of an operation comes from the schema;
``kind`` says which demo object its ``{public_id}`` is, ``subs`` the objects of its other parameters.
A request body is made from the schema (see ``test_api.body_for``; an operation that takes files is
sent as multipart/form-data with a text file every upload accepts), with the side's records wherever
one is named: a current colleague of Zhang Wei's (Sun Xiaomei) or Wu Jing herself. A role that cannot
see the person named in the body is told so as a field error (422), which is a refusal too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from dueprocess.tests.authorization import rules as r
from dueprocess.tests.authorization.rules import Rule


@dataclass(frozen=True)
class Op:
    id: str
    allowed: Rule | frozenset[str]
    kind: str | None = None
    subs: dict[str, str] = field(default_factory=dict)
    body: dict | Callable[[dict], dict] = field(default_factory=dict)
    # The body names a person (an employee, a respondent): a role that cannot see them gets 422.
    names_someone: bool = False
    # What a role sends instead (legal counsel approves as legal counsel).
    as_role: dict[str, dict] = field(default_factory=dict)

    @property
    def sides(self) -> list[str]:
        return ["own", "other"] if isinstance(self.allowed, Rule) else ["own"]

    def roles_for(self, side: str) -> frozenset[str]:
        if isinstance(self.allowed, Rule):
            return self.allowed.own if side == "own" else self.allowed.other
        return self.allowed


def own_only(rule: Rule) -> frozenset[str]:
    return rule.own


# The hearings, union notices and appeals of the case in the address.
HEARING = {"hearing_id": "hearing"}
NOTICE = {"notice_id": "union_notice"}
APPEAL = {"appeal_id": "appeal"}
SCHEDULED = {"scheduled_id": "scheduled"}
STATEMENT_FILE = {"statement_id": "statement", "sha256": "document"}
OUTCOME_FILE = {"sha256": "outcome_evidence"}
# Sensitive figures of a case (its live assessment) follow wages: not the line manager.
CASE_FIGURES = r.scoped({"hr.admin", "legal", "auditor"}, hr=True)

PEOPLE = [
    Op("people_employee_list", r.LOGGED_IN),
    Op("people_employee_detail", r.PROFILE_READERS, "employee"),
    Op("people_contract_list", r.PROFILE_READERS, "employee"),
    Op("people_wage_list", r.SENSITIVE_READERS, "employee"),
    Op("people_protected_period_list", r.SENSITIVE_READERS, "employee"),
    Op("people_department_list", r.LOGGED_IN),
]

REVIEWS = [
    Op("reviews_cycle_list", r.LOGGED_IN),
    Op("reviews_cycle_create", r.CYCLE_MANAGERS, body={"scale": "five-level"}),
    Op("reviews_review_list", r.LOGGED_IN),
    Op("reviews_review_create", r.PERFORMANCE_MANAGERS, names_someone=True),
    Op("reviews_review_detail", r.PERFORMANCE_READERS, "review"),
    Op("reviews_feedback_summary", r.PERFORMANCE_READERS, "review"),
    Op("reviews_review_self_assess", r.only_themself(), "review"),
    Op("reviews_review_assess", r.PERFORMANCE_MANAGERS, "review"),
    Op("reviews_review_submit", r.PERFORMANCE_MANAGERS, "review"),
    Op("reviews_review_correct", r.PERFORMANCE_MANAGERS, "review"),
    Op("reviews_review_open", r.PERFORMANCE_MANAGERS, "review"),
    Op("reviews_feedback_request", r.PERFORMANCE_MANAGERS, "review", names_someone=True),
    Op("reviews_feedback_list", r.LOGGED_IN),
    Op("reviews_feedback_answer", Rule(frozenset({"legal"}), r.NOBODY), "feedback"),
    Op("reviews_incident_list", r.LOGGED_IN),
    Op("reviews_incident_report", r.INCIDENT_REPORTERS, names_someone=True),
    Op("reviews_incident_report_with_evidence", r.INCIDENT_REPORTERS, names_someone=True),
    Op("reviews_incident_detail", r.CONDUCT_READERS, "incident"),
    # As the incident page's download: those who read the incident file.
    Op("reviews_incident_evidence", own_only(r.CONDUCT_READERS), "incident", {"sha256": "evidence"}),
    Op("reviews_investigation_list", r.LOGGED_IN),
    Op("reviews_investigation_detail", r.CONDUCT_READERS, "investigation"),
    Op("reviews_investigation_open", r.CONDUCT_HANDLERS, "incident"),
    Op("reviews_investigation_interview", r.CONDUCT_HANDLERS, "open_investigation"),
    Op("reviews_investigation_conclude", r.CONDUCT_HANDLERS, "open_investigation"),
    Op("reviews_investigation_explain", r.EXPLAINERS, "open_investigation"),
    Op("reviews_warning_list", r.LOGGED_IN),
    Op("reviews_warning_issue", r.CONDUCT_HANDLERS, names_someone=True),
    Op("reviews_warning_detail", r.WARNING_READERS, "warning"),
    Op("reviews_warning_explain", r.EXPLAINERS, "warning"),
]

PLANS = [
    Op("plans_plan_list", r.LOGGED_IN),
    Op("plans_plan_draft", r.PERFORMANCE_MANAGERS, names_someone=True),
    Op("plans_plan_detail", r.PERFORMANCE_READERS, "plan"),
    # As the plan page and the portal: the outcome's documents go with the plan.
    Op("plans_plan_outcome_evidence", own_only(r.PERFORMANCE_READERS), "plan", OUTCOME_FILE),
    Op("plans_plan_revise", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_plan_publish", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_plan_acknowledge", r.only_themself(), "plan"),
    Op("plans_plan_respond", r.only_themself(), "plan"),
    Op("plans_plan_check_in", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_plan_support", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_plan_support_done", r.PERFORMANCE_MANAGERS, "plan", {"support_id": "support"}),
    Op("plans_plan_outcome", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_plan_outcome_with_evidence", r.PERFORMANCE_MANAGERS, "plan"),
    # Check-ins arranged ahead: as on the plan page, read with the plan (the invitation too, as
    # policy.can_download_check_in_invitation), arranged, moved and cancelled by those who manage it.
    Op("plans_scheduled_check_in_list", r.PERFORMANCE_READERS, "plan"),
    Op("plans_scheduled_check_in_create", r.PERFORMANCE_MANAGERS, "plan"),
    Op("plans_scheduled_check_in_reschedule", r.PERFORMANCE_MANAGERS, "plan", SCHEDULED),
    Op("plans_scheduled_check_in_cancel", r.PERFORMANCE_MANAGERS, "plan", SCHEDULED),
    Op("plans_scheduled_check_in_invitation", r.PERFORMANCE_READERS, "plan", SCHEDULED),
]

CASES = [
    Op("cases_case_list", r.LOGGED_IN),
    Op("cases_case_open", r.CASE_OPENERS, names_someone=True),
    Op("cases_case_detail", r.CASE_READERS, "case"),
    Op("cases_case_assessment", CASE_FIGURES, "case"),
    Op("cases_case_timeline", r.CASE_READERS, "case"),
    Op("cases_case_link_evidence", r.CASE_HANDLERS, "case", body={"kind": "review"}),
    Op("cases_case_start_gathering", r.CASE_HANDLERS, "case"),
    Op("cases_case_plan_termination", r.CASE_HANDLERS, "case"),
    Op("cases_case_record_assessment", r.CASE_HANDLERS, "case"),
    Op("cases_case_override", r.LEGAL_ONLY, "case"),
    Op("cases_case_invite", r.CASE_HANDLERS, "case"),
    Op("cases_case_record_hearing", r.CASE_HANDLERS, "hearing_case", HEARING),
    Op("cases_case_cancel_hearing", r.CASE_HANDLERS, "hearing_case", HEARING),
    # The employee answers their own case in writing; HR enters a statement handed in on paper.
    Op("cases_case_statement", r.EXPLAINERS, "case"),
    Op("cases_case_statement_with_evidence", r.EXPLAINERS, "case"),
    # The files handed in with a statement, as on the case page and in the portal: not the line manager.
    Op("cases_case_statement_evidence", own_only(r.CASE_EVIDENCE_READERS), "case", STATEMENT_FILE),
    Op("cases_case_notify_union", r.CASE_HANDLERS, "case"),
    Op("cases_case_union_reply", own_only(r.CASE_HANDLERS), "case", NOTICE),
    Op("cases_case_union_answer", own_only(r.CASE_HANDLERS), "case", NOTICE),
    Op("cases_case_request_decision", r.CASE_HANDLERS, "case"),
    Op("cases_case_approve", r.CASE_HANDLERS, "case", as_role={"legal": {"capacity": "legal"}}),
    Op("cases_case_serve_notice", r.CASE_HANDLERS, "case"),
    Op("cases_case_end_employment", r.CASE_HANDLERS, "case"),
    Op("cases_case_start_offboarding", r.CASE_HANDLERS, "case"),
    Op("cases_case_close", r.CASE_HANDLERS, "case"),
    Op("cases_case_withdraw", r.CASE_HANDLERS, "case"),
    Op("cases_case_appeal", r.EXPLAINERS, "case"),
    Op("cases_case_decide_appeal", own_only(r.CASE_HANDLERS), "case", APPEAL),
    Op("cases_layoff_list", r.LOGGED_IN),
    Op("cases_layoff_create", r.HR_ADMIN, body=lambda o: {"employees": [str(o["layoff_member"].public_id)]}),
    Op("cases_layoff_detail", own_only(r.same(r.LAYOFF_READERS)), "layoff"),
    Op("cases_layoff_steps", own_only(r.same(r.HR_ADMIN)), "layoff"),
    Op("cases_layoff_assess", own_only(r.same(r.HR_ADMIN)), "layoff"),
    Op("cases_layoff_serve", own_only(r.same(r.HR_ADMIN)), "layoff"),
]

RECORDS = [
    Op("records_chain_list", r.RECORD_READERS),
    Op("records_chain_detail", r.same(r.RECORD_READERS), "chain"),
    Op("records_event_list", r.same(r.RECORD_READERS), "chain"),
    Op("records_chain_verify", r.same(r.RECORD_READERS), "chain"),
]

OPERATIONS: list[Op] = [*PEOPLE, *REVIEWS, *PLANS, *CASES, *RECORDS]
