"""The cases API: separation cases and layoffs as policy lets the caller see them, and every step of
a case through the same actions as the case page; the employee's statement with its evidence files,
as on the case page and in the portal, and those files handed back as the case page and the portal
hand them out."""

import uuid

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, UploadedFile
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import one, paginated, reads, writes
from dueprocess.api.files import DOWNLOAD_OPENAPI, DOWNLOAD_RESPONSES, Sha256, by_kind, checked
from dueprocess.cases import actions, assessing
from dueprocess.cases import forms as case_forms
from dueprocess.cases.actions._base import today
from dueprocess.cases.api.schemas import (
    AppealDecisionIn,
    AppealIn,
    AppealOut,
    ApprovalIn,
    AssessmentOut,
    CaseDetail,
    CaseEvidenceIn,
    CaseOut,
    HearingOut,
    HearingRecordIn,
    InviteIn,
    LayoffDetail,
    LayoffIn,
    LayoffOut,
    LayoffStepsIn,
    OpenCaseIn,
    OverrideIn,
    ReasonIn,
    ServeIn,
    StatementIn,
    StatementOut,
    TerminationIn,
    TimelineEntryOut,
    UnionAnswerIn,
    UnionNoticeIn,
    UnionNoticeOut,
    UnionReplyIn,
)
from dueprocess.cases.models import Appeal, Hearing, Layoff, SeparationCase, Stage, UnionNotice
from dueprocess.cases.timeline import timeline
from dueprocess.cases.views import resolve_evidence
from dueprocess.cases.views_files import statement_file
from dueprocess.records.downloads import hand_out
from dueprocess.reviews.actions._common import Errors, require

router = Router()


class CaseFilters(Schema):
    stage: Stage | None = None
    employee: uuid.UUID | None = None
    jurisdiction: str | None = None
    open: bool | None = None


def _cases(request: HttpRequest):
    return SeparationCase.objects.visible_to(request.user).select_related("employee", "layoff")


def _case(request: HttpRequest, public_id: uuid.UUID) -> SeparationCase:
    case = one(
        _cases(request).prefetch_related(
            "evidence__review",
            "evidence__incident",
            "evidence__investigation",
            "evidence__warning",
            "evidence__plan",
            "hearings",
            Prefetch("statements__hearing"),
            "statements__evidence",
            "union_notices",
            "approvals__approver",
            "approvals__assessment",
            "overrides",
            "appeals",
        ),
        public_id,
    )
    case.api_reveal = policy.can_view_sensitive(request.user, case.employee)
    _reveal_statement_files(request, case, case.statements.all())
    return case


def _reveal_statement_files(request: HttpRequest, case: SeparationCase, statements) -> None:
    """Mark which statements may list their files for this reader (StatementOut)."""
    if not statements:
        return
    reads_files = policy.can_read_case_evidence(request.user, case)
    for statement in statements:
        statement.api_reveal = reads_files


@router.get("/cases", response=reads(list[CaseOut]))
@paginated
def case_list(request: HttpRequest, filters: Query[CaseFilters]):
    cases = _cases(request)
    if filters.stage:
        cases = cases.filter(stage=filters.stage)
    if filters.employee:
        cases = cases.filter(employee__public_id=filters.employee)
    if filters.jurisdiction:
        cases = cases.filter(jurisdiction=filters.jurisdiction)
    if filters.open is not None:
        cases = cases.open() if filters.open else cases.exclude(pk__in=SeparationCase.objects.open())
    return cases.order_by("-opened_at", "-pk")


@router.get("/cases/{public_id}", response=reads(CaseDetail))
def case_detail(request: HttpRequest, public_id: uuid.UUID):
    return _case(request, public_id)


@router.get("/cases/{public_id}/assessment", response=reads(AssessmentOut, 403))
def case_assessment(request: HttpRequest, public_id: uuid.UUID):
    """What the law says now, on the planned dates: for those who may see the employee's wages."""
    case = _case(request, public_id)
    require(case.api_reveal, _("see this employee's figures"))
    evaluation = assessing.evaluate(case, today())
    return {
        "lawful": evaluation.lawful,
        "findings": [f.__dict__ for f in evaluation.findings],
        "result": evaluation.result,
    }


@router.get("/cases/{public_id}/timeline", response=reads(list[TimelineEntryOut]))
def case_timeline(request: HttpRequest, public_id: uuid.UUID):
    case = _case(request, public_id)
    return [entry.__dict__ for entry in timeline(case, request.user)]


@router.post("/cases", response=writes(CaseDetail, 201))
def case_open(request: HttpRequest, payload: OpenCaseIn):
    employee = policy.employees_visible_to(request.user).filter(public_id=payload.employee).first()
    if employee is None:
        errors = Errors()
        errors.add("employee", _("No employee you can see has this identifier."))
        errors.raise_any()
    case = actions.open_case(
        actor=request.user,
        employee=employee,
        ground=payload.ground,
        summary=payload.summary,
        renewal_offered=payload.renewal_offered,
    )
    return Status(201, _case(request, case.public_id))


def _move(request: HttpRequest, public_id: uuid.UUID, call) -> SeparationCase:
    call(_case(request, public_id))
    return _case(request, public_id)


@router.post("/cases/{public_id}/evidence", response=writes(CaseDetail))
def case_link_evidence(request: HttpRequest, public_id: uuid.UUID, payload: CaseEvidenceIn):
    if payload.kind not in ("review", "incident", "investigation", "warning", "plan"):
        errors = Errors()
        errors.add("kind", _("Choose review, incident, investigation, warning or plan."))
        errors.raise_any()
    try:
        target = resolve_evidence(f"{payload.kind}:{payload.record}")
    except ObjectDoesNotExist:  # a missing record of any kind is the same answer
        raise Http404 from None
    return _move(
        request, public_id, lambda c: actions.link_evidence(c, target, actor=request.user, note=payload.note)
    )


@router.post("/cases/{public_id}/start-gathering", response=writes(CaseDetail))
def case_start_gathering(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.start_gathering(c, actor=request.user))


@router.post("/cases/{public_id}/termination", response=writes(CaseDetail))
def case_plan_termination(request: HttpRequest, public_id: uuid.UUID, payload: TerminationIn):
    return _move(
        request, public_id, lambda c: actions.plan_termination(c, actor=request.user, **payload.dict())
    )


@router.post("/cases/{public_id}/assessments", response=writes(CaseDetail))
def case_record_assessment(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.assess_case(c, actor=request.user))


@router.post("/cases/{public_id}/overrides", response=writes(CaseDetail))
def case_override(request: HttpRequest, public_id: uuid.UUID, payload: OverrideIn):
    """Legal counsel proceeds despite one finding, with a written justification."""
    return _move(
        request, public_id, lambda c: actions.override_finding(c, actor=request.user, **payload.dict())
    )


@router.post("/cases/{public_id}/hearings", response=writes(HearingOut, 201))
def case_invite(request: HttpRequest, public_id: uuid.UUID, payload: InviteIn):
    hearing = actions.invite_to_hearing(_case(request, public_id), actor=request.user, **payload.dict())
    return Status(201, hearing)


def _hearing(request: HttpRequest, public_id: uuid.UUID, hearing_id: uuid.UUID) -> Hearing:
    case = _case(request, public_id)
    return one(Hearing.objects.filter(case=case).select_related("case__employee"), hearing_id)


@router.post("/cases/{public_id}/hearings/{hearing_id}/record", response=writes(HearingOut))
def case_record_hearing(
    request: HttpRequest, public_id: uuid.UUID, hearing_id: uuid.UUID, payload: HearingRecordIn
):
    return actions.record_hearing(
        _hearing(request, public_id, hearing_id), actor=request.user, **payload.dict()
    )


@router.post("/cases/{public_id}/hearings/{hearing_id}/cancel", response=writes(HearingOut))
def case_cancel_hearing(request: HttpRequest, public_id: uuid.UUID, hearing_id: uuid.UUID, payload: ReasonIn):
    return actions.cancel_hearing(
        _hearing(request, public_id, hearing_id), actor=request.user, reason=payload.reason
    )


def _answer(request: HttpRequest, public_id: uuid.UUID, payload: StatementIn, files: list | None = None):
    case = _case_for_answer(request, public_id)
    # The case page's evidence field and its label (the portal checks by the same lib.uploads rule).
    evidence = checked("evidence", files, by_kind(case_forms.StatementForm.base_fields["files"].label))
    statement = actions.submit_statement(case, actor=request.user, text=payload.text, evidence=evidence)
    _reveal_statement_files(request, case, [statement])
    return Status(201, statement)


@router.post("/cases/{public_id}/statements", response=writes(StatementOut, 201))
def case_statement(request: HttpRequest, public_id: uuid.UUID, payload: StatementIn):
    """The employee's written answer (with evidence files: POST .../statements/with-evidence)."""
    return _answer(request, public_id, payload)


@router.post("/cases/{public_id}/statements/with-evidence", response=writes(StatementOut, 201))
def case_statement_with_evidence(
    request: HttpRequest,
    public_id: uuid.UUID,
    payload: Form[StatementIn],
    evidence: File[list[UploadedFile]] = None,
):
    """The employee's written answer with their evidence, as in the portal (or entered by HR, as on the
    case page): multipart/form-data, `text` and up to 10 files under `evidence` (PDF, Word, Excel,
    text, e-mail, images or audio, each within the size limit, its content matching its name). A file
    refused is a 422 under `evidence` naming it, and nothing is written."""
    return _answer(request, public_id, payload, evidence)


@router.get(
    "/cases/{public_id}/statements/{statement_id}/evidence/{sha256}",
    response=DOWNLOAD_RESPONSES,
    openapi_extra=DOWNLOAD_OPENAPI,
)
def case_statement_evidence(
    request: HttpRequest, public_id: uuid.UUID, statement_id: uuid.UUID, sha256: Sha256
):
    """A file handed in with a statement, by the SHA-256 the statement lists, as the case page and the
    portal hand it out: to HR in scope, legal counsel and the auditor, who decide the case or check
    it, and to the employee on a case shared with them (not to the line manager: see
    `policy.can_read_case_evidence`). Each download is written to the read log."""
    stored = statement_file(request.user, public_id, statement_id, sha256)
    if stored is None:
        raise Http404
    return hand_out(request, stored, about=stored.statement.case)


def _case_for_answer(request: HttpRequest, public_id: uuid.UUID) -> SeparationCase:
    # The employee answers their own case, which the case list does not show them.
    case = SeparationCase.objects.select_related("employee").filter(public_id=public_id).first()
    if case is None or not policy.can_answer_case(request.user, case):
        raise Http404
    if request.user.employee_id == case.employee_id and not policy.case_shared_with(request.user, case):
        # Until the case is shared with him (a hearing invitation or the notice), it does not exist
        # for the employee, here as in his portal.
        raise Http404
    return case


@router.post("/cases/{public_id}/union-notices", response=writes(UnionNoticeOut, 201))
def case_notify_union(request: HttpRequest, public_id: uuid.UUID, payload: UnionNoticeIn):
    return Status(201, actions.notify_union(_case(request, public_id), actor=request.user, **payload.dict()))


def _notice(request: HttpRequest, public_id: uuid.UUID, notice_id: uuid.UUID) -> UnionNotice:
    case = _case(request, public_id)
    return one(UnionNotice.objects.filter(case=case).select_related("case__employee"), notice_id)


@router.post("/cases/{public_id}/union-notices/{notice_id}/reply", response=writes(UnionNoticeOut))
def case_union_reply(request: HttpRequest, public_id: uuid.UUID, notice_id: uuid.UUID, payload: UnionReplyIn):
    return actions.record_union_reply(
        _notice(request, public_id, notice_id), actor=request.user, **payload.dict()
    )


@router.post("/cases/{public_id}/union-notices/{notice_id}/answer", response=writes(UnionNoticeOut))
def case_union_answer(
    request: HttpRequest, public_id: uuid.UUID, notice_id: uuid.UUID, payload: UnionAnswerIn
):
    return actions.answer_union(_notice(request, public_id, notice_id), actor=request.user, **payload.dict())


@router.post("/cases/{public_id}/request-decision", response=writes(CaseDetail))
def case_request_decision(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.request_decision(c, actor=request.user))


@router.post("/cases/{public_id}/approvals", response=writes(CaseDetail))
def case_approve(request: HttpRequest, public_id: uuid.UUID, payload: ApprovalIn):
    return _move(
        request, public_id, lambda c: actions.decide_approval(c, actor=request.user, **payload.dict())
    )


@router.post("/cases/{public_id}/notice", response=writes(CaseDetail))
def case_serve_notice(request: HttpRequest, public_id: uuid.UUID, payload: ServeIn):
    return _move(
        request, public_id, lambda c: actions.serve_notice(c, actor=request.user, served_on=payload.served_on)
    )


@router.post("/cases/{public_id}/end-employment", response=writes(CaseDetail))
def case_end_employment(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.end_employment(c, actor=request.user))


@router.post("/cases/{public_id}/offboarding", response=writes(CaseDetail))
def case_start_offboarding(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.start_offboarding(c, actor=request.user))


@router.post("/cases/{public_id}/close", response=writes(CaseDetail))
def case_close(request: HttpRequest, public_id: uuid.UUID):
    return _move(request, public_id, lambda c: actions.close_case(c, actor=request.user))


@router.post("/cases/{public_id}/withdraw", response=writes(CaseDetail))
def case_withdraw(request: HttpRequest, public_id: uuid.UUID, payload: ReasonIn):
    return _move(
        request, public_id, lambda c: actions.withdraw_case(c, actor=request.user, reason=payload.reason)
    )


@router.post("/cases/{public_id}/appeals", response=writes(AppealOut, 201))
def case_appeal(request: HttpRequest, public_id: uuid.UUID, payload: AppealIn):
    appeal = actions.lodge_appeal(_case_for_answer(request, public_id), actor=request.user, **payload.dict())
    return Status(201, appeal)


@router.post("/cases/{public_id}/appeals/{appeal_id}/decision", response=writes(AppealOut))
def case_decide_appeal(
    request: HttpRequest, public_id: uuid.UUID, appeal_id: uuid.UUID, payload: AppealDecisionIn
):
    case = _case(request, public_id)
    appeal = one(Appeal.objects.filter(case=case).select_related("case__employee"), appeal_id)
    return actions.decide_appeal(appeal, actor=request.user, **payload.dict())


# --- Layoffs --------------------------------------------------------------------------------------


def _layoffs(request: HttpRequest):
    return Layoff.objects.visible_to(request.user)


@router.get("/layoffs", response=reads(list[LayoffOut]))
@paginated
def layoff_list(request: HttpRequest):
    return _layoffs(request).order_by("-created_at", "-pk")


@router.get("/layoffs/{public_id}", response=reads(LayoffDetail))
def layoff_detail(request: HttpRequest, public_id: uuid.UUID):
    return one(_layoffs(request), public_id)


@router.post("/layoffs", response=writes(LayoffDetail, 201))
def layoff_create(request: HttpRequest, payload: LayoffIn):
    require(policy.can_manage_layoffs(request.user), _("plan a layoff"))
    visible = policy.employees_visible_to(request.user)
    employees = list(visible.filter(public_id__in=payload.employees))
    if len(employees) != len(set(payload.employees)):
        errors = Errors()
        errors.add("employees", _("Some identifiers are not employees you can see."))
        errors.raise_any()
    fields = payload.dict(exclude={"employees"})
    layoff = actions.create_layoff(actor=request.user, employees=employees, **fields)
    return Status(201, one(_layoffs(request), layoff.public_id))


@router.post("/layoffs/{public_id}/steps", response=writes(LayoffDetail))
def layoff_steps(request: HttpRequest, public_id: uuid.UUID, payload: LayoffStepsIn):
    layoff = one(_layoffs(request), public_id)
    actions.record_layoff_steps(layoff, actor=request.user, **payload.dict(exclude_unset=True))
    return one(_layoffs(request), public_id)


@router.post("/layoffs/{public_id}/assessments", response=writes(LayoffDetail))
def layoff_assess(request: HttpRequest, public_id: uuid.UUID):
    actions.assess_layoff_now(one(_layoffs(request), public_id), actor=request.user)
    return one(_layoffs(request), public_id)


@router.post("/layoffs/{public_id}/notices", response=writes(LayoffDetail))
def layoff_serve(request: HttpRequest, public_id: uuid.UUID):
    actions.serve_layoff_notices(one(_layoffs(request), public_id), actor=request.user)
    return one(_layoffs(request), public_id)
