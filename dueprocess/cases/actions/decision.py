"""The decision and after: approvals, serving notice, the end of employment, offboarding, closing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases import assessing
from dueprocess.cases.actions._base import (
    Errors,
    case_event,
    locked,
    raise_on,
    require,
    store_evaluation,
    today,
)
from dueprocess.cases.actions.hearing import raise_if_appeal_pending
from dueprocess.cases.models import Approval, ApprovalCapacity, ApprovalDecision, SeparationCase, Stage

# Checks other apps add before a case may close (offboarding: a legally required task still open).
CLOSING_CHECKS: list[Callable[[SeparationCase], list[str]]] = []


def required_approvals() -> list[str]:
    """Who must approve a decision: HR and legal unless the organisation configured otherwise."""
    return list(getattr(settings, "DUEPROCESS_CASE_APPROVALS", [ApprovalCapacity.HR, ApprovalCapacity.LEGAL]))


def current_round(case: SeparationCase) -> int:
    return 1 + case.approvals.filter(decision=ApprovalDecision.REJECTED).count()


def approvals_missing(case: SeparationCase) -> list[str]:
    given = set(
        case.approvals.filter(round=current_round(case), decision=ApprovalDecision.APPROVED).values_list(
            "capacity", flat=True
        )
    )
    return [c for c in required_approvals() if c not in given]


@transaction.atomic
def decide_approval(
    case: SeparationCase, *, actor: User, capacity: str, decision: str, note: str = ""
) -> Approval:
    """Approve or reject the decision, on the assessment made now. A rejection sends the case back
    to be worked on; approvals given before it no longer count."""
    require(
        policy.can_approve_case(actor, case, capacity),
        _("approve this case as %(capacity)s") % {"capacity": capacity},
    )
    case = locked(case)
    errors = Errors()
    if case.stage != Stage.DECISION_PENDING:
        errors.add("case", _("Only a case whose decision is pending can be approved."))
    if capacity not in required_approvals():
        errors.add(
            "capacity",
            _("This organisation does not ask for approval as %(capacity)s.") % {"capacity": capacity},
        )
    if decision not in ApprovalDecision.values:
        errors.add("decision", _("Choose approve or reject."))
    if decision == ApprovalDecision.REJECTED:
        errors.blank("note", note, _("Say why the decision is rejected."))
    round_ = current_round(case)
    if case.approvals.filter(round=round_, capacity=capacity).exists():
        errors.add(
            "capacity", _("This case has already been approved as %(capacity)s.") % {"capacity": capacity}
        )
    errors.raise_any()
    evaluation = assessing.evaluate(case, today(), "approve")
    if decision == ApprovalDecision.APPROVED:
        assessing.refuse_if_blocked(evaluation, "approve")
    stored = store_evaluation(case, evaluation, actor=actor, purpose="approve")
    approval = Approval.objects.create(
        case=case,
        capacity=capacity,
        decision=decision,
        note=note.strip(),
        assessment=stored,
        approver=actor,
        round=round_,
    )
    case_event(
        case,
        "cases.approval_decided",
        actor=actor,
        data={
            "capacity": capacity,
            "decision": decision,
            "note": approval.note,
            "assessment": stored.number,
            "round": round_,
        },
    )
    if decision == ApprovalDecision.APPROVED and not approvals_missing(case):
        case.move_to(Stage.APPROVED)
        case.decided_on = today()
        case.save(update_fields=["stage", "decided_on"])
        case_event(
            case,
            "cases.approved",
            actor=actor,
            data={"decided_on": case.decided_on, "assessment": stored.number},
        )
    return approval


@transaction.atomic
def serve_notice(case: SeparationCase, *, actor: User, served_on: dt.date | None = None) -> SeparationCase:
    """Serve the decision on the planned dates. The law engine is asked once more on exactly those
    dates: a notice that is too short, or a protected period that began since approval, refuses."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    served_on = served_on or today()
    errors = Errors()
    if case.stage != Stage.APPROVED:
        errors.add("case", _("Notice is served once the decision is approved."))
    if served_on > today():
        errors.add("served_on", _("Notice cannot be served on a day that has not come."))
    if case.decided_on and served_on < case.decided_on:
        errors.add("served_on", _("Notice cannot be served before the decision was approved."))
    errors.raise_any()
    given_on, last_day, pay_in_lieu = assessing.planned_dates_or_error(case, served_on)
    if pay_in_lieu:
        last_day = served_on
    elif given_on and given_on != served_on:
        # Served later than planned: the same length of notice runs from the day it is served.
        last_day = last_day + (served_on - given_on)
    case.notice_given_on, case.last_day, case.pay_in_lieu = served_on, last_day, pay_in_lieu
    case.move_to(Stage.NOTICE_SERVED)
    evaluation = assessing.evaluate(case, served_on, "serve_notice")
    assessing.refuse_if_blocked(evaluation, "serve_notice")
    case.notice_served_on = served_on
    case.save(update_fields=["stage", "notice_given_on", "last_day", "pay_in_lieu", "notice_served_on"])
    stored = store_evaluation(case, evaluation, actor=actor, purpose="serve_notice")
    result = evaluation.result
    case_event(
        case,
        "cases.notice_served",
        actor=actor,
        data={
            "served_on": served_on,
            "last_day": last_day,
            "pay_in_lieu": pay_in_lieu,
            "assessment": stored.number,
            "severance": (result.get("severance") or {}).get("amount"),
            "notice_pay": (result.get("notice") or {}).get("pay_in_lieu"),
            "total": result.get("total"),
        },
    )
    return case


@transaction.atomic
def end_employment(case: SeparationCase, *, actor: User) -> SeparationCase:
    """The last day has come: the employee's record shows that they left."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    if case.stage == Stage.NOTICE_SERVED and case.last_day and case.last_day > today():
        raise_on("case", _("The employment ends on %(day)s, not before.") % {"day": case.last_day})
    case.move_to(Stage.EMPLOYMENT_ENDED)
    case.ended_on = case.last_day
    case.save(update_fields=["stage", "ended_on"])
    employee = case.employee
    employee.left_on = case.last_day
    employee.save(update_fields=["left_on"])
    case_event(case, "cases.employment_ended", actor=actor, data={"ended_on": case.ended_on})
    return case


@transaction.atomic
def start_offboarding(case: SeparationCase, *, actor: User) -> SeparationCase:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    case.move_to(Stage.OFFBOARDING)
    case.save(update_fields=["stage"])
    case_event(case, "cases.offboarding_started", actor=actor, data={})
    return case


@transaction.atomic
def close_case(case: SeparationCase, *, actor: User) -> SeparationCase:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    case.move_to(Stage.CLOSED)
    raise_if_appeal_pending(case)
    problems = [problem for check in CLOSING_CHECKS for problem in check(case)]
    if problems:
        errors = Errors()
        for problem in problems:
            errors.add("case", problem)
        errors.raise_any()
    case.closed_on = today()
    case.save(update_fields=["stage", "closed_on"])
    case_event(case, "cases.closed", actor=actor, data={"closed_on": case.closed_on})
    return case
