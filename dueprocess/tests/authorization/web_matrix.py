"""Every page and form of the site (the URL resolver, but for the admin site, which is Django's own
and staff-only): how to fill its address with the demo's objects, and who may use it.

``GET`` entries are pages: the allowed roles get the page (200, or a redirect to another page), the
others a refusal (403, 404, or the login page for a visitor who is not logged in). ``POST`` entries
are buttons and forms: those refused get 403 or 404 and nothing is recorded, the allowed ones get past
the gate (a form's errors, a redirect, a refusal of the input: anything but 403 or 404). ``data`` is
a valid-looking form for buttons that check their fields before asking who presses them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from dueprocess.tests.authorization import rules as r
from dueprocess.tests.authorization.rules import Rule
from dueprocess.tests.authorization.story import DEMO_TODAY

Objects = dict
TODAY = DEMO_TODAY.isoformat()


@dataclass(frozen=True)
class Entry:
    name: str
    allowed: Rule | frozenset[str]
    args: Callable[[Objects], dict] | None = None
    method: str = "GET"
    data: Callable[[Objects], dict] | dict = field(default_factory=dict)
    variant: str = ""
    # Also POST to this page (a form page): the refused roles must not get past the gate either.
    form: bool = False
    # A role that may read the object but not use this page is sent back to the object's page.
    redirect_refuses: bool = False
    # Who may post to a form page, when not those who may open it.
    post_allowed: Rule | None = None
    # Logging out ends on the login page.
    login_is_success: bool = False

    @property
    def id(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name

    @property
    def sides(self) -> list[str]:
        return ["own", "other"] if self.args and isinstance(self.allowed, Rule) else ["own"]

    def roles_for(self, side: str, method: str = "GET") -> frozenset[str]:
        allowed = self.post_allowed if method == "POST" and self.post_allowed else self.allowed
        if isinstance(allowed, Rule):
            return allowed.own if side == "own" else allowed.other
        return allowed


def pid(kind: str, key: str = "public_id") -> Callable[[Objects], dict]:
    return lambda o: {key: o[kind].public_id}


def case_and(kind: str, key: str) -> Callable[[Objects], dict]:
    return lambda o: {"public_id": o["case"].public_id, key: o[kind].public_id}


def plan_and(kind: str, key: str) -> Callable[[Objects], dict]:
    return lambda o: {"public_id": o["plan"].public_id, key: o[kind].public_id}


def own_only(rule: Rule) -> frozenset[str]:
    """For objects only Zhang Wei's story has (or organisation-level ones): only the "own" side."""
    return rule.own


G, P = "GET", "POST"

# Three days ahead, at ten: within Wu Jing's plan.
_LATER = (DEMO_TODAY + dt.timedelta(days=3)).isoformat()
ARRANGE = {
    "schedule-scheduled_at": f"{_LATER}T10:00",
    "schedule-place": "Room 9",
    "schedule-duration_minutes": "30",
}


def move_check_in(scheduled) -> dict:
    return {key.replace("schedule", f"reschedule-{scheduled.public_id}", 1): v for key, v in ARRANGE.items()}


def cancel_check_in(scheduled) -> dict:
    return {f"cancel-{scheduled.public_id}-reason": "The room is taken."}


ACCOUNTS = [
    Entry("set_language", r.EVERYONE, method=P, data={"language": "en", "next": "/"}),
    Entry("accounts:login", r.EVERYONE),
    Entry("accounts:logout", r.EVERYONE, method=P, login_is_success=True),
    Entry("accounts:two_factor", r.LOGGED_IN),
    Entry("accounts:two_factor_enrol", r.LOGGED_IN),
    Entry("web:home", r.LOGGED_IN),
    Entry("web:healthz", r.EVERYONE),
    Entry("api:tokens", r.LOGGED_IN, form=True),
    # Each person revokes their own tokens: this one is Zhang Wei's.
    Entry("api:token_revoke", own_only(r.only_themself()), pid("token"), method=P),
    Entry("people:employee_list", r.LOGGED_IN),
    Entry("people:employee_detail", r.PROFILE_READERS, pid("employee")),
]

RECORDS = [
    Entry("records:home", r.RECORD_READERS),
    # The organisation's public key verifies bundles sent to outsiders: public by design.
    Entry("records:public_key", r.EVERYONE),
    Entry("records:read_log", r.READ_LOG_READERS),
    Entry("records:chain_detail", r.same(r.RECORD_READERS), pid("chain")),
    Entry("records:chain_verify", r.same(r.RECORD_READERS), pid("chain"), method=P),
    # A bundle of a short chain: making one of the demo's whole story takes half a minute.
    Entry("records:chain_bundle", own_only(r.same(r.RECORD_READERS)), pid("short_chain"), method=P),
]

REVIEWS = [
    Entry("reviews:cycle_list", r.LOGGED_IN),
    Entry("reviews:cycle_create", r.CYCLE_MANAGERS, form=True),
    Entry("reviews:review_create", r.REVIEW_STARTERS, form=True),
    Entry("reviews:review_detail", r.PERFORMANCE_READERS, pid("review")),
    Entry("reviews:review_open", r.PERFORMANCE_MANAGERS, pid("review"), method=P),
    Entry("reviews:review_self_assess", r.only_themself(), pid("review"), method=P),
    Entry("reviews:review_assess", r.PERFORMANCE_MANAGERS, pid("review"), form=True),
    Entry("reviews:review_submit", r.PERFORMANCE_MANAGERS, pid("review"), method=P),
    Entry("reviews:feedback_request", r.PERFORMANCE_MANAGERS, pid("review"), method=P),
    Entry("reviews:feedback_list", r.LOGGED_IN),
    # Only the respondent reaches a request for feedback: legal counsel was asked about Zhang Wei, and
    # a colleague without a demo login about Wu Jing.
    Entry("reviews:feedback_answer", Rule(frozenset({"legal"}), r.NOBODY), pid("feedback"), form=True),
    Entry("reviews:employee_options", r.LOGGED_IN),
    Entry("reviews:conduct_list", r.LOGGED_IN),
    Entry("reviews:incident_start", r.CONDUCT_REPORTERS),
    Entry("reviews:incident_create", r.INCIDENT_REPORTERS, pid("employee", "employee_id"), form=True),
    Entry("reviews:incident_detail", r.CONDUCT_READERS, pid("incident")),
    Entry(
        "reviews:evidence_download",
        own_only(r.CONDUCT_READERS),
        lambda o: {"public_id": o["incident"].public_id, "sha256": o["evidence"]},
    ),
    Entry("reviews:investigation_open", r.CONDUCT_HANDLERS, pid("incident"), form=True),
    Entry("reviews:interview_create", r.CONDUCT_HANDLERS, pid("open_investigation"), form=True),
    Entry("reviews:explanation_create", r.EXPLAINERS, pid("open_investigation"), form=True),
    Entry("reviews:investigation_conclude", r.CONDUCT_HANDLERS, pid("open_investigation"), form=True),
    Entry("reviews:warning_list", r.LOGGED_IN),
    Entry("reviews:warning_detail", r.WARNING_READERS, pid("warning")),
    Entry("reviews:warning_create", r.CONDUCT_HANDLERS, pid("employee", "employee_id"), form=True),
]

PLANS = [
    Entry("plans:plan_list", r.LOGGED_IN),
    Entry("plans:plan_create", r.PERFORMANCE_MANAGERS, pid("employee", "employee_id"), form=True),
    Entry("plans:plan_detail", r.PERFORMANCE_READERS, pid("plan")),
    Entry("plans:plan_edit", r.PERFORMANCE_MANAGERS, pid("plan"), form=True),
    Entry("plans:plan_publish", r.PERFORMANCE_MANAGERS, pid("plan"), method=P),
    Entry("plans:plan_acknowledge", r.only_themself(), pid("plan"), method=P),
    Entry("plans:plan_respond", r.only_themself(), pid("plan"), method=P, data={"text": "A response."}),
    Entry("plans:check_in_create", r.PERFORMANCE_MANAGERS, pid("plan"), form=True),
    Entry("plans:support_create", r.PERFORMANCE_MANAGERS, pid("plan"), form=True),
    Entry(
        "plans:support_complete",
        r.PERFORMANCE_MANAGERS,
        plan_and("support", "support_id"),
        method=P,
        data={"happened": "yes", "completed_on": TODAY},
    ),
    Entry("plans:outcome_create", r.PERFORMANCE_MANAGERS, pid("plan"), form=True),
    # The documents the outcome rests on go with the plan (only Zhang Wei's plan has an outcome).
    Entry(
        "plans:outcome_evidence",
        own_only(r.PERFORMANCE_READERS),
        lambda o: {"public_id": o["plan"].public_id, "sha256": o["outcome_evidence"]},
    ),
    # Zhang Wei's plan is over (the action refuses: past the gate); Wu Jing's runs, so these succeed.
    Entry("plans:check_in_schedule", r.PERFORMANCE_MANAGERS, pid("plan"), method=P, data=ARRANGE),
    Entry(
        "plans:check_in_reschedule",
        r.PERFORMANCE_MANAGERS,
        plan_and("scheduled", "scheduled_id"),
        method=P,
        data=lambda o: move_check_in(o["scheduled"]),
    ),
    Entry(
        "plans:check_in_cancel",
        r.PERFORMANCE_MANAGERS,
        plan_and("scheduled", "scheduled_id"),
        method=P,
        data=lambda o: cancel_check_in(o["scheduled"]),
    ),
    Entry("reminders:check_in_ics", r.PERFORMANCE_READERS, pid("scheduled")),
]

PORTAL = [
    Entry("portal:home", r.WITH_OWN_RECORD),
    Entry("portal:plans", r.WITH_OWN_RECORD),
    Entry("portal:plan_detail", r.only_themself(), pid("plan")),
    Entry("portal:plan_acknowledge", r.only_themself(), pid("plan"), method=P),
    Entry("portal:plan_respond", r.only_themself(), pid("plan"), method=P),
    Entry(
        "portal:plan_evidence",
        own_only(r.only_themself()),
        lambda o: {"public_id": o["plan"].public_id, "sha256": o["outcome_evidence"]},
    ),
    Entry("portal:check_in_comment", r.only_themself(), plan_and("check_in", "check_in_id"), method=P),
    Entry("portal:reviews", r.WITH_OWN_RECORD),
    Entry("portal:self_assess", r.only_themself(), pid("review"), method=P),
    Entry("portal:conduct", r.WITH_OWN_RECORD),
    Entry("portal:warning_explain", r.only_themself(), pid("warning"), method=P),
    Entry("portal:investigation_explain", r.only_themself(), pid("open_investigation"), method=P),
    Entry("portal:cases", r.WITH_OWN_RECORD),
    Entry("portal:case_detail", r.only_themself(), pid("case")),
    Entry("portal:statement", r.only_themself(), pid("case"), method=P),
    Entry("portal:appeal", r.only_themself(), pid("case"), method=P),
    Entry("portal:documents", r.WITH_OWN_RECORD),
    Entry("portal:document", own_only(r.only_themself()), lambda o: {"sha256": o["document"]}),
]

# Every button of the case page, by the name in its address (cases.views.MOVES), and who may press it.
CASE_MOVES = {
    "start_gathering": r.CASE_HANDLERS,
    "link_evidence": r.CASE_HANDLERS,
    "plan_termination": r.CASE_HANDLERS,
    "assess": r.CASE_HANDLERS,
    # Proceeding despite the law engine's finding is legal counsel's judgement alone.
    "override": r.LEGAL_ONLY,
    "invite": r.CASE_HANDLERS,
    "record_hearing": r.CASE_HANDLERS,
    "cancel_hearing": r.CASE_HANDLERS,
    # The employee answers through the portal; on the case page HR enters a statement given on paper.
    "statement": r.CASE_HANDLERS,
    "notify_union": r.CASE_HANDLERS,
    "union_reply": r.CASE_HANDLERS,
    "union_answer": r.CASE_HANDLERS,
    "request_decision": r.CASE_HANDLERS,
    "approve": r.CASE_HANDLERS,
    "serve_notice": r.CASE_HANDLERS,
    "end_employment": r.CASE_HANDLERS,
    "start_offboarding": r.CASE_HANDLERS,
    "close": r.CASE_HANDLERS,
    "appeal": r.CASE_HANDLERS,
    "decide_appeal": r.CASE_HANDLERS,
    "withdraw": r.CASE_HANDLERS,
}
LAYOFF_MOVES = {"steps": r.HR_ADMIN, "remove": r.HR_ADMIN, "assess": r.HR_ADMIN, "serve": r.HR_ADMIN}


def _case_move(name: str) -> Callable[[Objects], dict]:
    return lambda o: {"public_id": o["case"].public_id, "name": name}


def _layoff_move(name: str) -> Callable[[Objects], dict]:
    return lambda o: {"public_id": o["layoff"].public_id, "name": name}


CASES = [
    Entry("cases:case_list", r.LOGGED_IN),
    Entry("cases:case_open", r.CASE_OPENERS, pid("employee", "employee_id"), form=True),
    Entry("cases:case_detail", r.CASE_READERS, pid("case")),
    *(Entry("cases:case_move", rule, _case_move(n), method=P, variant=n) for n, rule in CASE_MOVES.items()),
    # The files of the employee's statement (only Zhang Wei's case has one): not the line manager.
    Entry(
        "cases:statement_evidence",
        own_only(r.CASE_EVIDENCE_READERS),
        lambda o: {
            "public_id": o["case"].public_id,
            "statement_id": o["statement"].public_id,
            "sha256": o["document"],
        },
    ),
    Entry("cases:layoff_list", r.LOGGED_IN),
    Entry("cases:layoff_create", r.HR_ADMIN, form=True),
    Entry("cases:layoff_detail", own_only(r.same(r.LAYOFF_READERS)), pid("layoff")),
    *(
        Entry("cases:layoff_move", own_only(r.same(rule)), _layoff_move(n), method=P, variant=n)
        for n, rule in LAYOFF_MOVES.items()
    ),
    Entry("reminders:hearing_ics", r.HEARING_INVITEES, pid("hearing")),
]

# A letter about a case is written by those who run the case; about a plan or a check-in, by those
# who manage the plan; about a warning, by those who handle conduct.
LETTER_TARGETS = {
    "case": ("case", r.CASE_HANDLERS),
    "plan": ("plan", r.PERFORMANCE_MANAGERS),
    "check-in": ("check_in", r.PERFORMANCE_MANAGERS),
    "warning": ("warning", r.CONDUCT_HANDLERS),
}


def _letter_target(slug: str, kind: str) -> Callable[[Objects], dict]:
    return lambda o: {"target": slug, "public_id": o[kind].public_id}


def _template(o: Objects, version: bool = False) -> dict:
    template = o["template"]
    args = {"kind": template.kind, "language": template.language}
    return {**args, "version": template.version} if version else args


LETTERS = [
    Entry("letters:my_letters", r.LOGGED_IN),
    # A hearing invitation, and (own only) the notice of termination, which states the severance.
    Entry("letters:letter_detail", r.LETTER_READERS, pid("plain_letter")),
    Entry("letters:letter_download", r.LETTER_READERS, pid("plain_letter")),
    Entry("letters:letter_detail", own_only(r.FIGURE_LETTER_READERS), pid("letter"), variant="figures"),
    Entry("letters:letter_download", own_only(r.FIGURE_LETTER_READERS), pid("letter"), variant="figures"),
    Entry("letters:letter_deliver", r.CASE_HANDLERS, pid("plain_letter"), method=P),
    Entry("letters:letter_acknowledge", r.only_themself(), pid("plain_letter"), method=P),
    # The employee refuses to acknowledge; HR records a refusal they witnessed (policy: can_manage_letter).
    Entry("letters:letter_refuse", r.EXPLAINERS, pid("plain_letter"), method=P),
    Entry(
        "letters:letter_record_delivery",
        r.CASE_HANDLERS,
        pid("plain_letter"),
        form=True,
        redirect_refuses=True,
    ),
    *(
        Entry("letters:letter_new", rule, _letter_target(slug, kind), form=True, variant=slug)
        for slug, (kind, rule) in LETTER_TARGETS.items()
    ),
    Entry("letters:template_list", r.HR_ADMIN),
    Entry("letters:template_edit", own_only(r.same(r.HR_ADMIN)), _template, form=True),
    Entry("letters:template_version", own_only(r.same(r.HR_ADMIN)), lambda o: _template(o, version=True)),
    Entry("letters:letterhead_edit", r.HR_ADMIN, lambda o: {"language": "en"}, form=True),
    Entry("letters:layoff_letters", own_only(r.same(r.HR_ADMIN)), pid("layoff"), form=True),
    Entry("letters:batch_progress", own_only(r.same(r.HR_ADMIN)), pid("batch")),
]


def case_task(o: Objects) -> dict:
    return {"public_id": o["case"].public_id, "task_id": o["task"].public_id}


OFFBOARDING = [
    Entry("offboarding:task_list", r.LOGGED_IN),
    Entry("offboarding:case", r.CASE_READERS, pid("case")),
    Entry("offboarding:checklist_create", r.CASE_HANDLERS, pid("case"), method=P),
    # The demo's first task is the handover, which Liu Fang owns and settled herself.
    Entry(
        "offboarding:task_done",
        own_only(r.scoped({"hr.admin", "legal"}, hr=True, line=True)),
        case_task,
        method=P,
        data={"done_on": TODAY},
    ),
    Entry(
        "offboarding:task_not_applicable",
        own_only(r.scoped({"hr.admin", "legal"}, hr=True, line=True)),
        case_task,
        method=P,
        data={"reason": "Not needed."},
    ),
    Entry(
        "offboarding:task_assign",
        own_only(r.CASE_HANDLERS),
        case_task,
        method=P,
        data=lambda o: {"owner": o["users"]["hrbp"].pk},
    ),
    Entry("offboarding:task_letter", own_only(r.CASE_HANDLERS), case_task, method=P, data={"language": "en"}),
    Entry("offboarding:exit_interview", own_only(r.OFFBOARDING_HR), pid("case")),
    Entry("offboarding:settlement_create", r.OFFBOARDING_HR, pid("case"), method=P),
    Entry("offboarding:settlement_line", own_only(r.OFFBOARDING_HR), pid("case"), form=True),
    Entry("offboarding:settlement_approve", own_only(r.SETTLEMENT_APPROVERS), pid("case"), method=P),
    Entry(
        "offboarding:settlement_paid",
        own_only(r.OFFBOARDING_HR),
        pid("case"),
        method=P,
        data={"paid_on": TODAY, "reference": "PAY-1"},
    ),
    Entry(
        "offboarding:line_withdraw",
        own_only(r.OFFBOARDING_HR),
        case_and("line", "line_id"),
        method=P,
        data={"reason": "Entered twice."},
    ),
    Entry("offboarding:support_create", r.CASE_HANDLERS, pid("case"), form=True),
    Entry(
        "offboarding:support_uptake",
        own_only(r.CASE_HANDLERS),
        case_and("offer", "offer_id"),
        method=P,
        data={"taken_up": "yes", "on": TODAY},
    ),
    Entry(
        "offboarding:support_letter",
        own_only(r.CASE_HANDLERS),
        case_and("reference_offer", "offer_id"),
        method=P,
        data={"language": "en"},
    ),
    Entry("offboarding:dispute_create", r.CASE_HANDLERS, pid("case"), form=True),
    Entry("offboarding:dispute_detail", own_only(r.CASE_READERS), case_and("dispute", "dispute_id")),
    Entry(
        "offboarding:dispute_hearing",
        own_only(r.CASE_HANDLERS),
        case_and("dispute", "dispute_id"),
        method=P,
        data={"on": TODAY, "place": "Court 1"},
    ),
    Entry(
        "offboarding:dispute_outcome",
        own_only(r.CASE_HANDLERS),
        case_and("dispute", "dispute_id"),
        method=P,
        data={"outcome": "settled", "decided_on": TODAY, "amount": "1000"},
    ),
]

ANALYTICS_PAGES = ["cases", "timing", "plans", "costs", "disputes"]

LEARNING = [
    Entry("learning:retrospective_list", r.LOGGED_IN),
    # Posting opens the retrospective: for Zhang Wei's case, which has one, readers are just sent to it.
    Entry(
        "learning:case_retrospective",
        r.CASE_READERS,
        pid("case", "case_id"),
        form=True,
        post_allowed=Rule(r.CASE_READERS.own, r.CASE_HANDLERS.other),
    ),
    Entry("learning:retrospective_detail", own_only(r.CASE_READERS), pid("retrospective")),
    Entry(
        "learning:finding_record",
        own_only(r.CASE_HANDLERS),
        lambda o: {"public_id": o["retrospective"].public_id, "area": "performance"},
        method=P,
    ),
    Entry("learning:action_add", own_only(r.CASE_HANDLERS), pid("retrospective"), method=P),
    Entry("learning:retrospective_complete", own_only(r.CASE_HANDLERS), pid("retrospective"), method=P),
    Entry("learning:action_detail", own_only(r.CASE_READERS), pid("action")),
    Entry("learning:action_update", own_only(r.ACTION_UPDATERS), pid("action"), method=P),
    Entry("learning:action_evaluate", own_only(r.ACTION_EVALUATORS), pid("action"), method=P),
    Entry("learning:risk_list", r.RISK_LIST_READERS),
    Entry("learning:analytics", r.ANALYTICS_READERS),
    Entry("learning:consistency", r.ANALYTICS_READERS),
    *(
        Entry("learning:analytics_page", r.ANALYTICS_READERS, lambda o, p=page: {"page": p}, variant=page)
        for page in ANALYTICS_PAGES
    ),
]

# django-ninja's own pages: the schema is published (docs/api/openapi.json) and the docs page shows it.
API_PAGES = [
    Entry("api-1:openapi-json", r.EVERYONE),
    Entry("api-1:openapi-view", r.EVERYONE),
    Entry("api-1:api-root", r.NOBODY),
]

MATRIX: list[Entry] = [
    *ACCOUNTS, *RECORDS, *REVIEWS, *PLANS, *PORTAL, *CASES, *LETTERS, *OFFBOARDING, *LEARNING, *API_PAGES
]  # fmt: skip
