"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.plans import actions
from dueprocess.plans.files import outcome_file
from dueprocess.plans.forms import (
    CancelCheckInForm,
    CheckInForm,
    GoalFormSet,
    OutcomeForm,
    PlanForm,
    ScheduleCheckInForm,
    SupportDoneForm,
    SupportForm,
    TextForm,
    add_action_errors,
)
from dueprocess.plans.models import ImprovementPlan, PlanStatus, ScheduledCheckIn
from dueprocess.records.downloads import hand_out
from dueprocess.reminders import calendar
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
    return render(request, "plans/plan_detail.html", _detail_context(request, plan))


def _detail_context(request: HttpRequest, plan: ImprovementPlan, bound: dict | None = None) -> dict:
    """The plan page; ``bound`` holds a form that was refused, by its prefix, to show with its errors."""
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
    within = context["current"] if context["can_manage"] else None
    return context | _schedule_context(request, plan, within, bound or {})


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
def outcome_evidence(request: HttpRequest, public_id, sha256: str) -> FileResponse:
    """A document an outcome of the plan rests on, for those who may read the plan; each download is
    written to the read log."""
    plan = ImprovementPlan.objects.select_related("employee").filter(public_id=public_id).first()
    stored = outcome_file(request.user, plan, sha256)
    if stored is None:
        raise Http404
    return hand_out(request, stored, about=plan)


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


# --- Arranging check-ins: forms on the plan page ---------------------------------------------------


def _schedule_context(request: HttpRequest, plan: ImprovementPlan, within, bound: dict) -> dict:
    """The upcoming check-ins; for those who manage the plan (``within``: its version in force), the
    form to arrange one and a form to move and one to cancel each (prefixed with its id). A bound form
    is one that was refused: its check-in stays listed, so that its errors are seen, even if it is no
    longer upcoming."""
    refused = [key.partition("-")[2] for key in bound if key != "schedule"]
    listed = plan.scheduled_check_ins.upcoming() | plan.scheduled_check_ins.filter(public_id__in=refused)
    arranged = [_arranged_row(s, within, bound) for s in listed.select_related("scheduled_by")]
    if within is None:
        return {"arranged": arranged}
    # Who the calendar invitation goes to, worked out as the action will.
    draft = ScheduledCheckIn(plan=plan, scheduled_by=request.user, scheduled_at=timezone.now())
    return {
        "arranged": arranged,
        "schedule_form": bound.get("schedule") or ScheduleCheckInForm(prefix="schedule", within=within),
        "can_schedule": plan.status == PlanStatus.ACTIVE or "schedule" in bound,
        "invitees": [guest.name for guest in calendar.check_in_meeting(draft).guests],
    }


def _arranged_row(scheduled: ScheduledCheckIn, within, bound: dict) -> tuple:
    """The check-in, and for those who manage the plan (``within``: its version) its two forms."""
    if within is None:
        return scheduled, None, None
    move, cancel = f"reschedule-{scheduled.public_id}", f"cancel-{scheduled.public_id}"
    return (
        scheduled,
        bound.get(move) or ScheduleCheckInForm.to_move(scheduled, within=within),
        bound.get(cancel) or CancelCheckInForm.of(scheduled),
    )


def _managed_plan(request: HttpRequest, public_id) -> ImprovementPlan:
    plan = _plan(request, public_id)
    if not policy.can_manage_plan(request.user, plan):
        raise Http404
    return plan


def _arranged(plan: ImprovementPlan, scheduled_id) -> ScheduledCheckIn:
    # Only through its own plan: another plan's check-in is not found here, whoever asks.
    return get_object_or_404(
        plan.scheduled_check_ins.select_related("plan__employee"), public_id=scheduled_id
    )


def _submit(request: HttpRequest, plan: ImprovementPlan, form, action, done: str) -> HttpResponse:
    """Run the action on a valid form; otherwise the plan page again, the form open with its errors."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("plans:plan_detail", plan.public_id)
    plan.refresh_from_db()
    context = _detail_context(request, plan, bound={form.prefix: form})
    return render(request, "plans/plan_detail.html", context, status=422)


@login_required
@require_POST
def check_in_schedule(request: HttpRequest, public_id) -> HttpResponse:
    plan = _managed_plan(request, public_id)
    return _submit(
        request,
        plan,
        ScheduleCheckInForm(request.POST, prefix="schedule", within=plan.current),
        lambda data: actions.schedule_check_in(plan, actor=request.user, **data),
        _("The check-in was arranged. Everyone invited is sent a calendar invitation."),
    )


@login_required
@require_POST
def check_in_reschedule(request: HttpRequest, public_id, scheduled_id) -> HttpResponse:
    plan = _managed_plan(request, public_id)
    scheduled = _arranged(plan, scheduled_id)
    return _submit(
        request,
        plan,
        ScheduleCheckInForm.to_move(scheduled, request.POST, within=plan.current),
        lambda data: actions.reschedule_check_in(scheduled, actor=request.user, **data),
        _("The check-in was moved. Everyone invited is sent the updated invitation."),
    )


@login_required
@require_POST
def check_in_cancel(request: HttpRequest, public_id, scheduled_id) -> HttpResponse:
    plan = _managed_plan(request, public_id)
    scheduled = _arranged(plan, scheduled_id)
    return _submit(
        request,
        plan,
        CancelCheckInForm.of(scheduled, request.POST),
        lambda data: actions.cancel_check_in(scheduled, actor=request.user, reason=data["reason"]),
        _("The check-in was cancelled. Everyone invited is sent the cancellation."),
    )
