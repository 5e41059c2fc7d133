"""Thin views: fetch what the user may see (404 otherwise), parse the form, call the action."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import AssessmentForm, TextForm, WarningForm, add_action_errors
from dueprocess.reviews.models import Incident, Investigation, Review, ReviewCycle, Warning


@login_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    reviews = Review.objects.visible_to(request.user).current().select_related("employee", "rating")
    cycles = ReviewCycle.objects.filter(reviews__in=reviews).distinct()
    cycles = cycles.prefetch_related(Prefetch("reviews", queryset=reviews, to_attr="visible_reviews"))
    return render(request, "reviews/cycle_list.html", {"cycles": cycles})


def _review(request: HttpRequest, public_id) -> Review:
    # The same answer for "does not exist" and "not yours": existence is not leaked.
    reviews = Review.objects.visible_to(request.user).select_related(
        "cycle", "employee", "rating", "corrects"
    )
    return get_object_or_404(reviews, public_id=public_id)


@login_required
def review_detail(request: HttpRequest, public_id) -> HttpResponse:
    review = _review(request, public_id)
    context = {
        "review": review,
        "goals": review.goals.select_related("rating"),
        "feedback": review.feedback_summary(),
        "can_manage": policy.can_manage_reviews(request.user, review.employee),
        "can_self_assess": policy.can_self_assess(request.user, review) and not review.is_locked,
        "self_form": TextForm(initial={"text": review.self_assessment}),
        "corrected_by": Review.objects.visible_to(request.user).filter(corrects=review).first(),
    }
    return render(request, "reviews/review_detail.html", context)


@login_required
@require_POST
def review_self_assess(request: HttpRequest, public_id) -> HttpResponse:
    review, form = _review(request, public_id), TextForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    return _after(
        request,
        review,
        lambda: actions.record_self_assessment(review, actor=request.user, text=text),
        _("Your self-assessment was saved."),
    )


@login_required
def review_assess(request: HttpRequest, public_id) -> HttpResponse:
    """Assess a review still open; for a submitted one, the same form records a correction."""
    review = _review(request, public_id)
    if not policy.can_manage_reviews(request.user, review.employee) or review.status == "superseded":
        raise Http404
    correcting = review.is_locked
    initial = {"manager_assessment": review.manager_assessment, "rating": review.rating_id}
    form = AssessmentForm(request.POST or None, review=review, correcting=correcting, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {"manager_assessment": data["manager_assessment"], "rating": data["rating"],
                  "goal_results": form.goal_results()}  # fmt: skip
        try:
            if correcting:
                review = actions.correct_review(review, actor=request.user, reason=data["reason"], **fields)
            else:
                actions.assess_review(review, actor=request.user, **fields)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(
                request, _("The review was corrected.") if correcting else _("The assessment was saved.")
            )
            return redirect("reviews:review_detail", review.public_id)
    return render(
        request, "reviews/review_assess.html", {"form": form, "review": review, "correcting": correcting}
    )


@login_required
@require_POST
def review_submit(request: HttpRequest, public_id) -> HttpResponse:
    review = _review(request, public_id)
    return _after(
        request,
        review,
        lambda: actions.submit_review(review, actor=request.user),
        _("The review was submitted and is now locked."),
    )


def _after(request: HttpRequest, review: Review, action, done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("reviews:review_detail", review.public_id)


@login_required
def incident_detail(request: HttpRequest, public_id) -> HttpResponse:
    incidents = Incident.objects.visible_to(request.user).select_related("employee", "reported_by")
    incident = get_object_or_404(incidents, public_id=public_id)
    investigation = Investigation.objects.filter(incident=incident).first()
    context = {
        "incident": incident,
        "investigation": investigation,
        "interviews": investigation.interviews.select_related("interviewee") if investigation else [],
        "explanations": investigation.explanations.all() if investigation else [],
        "warnings": Warning.objects.visible_to(request.user).filter(investigation__incident=incident),
    }
    return render(request, "reviews/incident_detail.html", context)


@login_required
def warning_list(request: HttpRequest) -> HttpResponse:
    warnings = Warning.objects.visible_to(request.user).select_related("employee")
    return render(request, "reviews/warning_list.html", {"warnings": warnings, "today": today()})


@login_required
def warning_detail(request: HttpRequest, public_id) -> HttpResponse:
    warning = get_object_or_404(
        Warning.objects.visible_to(request.user).select_related("employee"), public_id=public_id
    )
    can_explain = policy.can_record_explanation(request.user, warning.employee)
    form = TextForm(request.POST or None)
    if request.method == "POST" and can_explain and form.is_valid():
        try:
            actions.record_explanation(actor=request.user, warning=warning, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The explanation was added to the warning."))
            return redirect("reviews:warning_detail", warning.public_id)
    context = {
        "warning": warning,
        "explanations": warning.explanations.all(),
        "form": form,
        "can_explain": can_explain,
    }
    return render(request, "reviews/warning_detail.html", context)


@login_required
def warning_create(request: HttpRequest, employee_id) -> HttpResponse:
    employee = get_object_or_404(policy.employees_visible_to(request.user), public_id=employee_id)
    if not policy.can_handle_conduct(request.user, employee):
        raise Http404
    investigations = Investigation.objects.visible_to(request.user).filter(incident__employee=employee)
    form = WarningForm(request.POST or None, investigations=investigations, initial={"issued_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            warning = actions.issue_warning(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The warning was issued."))
            return redirect("reviews:warning_detail", warning.public_id)
    return render(request, "reviews/warning_form.html", {"form": form, "employee": employee})
