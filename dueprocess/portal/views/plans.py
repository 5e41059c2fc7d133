"""My improvement plan: every version as it was shared, the support, the check-ins and the outcome with
the documents it rests on; acknowledging, responding and commenting while the plan runs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.plans import actions
from dueprocess.plans.files import outcome_file
from dueprocess.plans.models import ImprovementPlan, PlanStatus
from dueprocess.portal import shared
from dueprocess.portal.forms import CommentForm, ResponseForm
from dueprocess.portal.views._common import flash_refusal, own, portal_view
from dueprocess.portal.windows import current_version, plan_window
from dueprocess.records.downloads import hand_out
from dueprocess.reviews.forms import add_action_errors


@portal_view
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = [(plan, current_version(plan)) for plan in shared.plans(request.user)]
    return render(request, "portal/plan_list.html", {"plans": plans})


@portal_view
def plan_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _page(request, own(shared.plan_detail(request.user), public_id))


def _page(request: HttpRequest, plan: ImprovementPlan, **forms) -> HttpResponse:
    """The plan page; a form that was refused comes back bound, with its errors."""
    versions = sorted(plan.versions.all(), key=lambda v: v.number, reverse=True)
    check_ins = plan.check_ins.all()
    context = {
        "plan": plan,
        "current": versions[0],
        "earlier": versions[1:],
        "window": plan_window(plan),
        "support_actions": plan.support_actions.all(),
        "check_ins": [(c, forms.get(f"comment_{c.pk}") or _comment_form(c)) for c in check_ins],
        "outcomes": plan.outcomes.all(),
        # Arranged ahead (shared.plan_detail reads them): only while the plan runs.
        "upcoming": plan.upcoming if plan.status == PlanStatus.ACTIVE else [],
        "response_form": forms.get("response_form") or ResponseForm(),
    }
    return render(request, "portal/plan_detail.html", context)


@portal_view
def plan_evidence(request: HttpRequest, public_id, sha256: str) -> FileResponse:
    """A document the outcome of my plan rests on: the outcome is shown to me, so is what it rests on;
    each download is written to the read log."""
    plan = own(policy.plans_shared_with(request.user).select_related("employee"), public_id)
    stored = outcome_file(request.user, plan, sha256)
    if stored is None:
        raise Http404
    return hand_out(request, stored, about=plan)


def _comment_form(check_in, data=None) -> CommentForm:
    # One form per check-in on the page: the prefix keeps their fields' ids apart.
    return CommentForm(data, prefix=f"check-in-{check_in.public_id}")


def _back(plan: ImprovementPlan) -> HttpResponse:
    return redirect("portal:plan_detail", plan.public_id)


@portal_view
@require_POST
def plan_acknowledge(request: HttpRequest, public_id) -> HttpResponse:
    plan = own(shared.plans(request.user), public_id)
    try:
        actions.acknowledge_plan(plan, actor=request.user)
    except ValidationError as error:
        flash_refusal(request, error)
    else:
        messages.success(request, _("You acknowledged receiving the plan."))
    return _back(plan)


@portal_view
@require_POST
def plan_respond(request: HttpRequest, public_id) -> HttpResponse:
    plan = own(shared.plan_detail(request.user), public_id)
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            actions.respond_to_plan(plan, actor=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your response was added to the plan."))
            return _back(plan)
    return _page(request, plan, response_form=form)


@portal_view
@require_POST
def check_in_comment(request: HttpRequest, public_id, check_in_id) -> HttpResponse:
    plan = own(shared.plan_detail(request.user), public_id)
    check_in = get_object_or_404(plan.check_ins.all(), public_id=check_in_id)
    form = _comment_form(check_in, request.POST)
    if form.is_valid():
        try:
            actions.comment_on_check_in(check_in, actor=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your comments were added to the check-in."))
            return _back(plan)
    return _page(request, plan, **{f"comment_{check_in.pk}": form})
