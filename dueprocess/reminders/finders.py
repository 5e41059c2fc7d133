"""The built-in finders: check-ins and hearings tomorrow, plans ending, response windows closing,
notice periods ending, and the deadlines after the end of employment (PRC LCL art. 50, California
LC 201/202). Each yields only things still open; a thing that got done simply stops being found."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

from django.apps import apps
from django.core.exceptions import FieldError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dueprocess.cases.models import AppealOutcome, Hearing, HearingKind, HearingStatus, SeparationCase, Stage
from dueprocess.plans.models import PlanStatus, PlanVersion, ScheduledCheckIn, ScheduleStatus, VersionStatus
from dueprocess.records import reference
from dueprocess.reminders.due import DONE_CHECKS, Due, finder, window
from dueprocess.reminders.models import Kind
from dueprocess.reminders.people import account_of, hr_admins, hr_for, legal_counsel, reachable

logger = logging.getLogger(__name__)

# PRC LCL art. 50: the personnel file and the social insurance are transferred within 15 days.
FILE_TRANSFER_DAYS = 15
# Stages at which the employment is ending or has ended and the case is still open.
AFTER_NOTICE = [Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING]


def _path(name: str, public_id, fallback: str) -> str:
    try:
        return reverse(name, args=[public_id])
    except NoReverseMatch:  # the page is not there in this installation
        return fallback


def _plan_path(plan) -> str:
    return _path("plans:plan_detail", plan.public_id, f"/plans/{plan.public_id}/")


def _case_path(case) -> str:
    return _path("cases:case_detail", case.public_id, f"/cases/{case.public_id}/")


@finder
def check_ins(today: dt.date) -> Iterator[Due]:
    scheduled = ScheduledCheckIn.objects.filter(
        status=ScheduleStatus.SCHEDULED,
        plan__status=PlanStatus.ACTIVE,
        scheduled_at__date__range=window(today, Kind.CHECK_IN),
    ).select_related("plan__employee__manager", "plan__created_by", "scheduled_by")
    for item in scheduled:
        plan, employee = item.plan, item.plan.employee
        yield Due(
            kind=Kind.CHECK_IN,
            subject=reference(item),
            due_on=item.day,
            recipients=reachable(
                [item.scheduled_by, plan.created_by, account_of(employee.manager), account_of(employee)]
            ),
            escalate_to=reachable(hr_for(employee)),
            what=_("Improvement plan check-in with %(employee)s: %(when)s, %(place)s."),
            params={"employee": employee.legal_name, "when": item.scheduled_at, "place": item.place},
            chain="organisation",
            path=_plan_path(plan),
            target=item,
            employee_id=employee.pk,
            employee_path=_plan_path(plan),
            done=item.is_recorded(),
        )


@finder
def hearings(today: dt.date) -> Iterator[Due]:
    invited = Hearing.objects.filter(
        status=HearingStatus.INVITED, scheduled_at__date__range=window(today, Kind.HEARING)
    ).select_related("case__employee", "invited_by")
    for hearing in invited:
        case, employee = hearing.case, hearing.case.employee
        yield Due(
            kind=Kind.HEARING,
            subject=reference(hearing),
            due_on=timezone.localdate(hearing.scheduled_at),
            recipients=reachable([hearing.invited_by, account_of(employee)]),
            escalate_to=reachable(hr_for(employee)),
            what=_("%(kind)s with %(employee)s: %(when)s, %(place)s."),
            params={
                "kind": hearing.get_kind_display().capitalize(),
                "employee": employee.legal_name,
                "when": hearing.scheduled_at,
                "place": hearing.place,
            },
            chain=case.chain_key,
            path=_case_path(case),
            target=hearing,
            employee_id=employee.pk,
            employee_path=reverse("reminders:hearing_ics", args=[hearing.public_id]),
        )


@finder
def plans_ending(today: dt.date) -> Iterator[Due]:
    versions = PlanVersion.objects.filter(
        status=VersionStatus.PUBLISHED,
        plan__status=PlanStatus.ACTIVE,
        ends_on__range=window(today, Kind.PLAN_END),
    ).select_related("plan__employee__manager", "plan__created_by")
    for version in versions:
        plan, employee = version.plan, version.plan.employee
        yield Due(
            kind=Kind.PLAN_END,
            subject=reference(plan),
            due_on=version.ends_on,
            recipients=reachable([plan.created_by, account_of(employee.manager)]),
            escalate_to=reachable(hr_for(employee)),
            what=_(
                "The improvement plan of %(employee)s ends on %(day)s: decide its outcome (passed, "
                "extended or failed) on the evidence of the check-ins."
            ),
            params={"employee": employee.legal_name, "day": version.ends_on},
            chain="organisation",
            path=_plan_path(plan),
            target=plan,
        )


def _response_answered(hearing: Hearing) -> bool:
    """The case moved on: a decision was asked for after the hearing, or the appeal was decided."""
    if hearing.kind == HearingKind.APPEAL:
        appeal = getattr(hearing, "appeal", None)
        return appeal is None or appeal.outcome != AppealOutcome.PENDING
    return hearing.case.stage != Stage.HEARING


@finder
def response_windows(today: dt.date) -> Iterator[Due]:
    held = Hearing.objects.filter(
        status=HearingStatus.HELD,
        case__stage__in=[s for s in Stage if s not in (Stage.CLOSED, Stage.WITHDRAWN)],
        response_due_on__range=window(today, Kind.RESPONSE_WINDOW),
    ).select_related("case__employee", "invited_by")
    for hearing in held:
        case, employee = hearing.case, hearing.case.employee
        yield Due(
            kind=Kind.RESPONSE_WINDOW,
            subject=reference(hearing),
            due_on=hearing.response_due_on,
            recipients=reachable([account_of(employee), hearing.invited_by]),
            escalate_to=reachable(hr_for(employee)),
            what=_(
                "The written response to the hearing of %(employee)s held on %(held)s may be given "
                "until %(day)s."
            ),
            params={"employee": employee.legal_name, "held": hearing.held_on, "day": hearing.response_due_on},
            chain=case.chain_key,
            path=_case_path(case),
            target=hearing,
            employee_id=employee.pk,
            done=_response_answered(hearing),
        )


def _cases_ending(first: dt.date, last: dt.date, **filters) -> list[SeparationCase]:
    return list(
        SeparationCase.objects.filter(stage__in=AFTER_NOTICE, last_day__range=(first, last), **filters)
        .select_related("employee")
        .order_by("pk")
    )


def _case_due(case: SeparationCase, kind: str, due_on: dt.date, what, escalate_to) -> Due:
    return Due(
        kind=kind,
        subject=reference(case),
        due_on=due_on,
        recipients=reachable(hr_for(case.employee)),
        escalate_to=reachable(escalate_to),
        what=what,
        params={"employee": case.employee.legal_name, "day": due_on},
        chain=case.chain_key,
        path=_case_path(case),
        target=case,
    )


@finder
def notice_periods(today: dt.date) -> Iterator[Due]:
    first, last = window(today, Kind.NOTICE_END)
    for case in _cases_ending(first, last, stage=Stage.NOTICE_SERVED):
        what = _("The notice period of %(employee)s ends on %(day)s: record the end of the employment.")
        yield _case_due(case, Kind.NOTICE_END, case.last_day, what, hr_admins())


@finder
def termination_certificates(today: dt.date) -> Iterator[Due]:
    """PRC LCL art. 50: the certificate is issued when the employment ends."""
    first, last = window(today, Kind.CERTIFICATE)
    for case in _cases_ending(first, last, jurisdiction="CN"):
        what = _(
            "Issue the termination certificate to %(employee)s by %(day)s, the last day of employment "
            "(PRC LCL art. 50)."
        )
        yield _case_due(case, Kind.CERTIFICATE, case.last_day, what, hr_admins())


@finder
def file_transfers(today: dt.date) -> Iterator[Due]:
    """PRC LCL art. 50: the personnel file and social insurance are transferred within 15 days."""
    first, last = window(today, Kind.FILE_TRANSFER)
    days = dt.timedelta(days=FILE_TRANSFER_DAYS)
    for case in _cases_ending(first - days, last - days, jurisdiction="CN"):
        what = _(
            "Transfer the personnel file and the social insurance of %(employee)s by %(day)s (PRC LCL "
            "art. 50: within 15 days of the end of the employment)."
        )
        yield _case_due(case, Kind.FILE_TRANSFER, case.last_day + days, what, hr_admins())


def final_pay_due_on(case: SeparationCase) -> dt.date:
    """From the assessment the notice was served on (LC 201: on the last day for a discharge; LC 202:
    up to 72 hours after a quit); the last day if no assessment names it."""
    assessment = case.latest_assessment
    for deadline in (assessment.result or {}).get("deadlines", []) if assessment else []:
        if deadline.get("article") in ("LC 201", "LC 202"):
            return dt.date.fromisoformat(deadline["due_on"])
    return case.last_day


@finder
def final_pay(today: dt.date) -> Iterator[Due]:
    first, last = window(today, Kind.FINAL_PAY)
    for case in _cases_ending(first - dt.timedelta(days=3), last, jurisdiction="US-CA"):
        due_on = final_pay_due_on(case)
        if first <= due_on <= last:
            what = _("Pay all final wages to %(employee)s by %(day)s (California LC 201, 202).")
            yield _case_due(case, Kind.FINAL_PAY, due_on, what, hr_admins() + legal_counsel())


def certificate_issued(due: Due) -> bool:
    """A termination certificate letter for the case, when the letters app is installed. Without it
    only closing the case (which the offboarding checks guard) ends the reminders."""
    if not apps.is_installed("dueprocess.letters"):
        return False
    try:
        letter = apps.get_model("letters", "Letter")
        letters = letter.objects.filter(case=due.target, kind="termination_certificate")
        names = {f.name for f in letter._meta.get_fields()}
        if "issued_at" in names:
            letters = letters.filter(issued_at__isnull=False)
        elif "status" in names:
            letters = letters.exclude(status="draft")
        return letters.exists()
    except (LookupError, FieldError):
        logger.warning("letters.Letter has no case and kind to look for a certificate by.")
        return False


if certificate_issued not in DONE_CHECKS[Kind.CERTIFICATE]:
    DONE_CHECKS[Kind.CERTIFICATE].append(certificate_issued)
