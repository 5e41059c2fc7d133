"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess import law
from dueprocess.accounts import policy
from dueprocess.cases import actions, assessing, forms
from dueprocess.cases.actions._base import today
from dueprocess.cases.models import (
    Appeal,
    Approval,
    CaseEvidence,
    Hearing,
    Override,
    SeparationCase,
    Stage,
    UnionNotice,
)
from dueprocess.cases.timeline import LINKED_RECORDS, timeline
from dueprocess.lib import uploads
from dueprocess.people.models import Employee

CASES_PER_PAGE = 50


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    cases = SeparationCase.objects.visible_to(request.user).select_related("employee", "employee__department")
    stage = request.GET.get("stage", "")
    if stage in Stage.values:
        cases = cases.filter(stage=stage)
    elif stage != "all":
        cases = cases.open()
    page = Paginator(cases.order_by("-opened_at", "-pk"), CASES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "cases/case_list.html",
        {"cases": page, "page": page, "stage": stage, "stages": Stage.choices},
    )


def _case(request: HttpRequest, public_id) -> SeparationCase:
    cases = SeparationCase.objects.visible_to(request.user).select_related(
        "employee", "employee__location", "employee__department", "layoff"
    )
    return get_object_or_404(cases, public_id=public_id)


def evidence_choices(user, employee: Employee) -> list[tuple[str, str]]:
    """Every record about the employee the user may see, as "kind:uuid" choices."""
    from dueprocess.reviews.models import Incident, Investigation, Warning

    choices = [
        (f"review:{r.public_id}", _("Review: %(cycle)s") % {"cycle": r.cycle})
        for r in policy.reviews_visible_to(user).filter(employee=employee).select_related("cycle")
    ]
    choices += [
        (f"incident:{i.public_id}", _("Incident: %(what)s") % {"what": i})
        for i in policy.conduct_visible_to(user, Incident).filter(employee=employee)
    ]
    choices += [
        (f"investigation:{i.public_id}", _("Investigation: %(what)s") % {"what": i.incident})
        for i in policy.conduct_visible_to(user, Investigation)
        .filter(incident__employee=employee)
        .select_related("incident")
    ]
    choices += [
        (f"warning:{w.public_id}", _("Warning: %(what)s") % {"what": w})
        for w in policy.conduct_visible_to(user, Warning).filter(employee=employee)
    ]
    choices += [
        (f"plan:{p.public_id}", _("Improvement plan: %(what)s") % {"what": p})
        for p in policy.plans_visible_to(user).filter(employee=employee)
    ]
    return choices


def resolve_evidence(value: str):
    from dueprocess.plans.models import ImprovementPlan
    from dueprocess.reviews.models import Incident, Investigation, Review, Warning

    models = {
        "review": Review,
        "incident": Incident,
        "investigation": Investigation,
        "warning": Warning,
        "plan": ImprovementPlan,
    }
    kind, _sep, public_id = value.partition(":")
    return models[kind].objects.get(public_id=public_id)


def ground_choices(jurisdiction: str) -> list[tuple[str, str]]:
    lang = get_language() or "en"
    grounds = law.jurisdiction_for(jurisdiction).grounds
    return [(code, f"{name(lang)} ({article})") for code, (name, article) in grounds.items()]


@login_required
def case_open(request: HttpRequest, employee_id) -> HttpResponse:
    employee = get_object_or_404(
        policy.employees_visible_to(request.user).select_related("location"), public_id=employee_id
    )
    if not policy.can_open_case(request.user, employee):
        raise Http404
    form = forms.OpenCaseForm(
        request.POST or None,
        grounds=ground_choices(employee.jurisdiction),
        evidence=evidence_choices(request.user, employee),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.open_case(
                actor=request.user,
                employee=employee,
                ground=data["ground"],
                summary=data["summary"],
                evidence=[resolve_evidence(v) for v in data["evidence"]],
                renewal_offered=data["renewal_offered"],
            )
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, _("The case was opened."))
            return redirect("cases:case_detail", case.public_id)
    return render(request, "cases/case_open.html", {"form": form, "employee": employee})


@dataclass(frozen=True)
class Move:
    """One thing a user can do on the case page: its form, who may, when, and the action it calls."""

    label: Any
    form: type
    allowed: Callable[[Any, SeparationCase], bool]
    when: Callable[[SeparationCase], bool]
    run: Callable[[SeparationCase, dict, HttpRequest], Any]
    done: Any


def _manage(user, case) -> bool:
    return policy.can_manage_case(user, case)


def _before_decision(case) -> bool:
    return case.is_before_decision


def _hearing(case, data) -> Hearing:
    return get_object_or_404(Hearing, case=case, public_id=data["hearing"])


def _notice(case, data) -> UnionNotice:
    return get_object_or_404(UnionNotice, case=case, public_id=data["notice"])


def _statement(case, data, request):
    files, label = request.FILES.getlist("files"), str(forms.StatementForm.base_fields["files"].label)
    evidence = [(f.name, uploads.validate(f, label, field="files"), f.read()) for f in files]
    return actions.submit_statement(case, actor=request.user, text=data["text"], evidence=evidence)


MOVES: dict[str, Move] = {
    "start_gathering": Move(
        gettext_lazy("Start gathering evidence"),
        forms.EmptyForm,
        _manage,
        lambda c: c.stage == Stage.DRAFT,
        lambda c, d, r: actions.start_gathering(c, actor=r.user),
        gettext_lazy("The case is gathering evidence."),
    ),
    "link_evidence": Move(
        gettext_lazy("Link a record"),
        forms.LinkEvidenceForm,
        _manage,
        _before_decision,
        lambda c, d, r: actions.link_evidence(c, resolve_evidence(d["target"]), actor=r.user, note=d["note"]),
        gettext_lazy("The record was linked to the case."),
    ),
    "plan_termination": Move(
        gettext_lazy("Plan the termination dates"),
        forms.PlanTerminationForm,
        _manage,
        lambda c: (
            c.is_open and c.stage not in (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING)
        ),
        lambda c, d, r: actions.plan_termination(c, actor=r.user, **d),
        gettext_lazy("The dates were planned."),
    ),
    "assess": Move(
        gettext_lazy("Record the assessment now"),
        forms.EmptyForm,
        _manage,
        lambda c: c.is_open,
        lambda c, d, r: actions.assess_case(c, actor=r.user),
        gettext_lazy("The assessment was recorded."),
    ),
    "override": Move(
        gettext_lazy("Override"),
        forms.OverrideForm,
        policy.can_override_finding,
        _before_decision,
        lambda c, d, r: actions.override_finding(c, actor=r.user, **d),
        gettext_lazy("The override was recorded."),
    ),
    "invite": Move(
        gettext_lazy("Invite the employee to a hearing"),
        forms.InviteForm,
        _manage,
        _before_decision,
        lambda c, d, r: actions.invite_to_hearing(c, actor=r.user, **d),
        gettext_lazy("The invitation was recorded."),
    ),
    "record_hearing": Move(
        gettext_lazy("Record the hearing"),
        forms.RecordHearingForm,
        _manage,
        lambda c: c.is_open,
        lambda c, d, r: actions.record_hearing(
            _hearing(c, d), actor=r.user, **{k: v for k, v in d.items() if k != "hearing"}
        ),
        gettext_lazy("The hearing was recorded."),
    ),
    "cancel_hearing": Move(
        gettext_lazy("Cancel the hearing"),
        forms.CancelHearingForm,
        _manage,
        lambda c: c.is_open,
        lambda c, d, r: actions.cancel_hearing(_hearing(c, d), actor=r.user, reason=d["reason"]),
        gettext_lazy("The hearing was cancelled."),
    ),
    "statement": Move(
        gettext_lazy("Enter the employee's statement"),
        forms.StatementForm,
        policy.can_answer_case,
        lambda c: c.is_open,
        _statement,
        gettext_lazy("The statement was recorded."),
    ),
    "notify_union": Move(
        gettext_lazy("Notify the union"),
        forms.UnionNoticeForm,
        _manage,
        _before_decision,
        lambda c, d, r: actions.notify_union(c, actor=r.user, **d),
        gettext_lazy("The union notice was recorded."),
    ),
    "union_reply": Move(
        gettext_lazy("Record the union's reply"),
        forms.UnionReplyForm,
        _manage,
        lambda c: c.is_open,
        lambda c, d, r: actions.record_union_reply(
            _notice(c, d), actor=r.user, replied_on=d["replied_on"], reply=d["reply"], objects=d["objects"]
        ),
        gettext_lazy("The union's reply was recorded."),
    ),
    "union_answer": Move(
        gettext_lazy("Answer the union"),
        forms.UnionAnswerForm,
        _manage,
        lambda c: c.is_open,
        lambda c, d, r: actions.answer_union(
            _notice(c, d), actor=r.user, answered_on=d["answered_on"], answer=d["answer"]
        ),
        gettext_lazy("The answer to the union was recorded."),
    ),
    "request_decision": Move(
        gettext_lazy("Ready for the decision"),
        forms.EmptyForm,
        _manage,
        lambda c: c.stage in (Stage.GATHERING_EVIDENCE, Stage.HEARING),
        lambda c, d, r: actions.request_decision(c, actor=r.user),
        gettext_lazy("The decision is now pending approval."),
    ),
    "approve": Move(
        gettext_lazy("Approve or reject"),
        forms.ApprovalForm,
        lambda u, c: any(policy.can_approve_case(u, c, cap) for cap in ("hr", "legal")),
        lambda c: c.stage == Stage.DECISION_PENDING,
        lambda c, d, r: actions.decide_approval(c, actor=r.user, **d),
        gettext_lazy("Your decision was recorded."),
    ),
    "serve_notice": Move(
        gettext_lazy("Serve the notice"),
        forms.ServeNoticeForm,
        _manage,
        lambda c: c.stage == Stage.APPROVED,
        lambda c, d, r: actions.serve_notice(c, actor=r.user, served_on=d["served_on"]),
        gettext_lazy("The notice was served."),
    ),
    "end_employment": Move(
        gettext_lazy("End the employment"),
        forms.EmptyForm,
        _manage,
        lambda c: c.stage == Stage.NOTICE_SERVED,
        lambda c, d, r: actions.end_employment(c, actor=r.user),
        gettext_lazy("The employment has ended."),
    ),
    "start_offboarding": Move(
        gettext_lazy("Start offboarding"),
        forms.EmptyForm,
        _manage,
        lambda c: c.stage == Stage.EMPLOYMENT_ENDED,
        lambda c, d, r: actions.start_offboarding(c, actor=r.user),
        gettext_lazy("Offboarding has started."),
    ),
    "close": Move(
        gettext_lazy("Close the case"),
        forms.EmptyForm,
        _manage,
        lambda c: c.stage == Stage.OFFBOARDING,
        lambda c, d, r: actions.close_case(c, actor=r.user),
        gettext_lazy("The case was closed."),
    ),
    "appeal": Move(
        gettext_lazy("Lodge an appeal"),
        forms.AppealForm,
        policy.can_answer_case,
        lambda c: c.stage in (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED),
        lambda c, d, r: actions.lodge_appeal(c, actor=r.user, **d),
        gettext_lazy("The appeal was recorded."),
    ),
    "decide_appeal": Move(
        gettext_lazy("Decide the appeal"),
        forms.DecideAppealForm,
        _manage,
        lambda c: True,
        lambda c, d, r: actions.decide_appeal(
            get_object_or_404(Appeal, case=c, public_id=d["appeal"]),
            actor=r.user,
            outcome=d["outcome"],
            decided_on=d["decided_on"],
            decision=d["decision"],
        ),
        gettext_lazy("The appeal was decided."),
    ),
    "withdraw": Move(
        gettext_lazy("Withdraw the case"),
        forms.ReasonForm,
        _manage,
        lambda c: c.can_move_to(Stage.WITHDRAWN),
        lambda c, d, r: actions.withdraw_case(c, actor=r.user, reason=d["reason"]),
        gettext_lazy("The case was withdrawn."),
    ),
}


# The moves of the stage machine and the case-wide steps, shown together as "next steps".
NEXT_MOVES = (
    "start_gathering",
    "request_decision",
    "approve",
    "serve_notice",
    "end_employment",
    "start_offboarding",
    "close",
    "plan_termination",
    "assess",
    "withdraw",
)


def _form(name: str, case: SeparationCase, user, data=None, files=None):
    move = MOVES[name]
    kwargs: dict[str, Any] = {"prefix": name}
    if move.form is forms.LinkEvidenceForm:
        kwargs["evidence"] = evidence_choices(user, case.employee)
    if name == "serve_notice":
        kwargs["initial"] = {"served_on": today()}
    return move.form(data, files, **kwargs)


def _prefetch_steps(case: SeparationCase) -> None:
    """The case's own steps, read once: the page lists them, and the law panel and the procedural
    findings read them again. Only for rendering: an action given this case would see a stale list."""
    prefetch_related_objects(
        [case],
        "hearings",
        "union_notices",
        "appeals",
        "statements__evidence",
        Prefetch("approvals", queryset=Approval.objects.select_related("approver")),
        Prefetch("overrides", queryset=Override.objects.select_related("by")),
        Prefetch(
            "evidence",
            queryset=CaseEvidence.objects.select_related("review__cycle", *LINKED_RECORDS),
        ),
    )


def case_context(request: HttpRequest, case: SeparationCase, bound: dict | None = None) -> dict[str, Any]:
    user = request.user
    _prefetch_steps(case)
    # Most moves share one rule (may manage the case): ask each rule once, not once per move.
    answers: dict[Callable, bool] = {}

    def allowed(rule: Callable) -> bool:
        if rule not in answers:
            answers[rule] = rule(user, case)
        return answers[rule]

    moves = {name: move for name, move in MOVES.items() if move.when(case) and allowed(move.allowed)}
    bound = bound or {}
    context: dict[str, Any] = {
        "case": case,
        "ground": case.ground_label(get_language() or "en"),
        "stages": [s for s in Stage if s != Stage.WITHDRAWN],
        "forms": {name: bound.get(name) or _form(name, case, user) for name in moves},
        "moves": moves,
        "timeline": timeline(case, user, list(case.evidence.all())),
        "hearings": list(case.hearings.all()),
        "statements": list(case.statements.all()),
        "union_notices": list(case.union_notices.all()),
        "approvals": list(case.approvals.all()),
        "approvals_missing": actions.approvals_missing(case) if case.stage == Stage.DECISION_PENDING else [],
        "overrides": list(case.overrides.all()),
        "appeals": list(case.appeals.all()),
        "evidence": list(case.evidence.all()),
        "sees_figures": policy.can_view_sensitive(user, case.employee),
        "reads_statement_files": policy.can_read_case_evidence(user, case),
    }
    context["next_moves"] = [
        (name, moves[name], context["forms"][name]) for name in NEXT_MOVES if name in moves
    ]
    if context["sees_figures"]:
        context |= _assessment_context(case)
    return context


def _assessment_context(case: SeparationCase) -> dict[str, Any]:
    """The live assessment for the panel: what the law says now, on the planned dates."""
    try:
        evaluation = assessing.evaluate(case, today())
    except ValidationError as error:
        return {"assessment_error": "; ".join(error.messages)}
    lang = get_language() or "en"
    return {
        "evaluation": evaluation,
        "assessment": evaluation.result_zh if lang.startswith("zh") else evaluation.result,
    }


@login_required
def case_detail(request: HttpRequest, public_id) -> HttpResponse:
    case = _case(request, public_id)
    return render(request, "cases/case_detail.html", case_context(request, case))


@login_required
@require_POST
def case_move(request: HttpRequest, public_id, name: str) -> HttpResponse:
    case = _case(request, public_id)
    move = MOVES.get(name)
    if move is None or not move.allowed(request.user, case):
        raise Http404
    form = _form(name, case, request.user, request.POST, request.FILES)
    if form.is_valid():
        try:
            move.run(case, form.cleaned_data, request)
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, str(move.done))
            return redirect("cases:case_detail", case.public_id)
    case.refresh_from_db()
    context = case_context(request, case, bound={name: form})
    context["failed"] = name
    return render(request, "cases/case_detail.html", context, status=422)
