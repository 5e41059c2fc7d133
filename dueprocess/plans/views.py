"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.plans import actions
from dueprocess.plans.forms import (
    CheckInForm,
    GoalFormSet,
    OutcomeForm,
    PlanForm,
    SupportDoneForm,
    SupportForm,
    TextForm,
    add_action_errors,
)
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.actions._common import today


def _plan(request: HttpRequest, public_id) -> ImprovementPlan:
    # The same answer for "does not exist" and "not yours": existence is not leaked.
    return get_object_or_404(
        ImprovementPlan.objects.visible_to(request.user).select_related("employee"), public_id=public_id
    )


def _goal_specs(formset) -> list[dict]:
    return [f.cleaned_data for f in formset.forms if f.cleaned_data]


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = (
        ImprovementPlan.objects.visible_to(request.user)
        .select_related("employee")
        .prefetch_related("versions")
    )
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request: HttpRequest, public_id) -> HttpResponse:
    plan = _plan(request, public_id)
    if request.user.employee_id == plan.employee_id:
        # The employee reads their own plan in the portal, which holds only what is shared with them
        # (this page also shows HR's notes on how support went).
        return redirect("portal:plan_detail", plan.public_id)
    context = {
        "plan": plan,
        "current": plan.current,
        "versions": plan.versions.prefetch_related("goals").order_by("-number"),
        "support_actions": plan.support_actions.all(),
        "outcomes": plan.outcomes.all(),
        "check_ins": plan.check_ins.prefetch_related("attendees", "progress__goal"),
        "can_manage": policy.can_manage_plan(request.user, plan),
        "can_acknowledge": policy.can_acknowledge_plan(request.user, plan),
        "response_form": TextForm(),
        "done_form": SupportDoneForm(initial={"completed_on": today()}),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_create(request: HttpRequest, employee_id) -> HttpResponse:
    employee = get_object_or_404(policy.employees_visible_to(request.user), public_id=employee_id)
    if not policy.can_draft_plan(request.user, employee):
        raise Http404
    form, goals = PlanForm(request.POST or None), GoalFormSet(request.POST or None, prefix="goals")
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        data = form.cleaned_data
        try:
            plan = actions.draft_plan(
                actor=request.user,
                employee=employee,
                reason=data["reason"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                goals=_goal_specs(goals),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The plan was saved as a draft."))
            return redirect("plans:plan_detail", plan.public_id)
    return render(request, "plans/plan_form.html", {"form": form, "goals": goals, "employee": employee})


@login_required
def plan_edit(request: HttpRequest, public_id) -> HttpResponse:
    """Edit a draft in place, or change a published plan as a new version."""
    plan = _plan(request, public_id)
    if not policy.can_manage_plan(request.user, plan):
        raise Http404
    current = plan.current
    initial = {"reason": current.reason, "starts_on": current.starts_on, "ends_on": current.ends_on}
    goal_initial = list(
        current.goals.values("title", "metric", "baseline", "target", "due_on", "measured_by")
    )
    form = PlanForm(request.POST or None, initial=initial)
    goals = GoalFormSet(request.POST or None, prefix="goals", initial=goal_initial)
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        data = form.cleaned_data
        try:
            actions.revise_plan(
                plan,
                actor=request.user,
                reason=data["reason"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                goals=_goal_specs(goals),
                change_reason=data["change_reason"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The plan was changed."))
            return redirect("plans:plan_detail", plan.public_id)
    return render(
        request,
        "plans/plan_form.html",
        {"form": form, "goals": goals, "plan": plan, "employee": plan.employee},
    )


@login_required
@require_POST
def plan_publish(request: HttpRequest, public_id) -> HttpResponse:
    return _simple(
        request,
        public_id,
        lambda plan: actions.publish_plan(plan, actor=request.user),
        _("The plan was published and shared with the employee."),
    )


@login_required
@require_POST
def plan_acknowledge(request: HttpRequest, public_id) -> HttpResponse:
    return _simple(
        request,
        public_id,
        lambda plan: actions.acknowledge_plan(plan, actor=request.user),
        _("You acknowledged receiving the plan."),
    )


@login_required
@require_POST
def plan_respond(request: HttpRequest, public_id) -> HttpResponse:
    form = TextForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    return _simple(
        request,
        public_id,
        lambda plan: actions.respond_to_plan(plan, actor=request.user, text=text),
        _("Your response was added to the plan."),
    )


def _simple(request: HttpRequest, public_id, action, done: str) -> HttpResponse:
    """A button with no form of its own: on refusal, say why at the top of the plan page."""
    plan = _plan(request, public_id)
    try:
        action(plan)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("plans:plan_detail", plan.public_id)


@login_required
def check_in_create(request: HttpRequest, public_id) -> HttpResponse:
    plan = _plan(request, public_id)
    if not policy.can_manage_plan(request.user, plan):
        raise Http404
    attendees = policy.employees_visible_to(request.user).filter(
        pk__in=[plan.employee_id, request.user.employee_id]
    )
    form = CheckInForm(
        request.POST or None,
        goals=plan.current.goals.all(),
        attendees=attendees,
        initial={"held_on": today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_check_in(
                plan,
                actor=request.user,
                held_on=data["held_on"],
                attendees=data["attendees"],
                notes=data["notes"],
                employee_comments=data["employee_comments"],
                progress=form.progress(),
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The check-in was recorded."))
            return redirect("plans:plan_detail", plan.public_id)
    return render(request, "plans/check_in_form.html", {"form": form, "plan": plan})


@login_required
def outcome_create(request: HttpRequest, public_id) -> HttpResponse:
    plan = _plan(request, public_id)
    if not policy.can_manage_plan(request.user, plan):
        raise Http404
    form = OutcomeForm(
        request.POST or None,
        request.FILES or None,
        check_ins=plan.check_ins.all(),
        initial={"decided_on": today()},
    )
    if request.method == "POST" and form.is_valid():
        data, upload = form.cleaned_data, form.cleaned_data.get("evidence")
        evidence = (
            [(upload.name, upload.content_type or "application/octet-stream", upload.read())]
            if upload
            else []
        )
        try:
            actions.decide_outcome(
                plan,
                actor=request.user,
                outcome=data["outcome"],
                summary=data["summary"],
                decided_on=data["decided_on"],
                check_ins=data["check_ins"],
                evidence=evidence,
                new_ends_on=data["new_ends_on"],
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The outcome was recorded."))
            return redirect("plans:plan_detail", plan.public_id)
    return render(request, "plans/outcome_form.html", {"form": form, "plan": plan})


@login_required
def support_create(request: HttpRequest, public_id) -> HttpResponse:
    plan = _plan(request, public_id)
    if not policy.can_manage_plan(request.user, plan):
        raise Http404
    form = SupportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_support_action(plan, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The support action was added."))
            return redirect("plans:plan_detail", plan.public_id)
    return render(request, "plans/support_form.html", {"form": form, "plan": plan})


@login_required
@require_POST
def support_complete(request: HttpRequest, public_id, support_id) -> HttpResponse:
    plan = _plan(request, public_id)
    support = get_object_or_404(plan.support_actions, public_id=support_id)
    form = SupportDoneForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("plans:plan_detail", plan.public_id)

    def settle(_plan: ImprovementPlan) -> None:
        actions.complete_support_action(support, actor=request.user, **form.cleaned_data)

    return _simple(request, public_id, settle, _("The support action was settled."))
