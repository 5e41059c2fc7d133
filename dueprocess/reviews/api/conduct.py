"""Conduct: incidents, investigations and warnings as policy lets the caller see them; report an
incident (with evidence files, as on the page), issue a warning, record the employee's explanation,
through the same actions as the pages; an incident's evidence handed back as the incident page does."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import Line, Prose, one, paginated, reads, writes
from dueprocess.api.files import DOWNLOAD_OPENAPI, DOWNLOAD_RESPONSES, Sha256, checked
from dueprocess.people.models import Employee
from dueprocess.records.downloads import hand_out
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import Errors, require
from dueprocess.reviews.api.schemas import (
    ExplanationOut,
    IncidentDetail,
    IncidentOut,
    InterviewOut,
    InvestigationDetail,
    InvestigationOut,
    WarningDetail,
    WarningOut,
)
from dueprocess.reviews.forms.fields import evidence_problems, evidence_type
from dueprocess.reviews.models import Conclusion, Incident, Investigation, Warning, WarningLevel

router = Router()


class ConductFilters(Schema):
    employee: uuid.UUID | None = Field(None, description="Only what concerns this employee.")


class ReportIncidentIn(Schema):
    employee: uuid.UUID = Field(description="The employee concerned.")
    occurred_on: dt.date
    reported_on: dt.date | None = Field(None, description="Today when left out.")
    summary: Line
    description: Prose
    reported_by: uuid.UUID | None = Field(None, description="The employee who reported it ...")
    reporter_other: Line = Field("", description="... or someone outside the organisation.")
    witnesses: list[uuid.UUID] = Field(default_factory=list, max_length=100)
    witnesses_other: Prose = ""


class IssueWarningIn(Schema):
    employee: uuid.UUID
    level: WarningLevel
    issued_on: dt.date
    expires_on: dt.date
    reason: Prose
    expectations: Prose = ""
    investigation: uuid.UUID | None = Field(None, description="The substantiated investigation it rests on.")


class OpenInvestigationIn(Schema):
    opened_on: dt.date | None = Field(None, description="Today when left out.")


class InterviewIn(Schema):
    held_on: dt.date
    interviewers: Line = Field(description="Who held the interview.")
    notes: Prose
    interviewee: uuid.UUID | None = Field(None, description="The employee interviewed ...")
    interviewee_other: Line = Field("", description="... or someone outside the organisation.")


class ConclusionIn(Schema):
    conclusion: Conclusion
    findings: Prose
    concluded_on: dt.date | None = Field(None, description="Today when left out.")


class ExplanationIn(Schema):
    text: Prose = ""
    declined: bool = Field(False, description="HR or legal record that the employee declined to give one.")
    written_on: dt.date | None = Field(None, description="Today when left out.")


def _employees(request: HttpRequest, field: str, ids: list[uuid.UUID], errors: Errors) -> list[Employee]:
    """Employees named in the input, among those the caller may see; anyone else is a field error."""
    found = {e.public_id: e for e in policy.employees_visible_to(request.user).filter(public_id__in=ids)}
    if set(ids) - set(found):
        errors.add(field, _("No employee you can see has this identifier."))
    return [found[i] for i in ids if i in found]


def _filtered(queryset, path: str, filters: ConductFilters):
    return queryset.filter(**{f"{path}__public_id": filters.employee}) if filters.employee else queryset


def _incidents(request: HttpRequest):
    return Incident.objects.visible_to(request.user).select_related("employee", "investigation")


def _incident(request: HttpRequest, public_id: uuid.UUID) -> Incident:
    related = _incidents(request).select_related("reported_by")
    return one(related.prefetch_related("witnesses", "evidence"), public_id)


def _incident_evidence(upload) -> str:
    """The incident page's rule (reviews.forms.fields.EvidenceFilesField): documents and pictures, each
    within the size limit and its content matching its name."""
    problems = evidence_problems(upload)
    if problems:
        raise ValidationError(problems)
    return evidence_type(upload.name)


def _report(request: HttpRequest, payload: ReportIncidentIn, files: list | None = None) -> Status:
    """Policy first, so that a refusal reads as one whatever the input; then the people named, the
    files, and the action, which writes the incident, its evidence and the event together."""
    user, errors = request.user, Errors()
    require(policy.can_report_incidents(user), _("report an incident about this employee"))
    employee = _employees(request, "employee", [payload.employee], errors)
    reported_by = _employees(
        request, "reported_by", [payload.reported_by] if payload.reported_by else [], errors
    )
    witnesses = _employees(request, "witnesses", payload.witnesses, errors)
    errors.raise_any()
    require(policy.can_report_incident(user, employee[0]), _("report an incident about this employee"))
    evidence = checked("evidence", files, _incident_evidence)
    fields = payload.model_dump(exclude={"employee", "reported_by", "witnesses"})
    incident = actions.report_incident(
        actor=user,
        employee=employee[0],
        reported_by=(reported_by or [None])[0],
        witnesses=witnesses,
        evidence=evidence,
        **fields,
    )
    return Status(201, _incident(request, incident.public_id))


@router.post("/incidents", response=writes(IncidentDetail, 201))
def incident_report(request: HttpRequest, payload: ReportIncidentIn):
    """Report an incident (evidence files: POST /incidents/with-evidence)."""
    return _report(request, payload)


# Before GET /incidents/{public_id} (URLs match in the order they are added): "with-evidence" would
# reach that route, and be answered 405.
@router.post("/incidents/with-evidence", response=writes(IncidentDetail, 201))
def incident_report_with_evidence(
    request: HttpRequest,
    payload: Form[ReportIncidentIn],
    evidence: File[list[UploadedFile]] = None,
):
    """Report an incident with its evidence, as the incident page does: multipart/form-data, the fields
    of POST /incidents as form fields (a witness per `witnesses` field) and up to 10 files under
    `evidence`: documents and pictures (PDF, Word, spreadsheets, text, e-mail, JPEG, PNG, …), each
    20 MB at most, its content matching its name. A file refused is a 422 under `evidence` naming it,
    and nothing is written."""
    return _report(request, payload, evidence)


@router.get("/incidents", response=reads(list[IncidentOut]))
@paginated
def incident_list(request: HttpRequest, filters: Query[ConductFilters]):
    return _filtered(_incidents(request), "employee", filters).order_by("-occurred_on", "-pk")


@router.get("/incidents/{public_id}", response=reads(IncidentDetail))
def incident_detail(request: HttpRequest, public_id: uuid.UUID):
    return _incident(request, public_id)


@router.get(
    "/incidents/{public_id}/evidence/{sha256}", response=DOWNLOAD_RESPONSES, openapi_extra=DOWNLOAD_OPENAPI
)
def incident_evidence(request: HttpRequest, public_id: uuid.UUID, sha256: Sha256):
    """One of the incident's evidence files, by the SHA-256 its detail lists, for those who may read the
    incident file; each download is written to the read log."""
    incident = _incident(request, public_id)
    if not policy.can_view_evidence(request.user, incident):
        raise Http404
    evidence = incident.evidence.filter(sha256=sha256).first()
    if evidence is None:
        raise Http404
    return hand_out(request, evidence, about=incident)


def _investigations(request: HttpRequest):
    return Investigation.objects.visible_to(request.user).select_related("incident__employee")


def _investigation(request: HttpRequest, public_id: uuid.UUID) -> Investigation:
    return one(
        _investigations(request).prefetch_related("interviews__interviewee", "explanations"), public_id
    )


@router.get("/investigations", response=reads(list[InvestigationOut]))
@paginated
def investigation_list(request: HttpRequest, filters: Query[ConductFilters]):
    return _filtered(_investigations(request), "incident__employee", filters).order_by("-opened_on", "-pk")


@router.get("/investigations/{public_id}", response=reads(InvestigationDetail))
def investigation_detail(request: HttpRequest, public_id: uuid.UUID):
    return _investigation(request, public_id)


@router.post("/incidents/{public_id}/investigation", response=writes(InvestigationDetail, 201))
def investigation_open(request: HttpRequest, public_id: uuid.UUID, payload: OpenInvestigationIn):
    investigation = actions.open_investigation(
        _incident(request, public_id), actor=request.user, opened_on=payload.opened_on
    )
    return Status(201, _investigation(request, investigation.public_id))


@router.post("/investigations/{public_id}/interviews", response=writes(InterviewOut, 201))
def investigation_interview(request: HttpRequest, public_id: uuid.UUID, payload: InterviewIn):
    investigation, errors = _investigation(request, public_id), Errors()
    named = [payload.interviewee] if payload.interviewee else []
    interviewee = (_employees(request, "interviewee", named, errors) or [None])[0]
    errors.raise_any()
    fields = payload.model_dump(exclude={"interviewee"})
    interview = actions.record_interview(investigation, actor=request.user, interviewee=interviewee, **fields)
    return Status(201, interview)


@router.post("/investigations/{public_id}/conclusion", response=writes(InvestigationDetail))
def investigation_conclude(request: HttpRequest, public_id: uuid.UUID, payload: ConclusionIn):
    """Substantiated or not, with the findings; only once the employee has been heard."""
    actions.conclude_investigation(
        _investigation(request, public_id), actor=request.user, **payload.model_dump()
    )
    return _investigation(request, public_id)


@router.post("/investigations/{public_id}/explanations", response=writes(ExplanationOut, 201))
def investigation_explain(request: HttpRequest, public_id: uuid.UUID, payload: ExplanationIn):
    """The employee's written account, or (HR, legal) that they declined to give one."""
    # The employee never reads the file, but reaches an open investigation about them to answer it,
    # as on the pages (reviews.views.investigations.explanation_create).
    investigation = one(_investigations(request) | policy.investigations_to_explain(request.user), public_id)
    return Status(
        201,
        actions.record_explanation(actor=request.user, investigation=investigation, **payload.model_dump()),
    )


def _warnings(request: HttpRequest):
    return Warning.objects.visible_to(request.user).select_related("employee")


def _warning(request: HttpRequest, public_id: uuid.UUID) -> Warning:
    warning = one(
        _warnings(request).select_related("investigation").prefetch_related("explanations"), public_id
    )
    # The employee sees every warning given to them, not the investigation file behind it.
    visible = _investigations(request).filter(pk=warning.investigation_id)
    warning.api_reveal = warning.investigation_id is None or visible.exists()
    return warning


@router.get("/warnings", response=reads(list[WarningOut]))
@paginated
def warning_list(request: HttpRequest, filters: Query[ConductFilters]):
    return _filtered(_warnings(request), "employee", filters).order_by("-issued_on", "-pk")


@router.get("/warnings/{public_id}", response=reads(WarningDetail))
def warning_detail(request: HttpRequest, public_id: uuid.UUID):
    return _warning(request, public_id)


@router.post("/warnings", response=writes(WarningDetail, 201))
def warning_issue(request: HttpRequest, payload: IssueWarningIn):
    errors = Errors()
    employee = _employees(request, "employee", [payload.employee], errors)
    investigation = None
    if payload.investigation is not None:
        investigation = _investigations(request).filter(public_id=payload.investigation).first()
        if investigation is None:
            errors.add("investigation", _("No investigation you can see has this identifier."))
    errors.raise_any()
    fields = payload.model_dump(exclude={"employee", "investigation"})
    warning = actions.issue_warning(
        actor=request.user, employee=employee[0], investigation=investigation, **fields
    )
    return Status(201, _warning(request, warning.public_id))


@router.post("/warnings/{public_id}/explanations", response=writes(ExplanationOut, 201))
def warning_explain(request: HttpRequest, public_id: uuid.UUID, payload: ExplanationIn):
    """The employee's written answer to a warning they were given."""
    warning = _warning(request, public_id)
    return Status(
        201, actions.record_explanation(actor=request.user, warning=warning, **payload.model_dump())
    )
