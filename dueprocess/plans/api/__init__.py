"""The improvement-plans API: plans as policy lets the caller see them, and every step of a plan
(draft, revise, publish, acknowledge, respond, support, check-ins, outcome with its evidence files)
through the same actions as the pages; the outcome's documents handed back as the pages do."""

import uuid

from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, UploadedFile
from ninja.responses import Status

from dueprocess.accounts import policy
from dueprocess.api.base import one, paginated, reads, writes
from dueprocess.api.files import DOWNLOAD_OPENAPI, DOWNLOAD_RESPONSES, Sha256, by_kind, checked
from dueprocess.plans import actions
from dueprocess.plans.api.schemas import (
    CheckInIn,
    CheckInOut,
    DraftPlanIn,
    OutcomeIn,
    OutcomeOut,
    PlanDetail,
    PlanOut,
    ResponseIn,
    RevisePlanIn,
    SupportDoneIn,
    SupportIn,
    SupportOut,
)
from dueprocess.plans.files import outcome_file
from dueprocess.plans.forms import OutcomeForm
from dueprocess.plans.models import CheckIn, ImprovementPlan, PlanStatus, PlanVersion
from dueprocess.records.downloads import hand_out
from dueprocess.reviews.actions._common import Errors, require

router = Router()


class PlanFilters(Schema):
    employee: uuid.UUID | None = None
    status: PlanStatus | None = None


def _plans(request: HttpRequest):
    return ImprovementPlan.objects.visible_to(request.user).select_related("employee")


def _plan(request: HttpRequest, public_id: uuid.UUID) -> ImprovementPlan:
    versions = PlanVersion.objects.prefetch_related("goals").order_by("number")
    check_ins = CheckIn.objects.select_related("version").prefetch_related("attendees", "progress__goal")
    return one(
        _plans(request).prefetch_related(
            Prefetch("versions", queryset=versions),
            "support_actions",
            Prefetch("check_ins", queryset=check_ins.order_by("held_on", "pk")),
            "outcomes__version",
            "outcomes__check_ins",
            "outcomes__evidence",
        ),
        public_id,
    )


def _employee(request: HttpRequest, public_id: uuid.UUID, errors: Errors, field: str = "employee"):
    employee = policy.employees_visible_to(request.user).filter(public_id=public_id).first()
    if employee is None:
        errors.add(field, _("No employee you can see has this identifier."))
    return employee


def _goals(payload) -> list[dict]:
    return [goal.model_dump() for goal in payload.goals]


@router.get("/plans", response=reads(list[PlanOut]))
@paginated
def plan_list(request: HttpRequest, filters: Query[PlanFilters]):
    plans = _plans(request).prefetch_related("versions")
    if filters.employee:
        plans = plans.filter(employee__public_id=filters.employee)
    if filters.status:
        plans = plans.filter(status=filters.status)
    return plans.order_by("-created_at", "-pk")


@router.get("/plans/{public_id}", response=reads(PlanDetail))
def plan_detail(request: HttpRequest, public_id: uuid.UUID):
    return _plan(request, public_id)


@router.get(
    "/plans/{public_id}/outcome/evidence/{sha256}",
    response=DOWNLOAD_RESPONSES,
    openapi_extra=DOWNLOAD_OPENAPI,
)
def plan_outcome_evidence(request: HttpRequest, public_id: uuid.UUID, sha256: Sha256):
    """A document an outcome of the plan rests on, by the SHA-256 the outcome lists, as the plan page
    and the portal hand it out: to those who may read the plan, the employee included once it is
    shared with them. Each download is written to the read log."""
    plan = ImprovementPlan.objects.select_related("employee").filter(public_id=public_id).first()
    stored = outcome_file(request.user, plan, sha256)
    if stored is None:
        raise Http404
    return hand_out(request, stored, about=plan)


@router.post("/plans", response=writes(PlanDetail, 201))
def plan_draft(request: HttpRequest, payload: DraftPlanIn):
    errors = Errors()
    employee = _employee(request, payload.employee, errors)
    errors.raise_any()
    plan = actions.draft_plan(
        actor=request.user, employee=employee, reason=payload.reason, starts_on=payload.starts_on,
        ends_on=payload.ends_on, goals=_goals(payload),
    )  # fmt: skip
    return Status(201, _plan(request, plan.public_id))


@router.post("/plans/{public_id}/versions", response=writes(PlanDetail))
def plan_revise(request: HttpRequest, public_id: uuid.UUID, payload: RevisePlanIn):
    """A draft is edited in place; a published plan gets a new version, acknowledged again."""
    plan = _plan(request, public_id)
    fields = payload.model_dump(exclude={"goals"})
    actions.revise_plan(plan, actor=request.user, goals=_goals(payload), **fields)
    return _plan(request, public_id)


@router.post("/plans/{public_id}/publish", response=writes(PlanDetail))
def plan_publish(request: HttpRequest, public_id: uuid.UUID):
    """Share the plan with the employee; from now on its goals and dates are locked."""
    actions.publish_plan(_plan(request, public_id), actor=request.user)
    return _plan(request, public_id)


@router.post("/plans/{public_id}/acknowledge", response=writes(PlanDetail))
def plan_acknowledge(request: HttpRequest, public_id: uuid.UUID):
    """The employee confirms they received the version in force (not that they agree with it)."""
    actions.acknowledge_plan(_plan(request, public_id), actor=request.user)
    return _plan(request, public_id)


@router.post("/plans/{public_id}/response", response=writes(PlanDetail))
def plan_respond(request: HttpRequest, public_id: uuid.UUID, payload: ResponseIn):
    """The employee's written response to the version in force."""
    actions.respond_to_plan(_plan(request, public_id), actor=request.user, text=payload.employee_response)
    return _plan(request, public_id)


def _progress(plan: ImprovementPlan, payload: CheckInIn, errors: Errors) -> list[dict]:
    goals = {goal.position: goal for goal in plan.current.goals.all()}
    if any(item.goal not in goals for item in payload.progress):
        errors.add("progress", _("Give progress only on this plan's goals, as one of the listed states."))
    return [
        {**item.model_dump(), "goal": goals[item.goal]} for item in payload.progress if item.goal in goals
    ]


@router.post("/plans/{public_id}/check-ins", response=writes(CheckInOut, 201))
def plan_check_in(request: HttpRequest, public_id: uuid.UUID, payload: CheckInIn):
    plan = _plan(request, public_id)
    require(policy.can_manage_plan(request.user, plan), _("manage this plan"))
    errors = Errors()
    attendees = [_employee(request, ident, errors, "attendees") for ident in payload.attendees]
    progress = _progress(plan, payload, errors)
    errors.raise_any()
    check_in = actions.record_check_in(
        plan, actor=request.user, held_on=payload.held_on, attendees=attendees, notes=payload.notes,
        employee_comments=payload.employee_comments, progress=progress,
    )  # fmt: skip
    return Status(201, check_in)


@router.post("/plans/{public_id}/support", response=writes(SupportOut, 201))
def plan_support(request: HttpRequest, public_id: uuid.UUID, payload: SupportIn):
    """Training, coaching, mentoring or a job adjustment offered to the employee."""
    support = actions.add_support_action(
        _plan(request, public_id), actor=request.user, **payload.model_dump()
    )
    return Status(201, support)


@router.post("/plans/{public_id}/support/{support_id}/completion", response=writes(SupportOut))
def plan_support_done(
    request: HttpRequest, public_id: uuid.UUID, support_id: uuid.UUID, payload: SupportDoneIn
):
    """Whether the support happened, and if not, why."""
    support = one(_plan(request, public_id).support_actions.all(), support_id)
    return actions.complete_support_action(support, actor=request.user, **payload.model_dump())


def _decide(request: HttpRequest, public_id: uuid.UUID, payload: OutcomeIn, files: list | None = None):
    plan = _plan(request, public_id)
    require(policy.can_manage_plan(request.user, plan), _("manage this plan"))
    check_ins = list(plan.check_ins.filter(public_id__in=payload.check_ins))
    if len(check_ins) != len(set(payload.check_ins)):
        Errors({"check_ins": [_("Rely only on this plan's check-ins.")]}).raise_any()
    # The outcome page's upload field and its label (plans.forms.OutcomeForm).
    evidence = checked("evidence", files, by_kind(OutcomeForm.base_fields["evidence"].label))
    fields = payload.model_dump(exclude={"check_ins"})
    outcome = actions.decide_outcome(
        plan, actor=request.user, check_ins=check_ins, evidence=evidence, **fields
    )
    return Status(201, outcome)


@router.post("/plans/{public_id}/outcome", response=writes(OutcomeOut, 201))
def plan_outcome(request: HttpRequest, public_id: uuid.UUID, payload: OutcomeIn):
    """Passed or failed closes the plan; extended gives it a new version with a later end. Evidence
    documents: POST /plans/{public_id}/outcome/with-evidence."""
    return _decide(request, public_id, payload)


@router.post("/plans/{public_id}/outcome/with-evidence", response=writes(OutcomeOut, 201))
def plan_outcome_with_evidence(
    request: HttpRequest,
    public_id: uuid.UUID,
    payload: Form[OutcomeIn],
    evidence: File[list[UploadedFile]] = None,
):
    """The outcome with the documents it rests on, each checked as the outcome page checks its document:
    multipart/form-data, the fields of POST /plans/{public_id}/outcome as form fields (a check-in per
    `check_ins` field) and up to 10 files under `evidence` (PDF, Word, Excel, text, e-mail, images or
    audio, each within the size limit, its content matching its name). A file refused is a 422 under
    `evidence` naming it, and nothing is written."""
    return _decide(request, public_id, payload, evidence)


# Check-ins arranged ahead: their operations join this router (after it and _plan exist).
from dueprocess.plans.api import schedule  # noqa: E402, F401
