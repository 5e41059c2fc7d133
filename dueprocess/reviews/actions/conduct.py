"""Conduct: report an incident, investigate it, warn, and hear the employee's own account."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.records import record_event
from dueprocess.reviews.actions._common import Errors, in_order, keep_evidence, require, today
from dueprocess.reviews.models import (
    Conclusion,
    Explanation,
    Incident,
    IncidentEvidence,
    Interview,
    Investigation,
    Warning,
    WarningLevel,
)

EvidenceFile = tuple[str, str, bytes]  # file name, content type, content


@transaction.atomic
def report_incident(
    *,
    actor: User,
    employee: Employee,
    occurred_on: dt.date,
    summary: str,
    description: str,
    reported_on: dt.date | None = None,
    reported_by: Employee | None = None,
    reporter_other: str = "",
    witnesses: Iterable[Employee] = (),
    witnesses_other: str = "",
    evidence: Iterable[EvidenceFile] = (),
) -> Incident:
    require(policy.can_report_incident(actor, employee), _("report an incident about this employee"))
    reported_on = reported_on or today()
    errors = Errors()
    errors.blank("summary", summary, _("Give the incident a one-line summary."))
    errors.blank("description", description, _("Describe what happened."))
    in_order(
        errors,
        occurred_on,
        reported_on,
        "reported_on",
        _("An incident cannot be reported before it happened."),
    )
    if occurred_on > today():
        errors.add("occurred_on", _("The date of the incident cannot be in the future."))
    if reported_by is None and not reporter_other.strip():
        errors.add("reported_by", _("Say who reported the incident."))
    errors.raise_any()
    incident = Incident.objects.create(
        employee=employee,
        occurred_on=occurred_on,
        reported_on=reported_on,
        summary=summary.strip(),
        description=description.strip(),
        reported_by=reported_by,
        reporter_other=reporter_other.strip(),
        witnesses_other=witnesses_other.strip(),
        recorded_by=actor,
    )
    incident.witnesses.set(witnesses)
    files = [keep_evidence(IncidentEvidence, *item, incident=incident) for item in evidence]
    record_event(
        incident,
        "reviews.incident_reported",
        actor=actor,
        data={
            "incident": str(incident.public_id),
            "employee": employee.number,
            "occurred_on": str(occurred_on),
            "reported_on": str(reported_on),
            "summary": incident.summary,
            "description": incident.description,
            "reported_by": reported_by.number if reported_by else incident.reporter_other,
            "witnesses": sorted(w.number for w in incident.witnesses.all()),
            "evidence": [{"name": f.name, "sha256": f.sha256} for f in files],
        },
        documents=[f.sha256 for f in files],
    )
    return incident


@transaction.atomic
def open_investigation(incident: Incident, *, actor: User, opened_on: dt.date | None = None) -> Investigation:
    require(policy.can_handle_conduct(actor, incident.employee), _("investigate this incident"))
    opened_on = opened_on or today()
    errors = Errors()
    in_order(
        errors,
        incident.occurred_on,
        opened_on,
        "opened_on",
        _("An investigation cannot open before the incident happened."),
    )
    if Investigation.objects.filter(incident=incident).exists():
        errors.add("incident", _("This incident is already being investigated."))
    errors.raise_any()
    investigation = Investigation.objects.create(incident=incident, investigator=actor, opened_on=opened_on)
    record_event(
        investigation,
        "reviews.investigation_opened",
        actor=actor,
        data={
            "investigation": str(investigation.public_id),
            "incident": str(incident.public_id),
            "opened_on": str(opened_on),
        },
    )
    return investigation


def _locked_investigation(pk: int) -> Investigation:
    return Investigation.objects.select_for_update().select_related("incident__employee").get(pk=pk)


@transaction.atomic
def record_interview(
    investigation: Investigation,
    *,
    actor: User,
    held_on: dt.date,
    interviewers: str,
    notes: str,
    interviewee: Employee | None = None,
    interviewee_other: str = "",
) -> Interview:
    require(policy.can_handle_conduct(actor, investigation.employee), _("investigate this incident"))
    investigation = _locked_investigation(investigation.pk)
    investigation.ensure_open()
    errors = Errors()
    in_order(
        errors,
        investigation.opened_on,
        held_on,
        "held_on",
        _("An interview cannot come before the investigation opened."),
    )
    if held_on > today():
        errors.add("held_on", _("Record an interview once it has taken place."))
    if interviewee is None and not interviewee_other.strip():
        errors.add("interviewee", _("Say who was interviewed."))
    errors.blank("interviewers", interviewers, _("Say who held the interview."))
    errors.blank("notes", notes, _("Write the interview notes."))
    errors.raise_any()
    interview = Interview.objects.create(
        investigation=investigation,
        held_on=held_on,
        interviewee=interviewee,
        interviewee_other=interviewee_other.strip(),
        interviewers=interviewers.strip(),
        notes=notes.strip(),
    )
    record_event(
        investigation,
        "reviews.interview_recorded",
        actor=actor,
        data={
            "investigation": str(investigation.public_id),
            "held_on": str(held_on),
            "interviewee": interviewee.number if interviewee else interviewee_other,
            "notes": interview.notes,
        },
    )
    return interview


@transaction.atomic
def conclude_investigation(
    investigation: Investigation,
    *,
    actor: User,
    conclusion: str,
    findings: str,
    concluded_on: dt.date | None = None,
) -> Investigation:
    require(policy.can_handle_conduct(actor, investigation.employee), _("investigate this incident"))
    investigation = _locked_investigation(investigation.pk)
    investigation.ensure_open()
    concluded_on = concluded_on or today()
    errors = Errors()
    if conclusion not in Conclusion.values:
        errors.add("conclusion", _("Choose substantiated or not substantiated."))
    errors.blank("findings", findings, _("Write the findings."))
    in_order(
        errors,
        investigation.opened_on,
        concluded_on,
        "concluded_on",
        _("An investigation cannot conclude before it opened."),
    )
    if not investigation.explanations.exists():
        # The employee is heard before any finding is made about them.
        errors.add(
            "explanation", _("Record the employee's written explanation (or that they declined) first.")
        )
    errors.raise_any()
    investigation.conclude(conclusion=conclusion, findings=findings.strip(), on=concluded_on)
    investigation.save(update_fields=["status", "conclusion", "findings", "concluded_on"])
    record_event(
        investigation,
        "reviews.investigation_concluded",
        actor=actor,
        data={
            "investigation": str(investigation.public_id),
            "conclusion": conclusion,
            "findings": investigation.findings,
            "concluded_on": str(concluded_on),
        },
    )
    return investigation


def _warning_errors(employee, level, issued_on, expires_on, reason, investigation) -> Errors:
    errors = Errors()
    if level not in WarningLevel.values:
        errors.add("level", _("Choose verbal, written or final."))
    errors.blank("reason", reason, _("Give the reason for the warning."))
    if expires_on <= issued_on:
        errors.add("expires_on", _("A warning must expire after the day it is issued."))
    if issued_on > today():
        errors.add("issued_on", _("A warning cannot be issued in the future."))
    if investigation is not None:
        if investigation.employee.pk != employee.pk:
            errors.add("investigation", _("That investigation concerns someone else."))
        elif investigation.conclusion != Conclusion.SUBSTANTIATED:
            errors.add(
                "investigation", _("Only a concluded, substantiated investigation can ground a warning.")
            )
    return errors


@transaction.atomic
def issue_warning(
    *,
    actor: User,
    employee: Employee,
    level: str,
    issued_on: dt.date,
    expires_on: dt.date,
    reason: str,
    expectations: str = "",
    investigation: Investigation | None = None,
) -> Warning:
    require(policy.can_handle_conduct(actor, employee), _("warn this employee"))
    if investigation is not None:  # judge it as it stands now, not as the caller last saw it
        investigation = Investigation.objects.select_related("incident__employee").get(pk=investigation.pk)
    _warning_errors(employee, level, issued_on, expires_on, reason, investigation).raise_any()
    warning = Warning.objects.create(
        employee=employee,
        level=level,
        issued_on=issued_on,
        expires_on=expires_on,
        reason=reason.strip(),
        expectations=expectations.strip(),
        investigation=investigation,
        issued_by=actor,
    )
    record_event(
        warning,
        "reviews.warning_issued",
        actor=actor,
        data={
            "warning": str(warning.public_id),
            "employee": employee.number,
            "level": level,
            "issued_on": str(issued_on),
            "expires_on": str(expires_on),
            "reason": warning.reason,
            "investigation": str(investigation.public_id) if investigation else None,
        },
    )
    return warning


@transaction.atomic
def record_explanation(
    *,
    actor: User,
    text: str,
    investigation: Investigation | None = None,
    warning: Warning | None = None,
    written_on: dt.date | None = None,
    declined: bool = False,
) -> Explanation:
    """The employee's written account. ``declined``: HR records that the employee was asked and chose
    not to write one (only HR or legal may say so; the employee simply writes)."""
    if (investigation is None) == (warning is None):
        raise ValueError("An explanation answers exactly one investigation or one warning.")
    employee = investigation.employee if investigation else warning.employee  # type: ignore[union-attr]
    require(policy.can_record_explanation(actor, employee), _("record this explanation"))
    written_on = written_on or today()
    errors = Errors()
    if declined and not policy.can_handle_conduct(actor, employee):
        errors.add("declined", _("Only HR or legal record that an explanation was declined."))
    if not declined:
        errors.blank("text", text, _("Write the explanation."))
    if investigation is not None and investigation.status != "open":
        errors.add("investigation", _("This investigation has been concluded and is locked."))
    if written_on > today():
        errors.add("written_on", _("The date written cannot be in the future."))
    errors.raise_any()
    explanation = Explanation.objects.create(
        investigation=investigation,
        warning=warning,
        text=text.strip(),
        declined=declined,
        written_on=written_on,
        recorded_by=actor,
    )
    subject = investigation or warning
    record_event(
        subject,
        "reviews.explanation_recorded",
        actor=actor,
        data={
            "explanation": str(explanation.public_id),
            "about": str(subject.public_id),  # type: ignore[union-attr]
            "declined": declined,
            "text": explanation.text,
            "written_on": str(written_on),
            "by_employee": actor.employee_id == employee.pk,
        },
    )
    return explanation
