"""The employee's right to be heard: the invitation, the meeting, the written answer within the
response window, and the appeal."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases import assessing
from dueprocess.cases.actions._base import (
    Errors,
    case_event,
    ensure_before_decision,
    locked,
    raise_on,
    require,
    store_evaluation,
    today,
)
from dueprocess.cases.models import (
    Appeal,
    AppealOutcome,
    EmployeeStatement,
    Hearing,
    HearingKind,
    HearingStatus,
    SeparationCase,
    Stage,
    StatementEvidence,
)
from dueprocess.reviews.actions._common import keep_evidence

RESPONSE_DAYS = 3  # the default response window after a hearing; the user may give a longer one
APPEAL_DAYS = 14  # how long after notice the employee may appeal
HEARING_HORIZON_DAYS = 366  # the latest day a hearing may be arranged for, from today
# The statutory right to be accompanied (GB Employment Relations Act 1999 s.10).
COMPANION_BY_RIGHT = {"GB"}


@transaction.atomic
def invite_to_hearing(
    case: SeparationCase,
    *,
    actor: User,
    scheduled_at: dt.datetime,
    place: str,
    attendees: str,
    companion_allowed: bool = False,
    agenda: str = "",
    kind: str = HearingKind.HEARING,
) -> Hearing:
    require(policy.can_manage_case(actor, case), _("manage this case"))
    case = locked(case)
    errors = Errors()
    errors.blank("place", place, _("Say where the hearing takes place."))
    errors.blank("attendees", attendees, _("Say who attends."))
    if not scheduled_at:
        errors.add("scheduled_at", _("Give the date and time of the hearing."))
    elif timezone.localdate(scheduled_at) < today():
        errors.add("scheduled_at", _("A hearing cannot be arranged in the past."))
    elif timezone.localdate(scheduled_at) > today() + dt.timedelta(days=HEARING_HORIZON_DAYS):
        # Years ahead is a typing slip, not a plan; and the reminders count days from it.
        errors.add("scheduled_at", _("Arrange the hearing within a year from today."))
    appeal = None
    if kind == HearingKind.APPEAL:
        appeal = case.appeals.filter(outcome=AppealOutcome.PENDING, hearing=None).first()
        if appeal is None:
            errors.add("kind", _("There is no pending appeal to hear."))
    else:
        ensure_before_decision(case)
    errors.raise_any()
    if kind == HearingKind.HEARING:
        evaluation = assessing.evaluate(case, today(), "invite_to_hearing")
        assessing.refuse_if_blocked(evaluation, "invite_to_hearing")
        if case.stage != Stage.HEARING:
            case.move_to(Stage.HEARING)
            case.save(update_fields=["stage"])
        store_evaluation(case, evaluation, actor=actor, purpose="invite_to_hearing")
    hearing = Hearing.objects.create(
        case=case,
        kind=kind,
        scheduled_at=scheduled_at,
        place=place.strip(),
        attendees=attendees.strip(),
        companion_allowed=companion_allowed or case.jurisdiction in COMPANION_BY_RIGHT,
        agenda=agenda.strip(),
        invited_by=actor,
        invited_on=today(),
    )
    if appeal is not None:
        appeal.hearing = hearing
        appeal.save(update_fields=["hearing"])
    _invitation(hearing, actor, cancel=False)
    case_event(
        case,
        "cases.hearing_invited",
        actor=actor,
        data={
            "hearing": str(hearing.public_id),
            "kind": kind,
            "scheduled_at": scheduled_at,
            "place": hearing.place,
            "attendees": hearing.attendees,
            "companion_allowed": hearing.companion_allowed,
            "agenda": hearing.agenda,
        },
    )
    return hearing


def _invitation(hearing: Hearing, actor: User, *, cancel: bool) -> None:
    """The calendar invitation (iCalendar REQUEST, or CANCEL), sent after commit by the reminders app."""
    from django.apps import apps

    if apps.is_installed("dueprocess.reminders"):
        from dueprocess.reminders import calendar

        calendar.send_hearing_invitation(
            hearing, calendar.CANCEL if cancel else calendar.REQUEST, actor=actor
        )


def _hearing(hearing: Hearing) -> Hearing:
    return Hearing.objects.select_for_update().get(pk=hearing.pk)


@transaction.atomic
def record_hearing(
    hearing: Hearing,
    *,
    actor: User,
    held_on: dt.date,
    minutes: str,
    employee_attended: bool,
    companion: str = "",
    response_due_on: dt.date | None = None,
) -> Hearing:
    """The meeting happened: its minutes, and the day by which the employee may answer in writing."""
    require(policy.can_manage_case(actor, hearing.case), _("manage this case"))
    case = locked(hearing.case)
    hearing = _hearing(hearing)
    errors = Errors()
    if hearing.status != HearingStatus.INVITED:
        errors.add("hearing", _("This hearing is %(status)s.") % {"status": hearing.get_status_display()})
    errors.blank("minutes", minutes, _("Write the minutes of the hearing."))
    if not held_on:
        errors.add("held_on", _("Give the day the hearing was held."))
    else:
        if held_on > today():
            errors.add("held_on", _("The hearing cannot be recorded before it is held."))
        if held_on < hearing.invited_on:
            errors.add("held_on", _("The hearing cannot be held before the employee was invited."))
    due = response_due_on or (held_on + dt.timedelta(days=RESPONSE_DAYS) if held_on else None)
    if due and held_on and due < held_on:
        errors.add("response_due_on", _("The response window cannot close before the hearing."))
    errors.raise_any()
    hearing.status, hearing.held_on, hearing.minutes = HearingStatus.HELD, held_on, minutes.strip()
    hearing.employee_attended, hearing.companion, hearing.response_due_on = (
        employee_attended,
        companion.strip(),
        due,
    )
    hearing.save()
    case_event(
        case,
        "cases.hearing_held",
        actor=actor,
        data={
            "hearing": str(hearing.public_id),
            "kind": hearing.kind,
            "held_on": held_on,
            "employee_attended": employee_attended,
            "companion": hearing.companion,
            "minutes": hearing.minutes,
            "response_due_on": due,
        },
    )
    return hearing


@transaction.atomic
def cancel_hearing(hearing: Hearing, *, actor: User, reason: str) -> Hearing:
    require(policy.can_manage_case(actor, hearing.case), _("manage this case"))
    case = locked(hearing.case)
    hearing = _hearing(hearing)
    errors = Errors()
    if hearing.status != HearingStatus.INVITED:
        errors.add("hearing", _("Only a hearing not yet held can be cancelled."))
    errors.blank("reason", reason, _("Say why the hearing is cancelled."))
    errors.raise_any()
    hearing.status, hearing.cancelled_reason = HearingStatus.CANCELLED, reason.strip()
    hearing.save(update_fields=["status", "cancelled_reason"])
    _invitation(hearing, actor, cancel=True)
    case_event(
        case,
        "cases.hearing_cancelled",
        actor=actor,
        data={"hearing": str(hearing.public_id), "reason": hearing.cancelled_reason},
    )
    return hearing


def answerable_hearing(case: SeparationCase, on: dt.date) -> Hearing | None:
    """The hearing a statement answers now: one arranged and not yet held, or the latest held one
    whose response window is still open."""
    hearings = [h for h in case.hearings.all() if h.status != HearingStatus.CANCELLED]
    if not hearings:
        return None
    latest = hearings[-1]
    if latest.status == HearingStatus.INVITED or latest.window_open(on):
        return latest
    return None


@transaction.atomic
def submit_statement(
    case: SeparationCase,
    *,
    actor: User,
    text: str,
    evidence: list[tuple[str, str, bytes]] = (),  # type: ignore[assignment]
) -> EmployeeStatement:
    """The employee's written answer and evidence (``evidence``: name, content type, bytes)."""
    require(policy.can_answer_case(actor, case), _("answer this case"))
    case = locked(case)
    errors = Errors()
    errors.blank("text", text, _("Write the statement."))
    hearing = answerable_hearing(case, today())
    if not case.is_open:
        errors.add("case", _("This case is %(stage)s.") % {"stage": case.get_stage_display()})
    elif hearing is None:
        errors.add("text", _("There is no hearing to answer, or its response window has closed."))
    errors.raise_any()
    statement = EmployeeStatement.objects.create(
        case=case,
        hearing=hearing,
        text=text.strip(),
        submitted_by=actor,
        on_behalf=actor.employee_id != case.employee_id,
    )
    kept = [keep_evidence(StatementEvidence, n, t, c, statement=statement) for n, t, c in evidence]
    case_event(
        case,
        "cases.statement_submitted",
        actor=actor,
        data={
            "statement": str(statement.public_id),
            "hearing": str(hearing.public_id) if hearing else None,
            "text": statement.text,
            "on_behalf": statement.on_behalf,
            "evidence": [{"name": e.name, "sha256": e.sha256} for e in kept],
        },
        documents=[e.sha256 for e in kept],
    )
    return statement


@transaction.atomic
def lodge_appeal(case: SeparationCase, *, actor: User, lodged_on: dt.date, grounds: str) -> Appeal:
    require(policy.can_answer_case(actor, case), _("appeal in this case"))
    case = locked(case)
    errors = Errors()
    errors.blank("grounds", grounds, _("Give the grounds of the appeal."))
    if case.stage not in (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED):
        errors.add("case", _("An appeal is against a decision that has been served."))
    elif not lodged_on or lodged_on > today() or lodged_on < case.notice_served_on:
        errors.add("lodged_on", _("The appeal is lodged between the notice and today."))
    elif lodged_on > case.notice_served_on + dt.timedelta(days=APPEAL_DAYS):
        errors.add(
            "lodged_on",
            _("The appeal window closed %(days)s days after notice, on %(day)s.")
            % {"days": APPEAL_DAYS, "day": case.notice_served_on + dt.timedelta(days=APPEAL_DAYS)},
        )
    if case.appeals.filter(outcome=AppealOutcome.PENDING).exists():
        errors.add("case", _("An appeal is already pending."))
    errors.raise_any()
    appeal = Appeal.objects.create(case=case, lodged_on=lodged_on, grounds=grounds.strip())
    case_event(
        case,
        "cases.appeal_lodged",
        actor=actor,
        data={"appeal": str(appeal.public_id), "lodged_on": lodged_on, "grounds": appeal.grounds},
    )
    return appeal


@transaction.atomic
def decide_appeal(appeal: Appeal, *, actor: User, outcome: str, decided_on: dt.date, decision: str) -> Appeal:
    """ACAS Code: the appeal is heard, where possible, by someone not involved before; here, by
    nobody who approved the decision under appeal. An overturned decision ends the case."""
    require(policy.can_manage_case(actor, appeal.case), _("decide this appeal"))
    case = locked(appeal.case)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    errors = Errors()
    if appeal.outcome != AppealOutcome.PENDING:
        errors.add("appeal", _("This appeal has been decided."))
    if outcome not in (AppealOutcome.UPHELD, AppealOutcome.OVERTURNED):
        errors.add("outcome", _("Choose whether the decision is upheld or overturned."))
    errors.blank("decision", decision, _("Give the reasons for the outcome."))
    if not decided_on or decided_on > today() or decided_on < appeal.lodged_on:
        errors.add("decided_on", _("The appeal is decided between the day it was lodged and today."))
    if case.approvals.filter(approver=actor).exists():
        errors.add("case", _("You approved the decision under appeal; someone else must decide the appeal."))
    errors.raise_any()
    appeal.outcome, appeal.decided_on, appeal.decision, appeal.decided_by = (
        outcome,
        decided_on,
        decision.strip(),
        actor,
    )
    appeal.save()
    case_event(
        case,
        "cases.appeal_decided",
        actor=actor,
        data={
            "appeal": str(appeal.public_id),
            "outcome": outcome,
            "decided_on": decided_on,
            "decision": appeal.decision,
        },
    )
    if outcome == AppealOutcome.OVERTURNED:
        _reinstate(case, actor, appeal)
    return appeal


def _reinstate(case: SeparationCase, actor: User, appeal: Appeal) -> None:
    employee = case.employee
    if employee.left_on:
        employee.left_on = None
        employee.save(update_fields=["left_on"])
    case.stage, case.withdrawn_reason, case.closed_on = (
        Stage.WITHDRAWN,
        _("The decision was overturned on appeal."),
        today(),
    )
    case.save(update_fields=["stage", "withdrawn_reason", "closed_on"])
    case_event(
        case,
        "cases.withdrawn",
        actor=actor,
        data={"reason": case.withdrawn_reason, "appeal": str(appeal.public_id)},
    )


def raise_if_appeal_pending(case: SeparationCase) -> None:
    if case.appeals.filter(outcome=AppealOutcome.PENDING).exists():
        raise_on("case", _("An appeal is pending: decide it first."))
