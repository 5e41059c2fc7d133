"""A layoff: many employees on one ground. The batch is assessed at once by the law engine's layoff
assessment (thresholds, collective steps, each person's protection and figures, the total cost);
each employee has a separation case of their own, moved together when the layoff moves."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.actions._base import Errors, case_event, raise_on, require, today
from dueprocess.cases.actions.case import open_case
from dueprocess.cases.facts import LAW_PROTECTED_KINDS, WEEKS_PER_YEAR, WORKING_DAYS_PER_YEAR, _months_back
from dueprocess.cases.models import Layoff, LayoffAssessment, LayoffStage, SeparationCase, Stage
from dueprocess.law.base import FactsError, ProtectedSituation
from dueprocess.law.layoff import LayoffEmployee, LayoffPlan, assess_layoff
from dueprocess.law.layoff.model import JURISDICTION_GROUNDS
from dueprocess.people.models import Employee, ProtectedPeriod, WageRecord
from dueprocess.records import record_event

STEP_FIELDS = (
    "notice_given_on",
    "staff_explained_on",
    "labour_bureau_reported_on",
    "consultation_started_on",
    "hr1_sent_on",
    "warn_notice_on",
)


def _layoff_event(layoff: Layoff, type: str, *, actor: User, data: dict[str, Any]):
    from dueprocess.records import case_chain

    return record_event(
        layoff,
        type,
        actor=actor,
        data={"layoff": str(layoff.public_id), "on": today(), **data},
        chain=case_chain(layoff.public_id),
    )


@transaction.atomic
def create_layoff(
    *,
    actor: User,
    name: str,
    reason: str,
    employees: list[Employee],
    headcount: int,
    last_day: dt.date,
    establishment: str = "",
    employer_headcount: int | None = None,
    others_in_period: int = 0,
    closing: bool = False,
) -> Layoff:
    """Open a layoff and a case for each employee in it; all must work under one jurisdiction."""
    require(policy.can_manage_layoffs(actor), _("plan a layoff"))
    errors = Errors()
    errors.blank("name", name, _("Name the layoff."))
    errors.blank("reason", reason, _("Give the business reason for the layoff."))
    employees = list(Employee.objects.filter(pk__in=[e.pk for e in employees]).select_related("location"))
    places = {(e.location.jurisdiction, e.location.locality or "") for e in employees}
    if not employees:
        errors.add("employees", _("Choose the employees the layoff affects."))
    elif len({p[0] for p in places}) > 1:
        errors.add("employees", _("A layoff covers one jurisdiction; these employees work under several."))
    if headcount is None or headcount < len(employees):
        errors.add("headcount", _("The headcount cannot be smaller than the number of people laid off."))
    if not last_day or last_day < today():
        errors.add("last_day", _("The planned last day cannot be in the past."))
    errors.raise_any()
    jurisdiction, locality = sorted(places)[0]
    if jurisdiction not in JURISDICTION_GROUNDS:
        raise_on("employees", _("There is no layoff assessment for %(j)s.") % {"j": jurisdiction})
    layoff = Layoff.objects.create(
        name=name.strip(),
        reason=reason.strip(),
        jurisdiction=jurisdiction,
        locality=locality,
        establishment=establishment.strip(),
        headcount=headcount,
        employer_headcount=employer_headcount,
        others_in_period=others_in_period,
        closing=closing,
        last_day=last_day,
        created_by=actor,
    )
    _layoff_event(
        layoff,
        "cases.layoff_created",
        actor=actor,
        data={
            "name": layoff.name,
            "reason": layoff.reason,
            "jurisdiction": jurisdiction,
            "locality": locality,
            "headcount": headcount,
            "last_day": last_day,
            "employees": [e.number for e in employees],
        },
    )
    ground = JURISDICTION_GROUNDS[jurisdiction]
    for employee in employees:
        open_case(actor=actor, employee=employee, ground=ground, summary=layoff.reason, layoff=layoff)
    return layoff


def _locked(layoff: Layoff) -> Layoff:
    return Layoff.objects.select_for_update().get(pk=layoff.pk)


@transaction.atomic
def record_layoff_steps(layoff: Layoff, *, actor: User, **steps: dt.date | None) -> Layoff:
    """Record the collective steps as they happen: the explanation to the union or staff, the report
    to the labour administration, consultation, HR1, WARN notices, the day notices are given."""
    require(policy.can_manage_layoffs(actor), _("manage this layoff"))
    layoff = _locked(layoff)
    errors = Errors()
    if layoff.stage in (LayoffStage.NOTICES_SERVED, LayoffStage.WITHDRAWN):
        errors.add("layoff", _("This layoff is %(stage)s.") % {"stage": layoff.get_stage_display()})
    for field, day in steps.items():
        if field not in STEP_FIELDS:
            errors.add(field, _("This is not a step of a layoff."))
        elif day and day > layoff.last_day:
            errors.add(field, _("This step comes after the planned last day."))
        elif day and field != "notice_given_on" and day > today():
            errors.add(field, _("This day has not come yet."))
    errors.raise_any()
    for field, day in steps.items():
        setattr(layoff, field, day)
    if layoff.stage == LayoffStage.DRAFT:
        layoff.stage = LayoffStage.CONSULTING
    layoff.save()
    _layoff_event(layoff, "cases.layoff_steps_recorded", actor=actor, data=dict(steps))
    return layoff


@transaction.atomic
def notify_union_of_layoff(layoff: Layoff, *, actor: User, union: str, notified_on: dt.date, content: str):
    """LCL 41 and 43 for the batch: the union told the reasons for the cut, with the list."""
    from dueprocess.cases.models import UnionNotice

    require(policy.can_manage_layoffs(actor), _("manage this layoff"))
    layoff = _locked(layoff)
    errors = Errors()
    errors.blank("union", union, _("Name the union."))
    errors.blank("content", content, _("Say what the union was told."))
    if not notified_on:
        errors.add("notified_on", _("Give the day the union was told."))
    elif notified_on > today():
        errors.add("notified_on", _("This day has not come yet."))
    errors.raise_any()
    notice = UnionNotice.objects.create(
        layoff=layoff,
        union=union.strip(),
        notified_on=notified_on,
        content=content.strip(),
        recorded_by=actor,
    )
    _layoff_event(
        layoff,
        "cases.union_notified",
        actor=actor,
        data={
            "notice": str(notice.public_id),
            "union": notice.union,
            "notified_on": notified_on,
            "content": notice.content,
        },
    )
    return notice


def _people(layoff: Layoff, cases: list[SeparationCase]) -> list[LayoffEmployee]:
    """Each person's facts with three queries for the whole batch, however many people."""
    ids = [c.employee_id for c in cases]
    end = layoff.last_day.replace(day=1)
    wages: dict[int, list[Decimal]] = defaultdict(list)
    rows = WageRecord.objects.filter(employee_id__in=ids, month__gte=_months_back(end, 12), month__lt=end)
    for employee_id, gross in rows.order_by("month").values_list("employee_id", "gross"):
        wages[employee_id].append(gross)
    protected: dict[int, list[ProtectedSituation]] = defaultdict(list)
    for p in ProtectedPeriod.objects.filter(employee_id__in=ids):
        protected[p.employee_id].append(
            ProtectedSituation(LAW_PROTECTED_KINDS[p.kind], p.starts_on, p.ends_on)
        )
    return [
        _person(layoff.jurisdiction, c.employee, wages[c.employee_id], protected[c.employee_id])
        for c in cases
    ]


def _person(jurisdiction: str, employee: Employee, wages: list[Decimal], protected) -> LayoffEmployee:
    average = sum(wages, Decimal(0)) / len(wages) if wages else None
    pay = None
    if average is not None:
        pay = {
            "CN": average,
            "GB": average * 12 / WEEKS_PER_YEAR,
            "US-CA": average * 12 / WORKING_DAYS_PER_YEAR,
        }[jurisdiction].quantize(Decimal("0.01"))
    return LayoffEmployee(
        id=employee.number,
        hire_date=employee.hire_date,
        pay=pay,
        birth_date=employee.birth_date,
        sex=employee.sex or None,
        protected=tuple(protected),
    )


def _plan(layoff: Layoff) -> LayoffPlan:
    return LayoffPlan(
        jurisdiction=layoff.jurisdiction,
        last_day=layoff.last_day,
        headcount=layoff.headcount,
        locality=layoff.locality or None,
        establishment=layoff.establishment or None,
        others_in_period=layoff.others_in_period,
        notice_given_on=layoff.notice_given_on,
        pay_in_lieu=layoff.pay_in_lieu,
        staff_explained_on=layoff.staff_explained_on,
        union_notified_on=min((n.notified_on for n in layoff.union_notices.all()), default=None),
        labour_bureau_reported_on=layoff.labour_bureau_reported_on,
        consultation_started_on=layoff.consultation_started_on,
        hr1_sent_on=layoff.hr1_sent_on,
        employer_headcount=layoff.employer_headcount,
        closing=layoff.closing,
        warn_notice_on=layoff.warn_notice_on,
    )


def members(layoff: Layoff) -> list[SeparationCase]:
    return list(
        layoff.cases.exclude(stage=Stage.WITHDRAWN).select_related("employee").order_by("employee__number")
    )


@transaction.atomic
def assess_layoff_now(layoff: Layoff, *, actor: User) -> LayoffAssessment:
    require(policy.can_manage_layoffs(actor), _("manage this layoff"))
    layoff = _locked(layoff)
    cases = members(layoff)
    plan = _plan(layoff)
    try:
        result = assess_layoff(plan, _people(layoff, cases))
    except FactsError as error:
        raise_on(
            "layoff", _("The law engine cannot assess this layoff: %(error)s") % {"error": error.text("en")}
        )
        raise  # pragma: no cover - raise_on always raises
    number = (layoff.assessments.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    facts = {
        "plan": {k: (str(v) if v is not None else None) for k, v in plan.__dict__.items()},
        "employees": [c.employee.number for c in cases],
    }
    stored = LayoffAssessment.objects.create(
        layoff=layoff,
        number=number,
        facts=facts,
        result=result.to_dict("en"),
        result_zh=result.to_dict("zh-Hans"),
        lawful=result.lawful,
        assessed_by=actor,
    )
    _layoff_event(
        layoff,
        "cases.layoff_assessed",
        actor=actor,
        data={
            "assessment": number,
            "lawful": result.lawful,
            "facts": facts,
            "totals": result.totals.to_dict(),
            "blockers": [f.code for f in result.blockers],
            "missing_steps": [f.code for f in result.missing_steps],
        },
    )
    return stored


@transaction.atomic
def remove_from_layoff(layoff: Layoff, *, actor: User, employee: Employee, reason: str) -> SeparationCase:
    """Take one person out (e.g. a protected employee): their case is withdrawn with the reason."""
    from dueprocess.cases.actions.case import withdraw_case

    require(policy.can_manage_layoffs(actor), _("manage this layoff"))
    case = layoff.cases.filter(employee=employee).exclude(stage=Stage.WITHDRAWN).first()
    if case is None:
        raise_on("employee", _("This employee is not in the layoff."))
    assert case is not None
    return withdraw_case(case, actor=actor, reason=reason)


@transaction.atomic
def serve_layoff_notices(layoff: Layoff, *, actor: User) -> Layoff:
    """Serve every member's notice, on the batch assessment made now: it refuses while the cut is
    not lawful (a threshold step missing, a protected person still in the list)."""
    require(policy.can_manage_layoffs(actor), _("manage this layoff"))
    stored = assess_layoff_now(layoff, actor=actor)
    layoff = _locked(layoff)
    errors = Errors()
    if layoff.stage not in (LayoffStage.DRAFT, LayoffStage.CONSULTING):
        errors.add("layoff", _("This layoff is %(stage)s.") % {"stage": layoff.get_stage_display()})
    if not layoff.notice_given_on:
        errors.add("notice_given_on", _("Record the day individual notices are given."))
    result = stored.in_language("zh-hans" if _zh() else "en")
    for finding in result["blockers"] + result["missing_steps"]:
        errors.add("layoff", f"{finding['article']}: {finding['message']}")
    for person in result["persons"]:
        for finding in person["blockers"]:
            errors.add("layoff", f"{person['id']} · {finding['article']}: {finding['message']}")
    errors.raise_any()
    persons = {p["id"]: p for p in stored.result["persons"]}
    for case in members(layoff):
        _serve_member(case, layoff, actor, persons[case.employee.number], stored.number)
    layoff.stage = LayoffStage.NOTICES_SERVED
    layoff.save(update_fields=["stage"])
    _layoff_event(
        layoff,
        "cases.layoff_notices_served",
        actor=actor,
        data={"assessment": stored.number, "notices": len(persons), "totals": stored.result["totals"]},
    )
    return layoff


def _serve_member(case: SeparationCase, layoff: Layoff, actor: User, person: dict, assessment: int) -> None:
    case.stage, case.notice_given_on, case.notice_served_on = (
        Stage.NOTICE_SERVED,
        layoff.notice_given_on,
        today(),
    )
    case.last_day, case.pay_in_lieu, case.decided_on = layoff.last_day, layoff.pay_in_lieu, today()
    case.save(
        update_fields=[
            "stage",
            "notice_given_on",
            "notice_served_on",
            "last_day",
            "pay_in_lieu",
            "decided_on",
        ]
    )
    case_event(
        case,
        "cases.notice_served",
        actor=actor,
        data={
            "served_on": today(),
            "last_day": layoff.last_day,
            "pay_in_lieu": layoff.pay_in_lieu,
            "layoff_assessment": assessment,
            "severance": person["severance"],
            "notice_pay": person["notice_pay"],
            "total": person["total"],
        },
    )


def _zh() -> bool:
    from django.utils.translation import get_language

    return (get_language() or "en").startswith("zh")
