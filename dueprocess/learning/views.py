"""Thin views of retrospectives and improvement actions: fetch what the user may see (404 otherwise),
parse the form, call the action."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.learning import actions
from dueprocess.learning.forms import (
    ActionForm,
    CompleteForm,
    EvaluationForm,
    FindingForm,
    StatusForm,
    add_action_errors,
)
from dueprocess.learning.models import Area, ImprovementAction, Retrospective
from dueprocess.reviews.actions._common import today


def _retrospective(request: HttpRequest, public_id) -> Retrospective:
    return get_object_or_404(
        Retrospective.objects.visible_to(request.user).select_related("case__employee"), public_id=public_id
    )


def _action(request: HttpRequest, public_id) -> ImprovementAction:
    return get_object_or_404(
        ImprovementAction.objects.visible_to(request.user).select_related(
            "retrospective__case__employee", "owner", "created_by"
        ),
        public_id=public_id,
    )


@login_required
def retrospective_list(request: HttpRequest) -> HttpResponse:
    visible = policy.cases_visible_to(request.user)
    due = (
        actions.retrospectives_due()
        .filter(pk__in=visible.values("pk"), retrospective__isnull=True)
        .select_related("employee")
        .order_by("closed_on")
    )
    context = {
        "due": [(case, actions.retrospective_due_on(case)) for case in due],
        "retrospectives": Retrospective.objects.visible_to(request.user)
        .select_related("case__employee")
        .order_by("status", "due_on"),
        "my_actions": ImprovementAction.objects.filter(owner=request.user)
        .unfinished()
        .select_related("retrospective__case__employee"),
        "today": today(),
    }
    return render(request, "learning/retrospective_list.html", context)


@login_required
def case_retrospective(request: HttpRequest, case_id) -> HttpResponse:
    """The retrospective of a case, or the way to open it: where reminders and the case page link."""
    case = get_object_or_404(
        policy.cases_visible_to(request.user).select_related("employee"), public_id=case_id
    )
    existing = Retrospective.objects.filter(case=case).first()
    if existing is not None:
        return redirect("learning:retrospective_detail", existing.public_id)
    if request.method == "POST":
        if not policy.can_run_retrospective(request.user, case):
            raise Http404
        try:
            retrospective = actions.open_retrospective(case, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The retrospective was opened."))
            return redirect("learning:retrospective_detail", retrospective.public_id)
    context = {
        "case": case,
        "due_on": actions.retrospective_due_on(case),
        "can_run": policy.can_run_retrospective(request.user, case),
    }
    return render(request, "learning/case_retrospective.html", context)


def _detail_context(request: HttpRequest, retrospective: Retrospective, **forms: Form) -> dict:
    findings = {f.area: f for f in retrospective.findings.select_related("recorded_by")}
    can_run = policy.can_run_retrospective(request.user, retrospective.case) and retrospective.is_open
    areas = []
    for area in Area:
        finding = findings.get(area)
        initial = {"area": area.value}
        if finding:
            initial |= {"went_well": finding.went_well, "went_wrong": finding.went_wrong,
                        "root_cause": finding.root_cause}  # fmt: skip
        form = forms.get(f"finding_{area.value}") or FindingForm(initial=initial, prefix=area.value)
        areas.append({"area": area, "finding": finding, "form": form if can_run else None})
    return {
        "retrospective": retrospective,
        "case": retrospective.case,
        "areas": areas,
        "improvement_actions": retrospective.actions.select_related("owner").prefetch_related("evaluations"),
        "can_run": can_run,
        "action_form": forms.get("action") or ActionForm(),
        "complete_form": forms.get("complete") or CompleteForm(),
    }


@login_required
def retrospective_detail(request: HttpRequest, public_id) -> HttpResponse:
    retrospective = _retrospective(request, public_id)
    return render(request, "learning/retrospective_detail.html", _detail_context(request, retrospective))


def _post(
    request: HttpRequest, retrospective: Retrospective, name: str, form: Form, call: Callable, done: str
) -> HttpResponse:
    if not policy.can_run_retrospective(request.user, retrospective.case):
        raise Http404
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("learning:retrospective_detail", retrospective.public_id)
    context = _detail_context(request, retrospective, **{name: form})
    return render(request, "learning/retrospective_detail.html", context, status=400)


@login_required
@require_POST
def finding_record(request: HttpRequest, public_id, area: str) -> HttpResponse:
    retrospective = _retrospective(request, public_id)
    if area not in Area.values:
        raise Http404
    form = FindingForm(request.POST, prefix=area)
    call = lambda data: actions.record_finding(  # noqa: E731
        retrospective, actor=request.user, area=area, went_well=data["went_well"],
        went_wrong=data["went_wrong"], root_cause=data["root_cause"],
    )  # fmt: skip
    return _post(request, retrospective, f"finding_{area}", form, call, _("The finding was recorded."))


@login_required
@require_POST
def action_add(request: HttpRequest, public_id) -> HttpResponse:
    retrospective = _retrospective(request, public_id)
    form = ActionForm(request.POST)
    call = lambda data: actions.add_improvement_action(retrospective, actor=request.user, **data)  # noqa: E731
    return _post(request, retrospective, "action", form, call, _("The improvement action was added."))


@login_required
@require_POST
def retrospective_complete(request: HttpRequest, public_id) -> HttpResponse:
    retrospective = _retrospective(request, public_id)
    form = CompleteForm(request.POST)
    call = lambda data: actions.complete_retrospective(  # noqa: E731
        retrospective, actor=request.user, summary=data["summary"]
    )
    return _post(request, retrospective, "complete", form, call, _("The retrospective was completed."))


def _action_context(request: HttpRequest, action: ImprovementAction, **forms: Form) -> dict:
    return {
        "action": action,
        "retrospective": action.retrospective,
        "evaluations": action.evaluations.select_related("evaluated_by"),
        "next_evaluation_on": action.next_evaluation_on(),
        "overdue": action.is_overdue(today()),
        "can_update": policy.can_update_improvement_action(request.user, action) and not action.is_finished,
        "can_evaluate": policy.can_evaluate_improvement_action(request.user, action),
        "status_form": forms.get("status") or StatusForm(),
        "evaluation_form": forms.get("evaluation") or EvaluationForm(initial={"evaluated_on": today()}),
    }


@login_required
def action_detail(request: HttpRequest, public_id) -> HttpResponse:
    action = _action(request, public_id)
    return render(request, "learning/action_detail.html", _action_context(request, action))


def _action_post(request, action, name: str, form: Form, allowed: bool, call: Callable, done: str):
    if not allowed:
        raise Http404
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("learning:action_detail", action.public_id)
    return render(
        request, "learning/action_detail.html", _action_context(request, action, **{name: form}), status=400
    )


@login_required
@require_POST
def action_update(request: HttpRequest, public_id) -> HttpResponse:
    action = _action(request, public_id)
    call = lambda data: actions.update_improvement_action(action, actor=request.user, **data)  # noqa: E731
    allowed = policy.can_update_improvement_action(request.user, action)
    return _action_post(
        request, action, "status", StatusForm(request.POST), allowed, call, _("The status was changed.")
    )


@login_required
@require_POST
def action_evaluate(request: HttpRequest, public_id) -> HttpResponse:
    action = _action(request, public_id)
    call = lambda data: actions.evaluate_improvement_action(action, actor=request.user, **data)  # noqa: E731
    allowed = policy.can_evaluate_improvement_action(request.user, action)
    form = EvaluationForm(request.POST)
    return _action_post(request, action, "evaluation", form, allowed, call, _("The evaluation was recorded."))
