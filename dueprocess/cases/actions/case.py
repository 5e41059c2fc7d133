"""Opening a case, the evidence it rests on, the planned termination, assessing, overriding a
finding, moving towards the decision, and withdrawing."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess import law
from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases import assessing
from dueprocess.cases.actions._base import (
    Errors,
    case_event,
    ensure_before_decision,
    ensure_open,
    locked,
    raise_on,
    require,
    store_evaluation,
    today,
)
from dueprocess.cases.models import CaseAssessment, CaseEvidence, Override, SeparationCase, Stage
from dueprocess.people.models import Employee
from dueprocess.records import reference


def check_ground(jurisdiction: str, ground: str, errors: Errors) -> None:
    try:
        law.jurisdiction_for(jurisdiction).check_ground(ground)
    except law.FactsError:
        grounds = (
            law.jurisdiction_for(jurisdiction).grounds if jurisdiction in law.registry.JURISDICTIONS else {}
        )
        errors.add(
            "ground",
            _("“%(ground)s” is not a ground in %(jurisdiction)s; choose one of: %(known)s.")
            % {"ground": ground, "jurisdiction": jurisdiction, "known": ", ".join(grounds) or "—"},
        )


@transaction.atomic
def open_case(
    *,
    actor: User,
    employee: Employee,
    ground: str,
    summary: str,
    evidence: list = (),  # type: ignore[assignment]
    renewal_offered: bool | None = None,
    layoff=None,
) -> SeparationCase:
    require(policy.can_open_case(actor, employee), _("open a case for this employee"))
    employee = Employee.objects.select_related("location").get(pk=employee.pk)
    errors = Errors()
    errors.blank("summary", summary, _("Say why the case is opened."))
    check_ground(employee.jurisdiction, ground, errors)
    if employee.left_on and employee.left_on < today():
        errors.add("employee", _("This employee left on %(day)s.") % {"day": employee.left_on})
    if SeparationCase.objects.open().filter(employee=employee).exists():
        errors.add("employee", _("This employee already has an open case."))
    errors.raise_any()
    case = SeparationCase.objects.create(
        employee=employee,
        jurisdiction=employee.jurisdiction,
        locality=employee.location.locality or "",
        ground=ground,
        summary=summary.strip(),
        opened_by=actor,
        opened_on=today(),
        renewal_offered=renewal_offered,
        layoff=layoff,
    )
    case_event(
        case,
        "cases.opened",
        actor=actor,
        data={
            "employee": reference(employee),
            "jurisdiction": case.jurisdiction,
            "locality": case.locality,
            "ground": ground,
            "article": case.ground_article,
            "summary": case.summary,
            "layoff": str(layoff.public_id) if layoff else None,
        },
    )
    for target in evidence:
        _link(case, target, actor=actor, note="")
    return case


def _link(case: SeparationCase, target, *, actor: User, note: str) -> CaseEvidence:
    from dueprocess.plans.models import ImprovementPlan
    from dueprocess.reviews.models import Incident, Investigation, Review, Warning

    kinds = {
        Review: "review",
        Incident: "incident",
        Investigation: "investigation",
        Warning: "warning",
        ImprovementPlan: "plan",
    }
    kind = kinds.get(type(target))
    if kind is None:
        raise_on("evidence", _("Only reviews, incidents, investigations, warnings and plans can be linked."))
    owner = target.incident.employee_id if kind == "investigation" else target.employee_id
    if owner != case.employee_id:
        raise_on("evidence", _("This record is about another employee."))
    if not _visible(actor, kind, target):
        raise_on("evidence", _("You cannot see this record, so you cannot link it."))
    if CaseEvidence.objects.filter(case=case, **{kind: target}).exists():
        raise_on("evidence", _("This record is already linked to the case."))
    link = CaseEvidence.objects.create(case=case, linked_by=actor, note=note.strip(), **{kind: target})
    case_event(
        case,
        "cases.evidence_linked",
        actor=actor,
        data={"kind": kind, "record": reference(target), "note": link.note},
    )
    return link


def _visible(actor: User, kind: str, target) -> bool:
    from dueprocess.reviews.models import Incident, Investigation, Warning

    if kind == "plan":
        return policy.plans_visible_to(actor).filter(pk=target.pk).exists()
    if kind == "review":
        return policy.reviews_visible_to(actor).filter(pk=target.pk).exists()
    model = {"incident": Incident, "investigation": Investigation, "warning": Warning}[kind]
    return policy.conduct_visible_to(actor, model).filter(pk=target.pk).exists()


@transaction.atomic
def link_evidence(case: SeparationCase, target, *, actor: User, note: str = "") -> CaseEvidence:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    ensure_before_decision(case)
    return _link(case, target, actor=actor, note=note)


@transaction.atomic
def start_gathering(case: SeparationCase, *, actor: User) -> SeparationCase:
    """Draft to gathering evidence: the case is under way; its first assessment goes on record."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    case.move_to(Stage.GATHERING_EVIDENCE)
    case.save(update_fields=["stage"])
    evaluation = assessing.evaluate(case, today(), "start_gathering")
    stored = store_evaluation(case, evaluation, actor=actor, purpose="start_gathering")
    case_event(case, "cases.gathering_started", actor=actor, data={"assessment": stored.number})
    return case


@transaction.atomic
def plan_termination(
    case: SeparationCase,
    *,
    actor: User,
    notice_given_on: dt.date,
    last_day: dt.date,
    pay_in_lieu: bool = False,
) -> SeparationCase:
    """Set the notice day, the last day and whether notice is paid in lieu, until notice is served."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    ensure_open(case)
    errors = Errors()
    if case.stage in (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING):
        errors.add("case", _("Notice has been served: the dates are those of the notice."))
    if not notice_given_on:
        errors.add("notice_given_on", _("Give the day notice is given."))
    if not last_day:
        errors.add("last_day", _("Give the last day of employment."))
    if notice_given_on and last_day and last_day < notice_given_on:
        errors.add("last_day", _("The last day cannot come before the notice."))
    if notice_given_on and notice_given_on < today():
        errors.add("notice_given_on", _("Notice cannot be planned for a day that has passed."))
    if pay_in_lieu and notice_given_on and last_day and last_day != notice_given_on:
        errors.add("last_day", _("With pay in lieu of notice, the last day is the day notice is given."))
    if last_day and last_day < case.employee.hire_date:
        errors.add("last_day", _("The last day cannot come before the start of employment."))
    errors.raise_any()
    case.notice_given_on, case.last_day, case.pay_in_lieu = notice_given_on, last_day, pay_in_lieu
    case.save(update_fields=["notice_given_on", "last_day", "pay_in_lieu"])
    case_event(
        case,
        "cases.termination_planned",
        actor=actor,
        data={"notice_given_on": notice_given_on, "last_day": last_day, "pay_in_lieu": pay_in_lieu},
    )
    return case


@transaction.atomic
def assess_case(case: SeparationCase, *, actor: User, purpose: str = "review") -> CaseAssessment:
    """Ask the law engine now and keep the answer (the case page shows the live answer; this is
    for when a user wants it on the record, e.g. before a meeting with the employee)."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    return store_evaluation(case, assessing.evaluate(case, today(), purpose), actor=actor, purpose=purpose)


@transaction.atomic
def override_finding(case: SeparationCase, *, actor: User, code: str, justification: str) -> Override:
    """Legal counsel proceeds despite one finding, saying why in writing."""
    require(policy.can_override_finding(actor, case), _("override a finding of the law engine"))
    case = locked(case)
    ensure_before_decision(case)
    errors = Errors()
    errors.blank("justification", justification, _("An override needs a written justification."))
    evaluation = assessing.evaluate(case, today(), "override")
    finding = next((f for f in evaluation.findings if f.code == code), None)
    if finding is None:
        errors.add("code", _("“%(code)s” is not a finding of this case now.") % {"code": code})
    elif finding.overridden:
        errors.add("code", _("This finding has already been overridden."))
    errors.raise_any()
    assert finding is not None
    stored = store_evaluation(case, evaluation, actor=actor, purpose="override")
    override = Override.objects.create(
        case=case,
        code=code,
        article=finding.article,
        justification=justification.strip(),
        assessment=stored,
        by=actor,
    )
    case_event(
        case,
        "cases.finding_overridden",
        actor=actor,
        data={
            "code": code,
            "article": finding.article,
            "kind": finding.kind,
            "message": finding.message,
            "justification": override.justification,
            "assessment": stored.number,
        },
    )
    return override


@transaction.atomic
def request_decision(case: SeparationCase, *, actor: User) -> SeparationCase:
    """Ready for the decision: no blocker stands and the employee has been heard."""
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    case.move_to(Stage.DECISION_PENDING)
    evaluation = assessing.evaluate(case, today(), "request_decision")
    assessing.refuse_if_blocked(evaluation, "request_decision")
    case.save(update_fields=["stage"])
    stored = store_evaluation(case, evaluation, actor=actor, purpose="request_decision")
    case_event(case, "cases.decision_requested", actor=actor, data={"assessment": stored.number})
    return case


@transaction.atomic
def withdraw_case(case: SeparationCase, *, actor: User, reason: str) -> SeparationCase:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    errors = Errors()
    errors.blank("reason", reason, _("Say why the case is withdrawn."))
    errors.raise_any()
    case.move_to(Stage.WITHDRAWN)
    case.withdrawn_reason, case.closed_on = reason.strip(), today()
    case.save(update_fields=["stage", "withdrawn_reason", "closed_on"])
    case_event(case, "cases.withdrawn", actor=actor, data={"reason": case.withdrawn_reason})
    return case
