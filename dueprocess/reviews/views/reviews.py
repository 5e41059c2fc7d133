"""Review cycles and reviews: thin views that fetch what the user may see (404 otherwise), parse the
form, call the action, and show its refusal beside the field it names."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.reviews import actions
from dueprocess.reviews.forms import AssessmentForm, TextForm, add_action_errors
from dueprocess.reviews.forms.fields import picked, suggest
from dueprocess.reviews.forms.reviews import (
    CycleForm,
    FeedbackRequestForm,
    GoalFormSet,
    ReviewForm,
    goal_specs,
)
from dueprocess.reviews.models import Review, ReviewCycle, ReviewStatus
from dueprocess.reviews.views._common import colleagues_in_scope, flash_errors, parse_uuid, team_around


@login_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    reviews = Review.objects.visible_to(user).current().select_related("employee", "rating")
    # Those who start reviews see every cycle, the new and empty ones too; others see where they appear.
    cycles = ReviewCycle.objects.all()
    if not policy.can_start_reviews(user):
        cycles = cycles.filter(reviews__in=reviews).distinct()
    cycles = cycles.prefetch_related(Prefetch("reviews", queryset=reviews, to_attr="visible_reviews"))
    context = {
        "cycles": cycles,
        "can_manage_cycles": policy.can_manage_cycles(user),
        "can_start_reviews": policy.can_start_reviews(user),
        "feedback_waiting": policy.feedback_requests_for(user).filter(submitted_at__isnull=True).count(),
    }
    return render(request, "reviews/cycle_list.html", context)


@login_required
def cycle_create(request: HttpRequest) -> HttpResponse:
    if not policy.can_manage_cycles(request.user):
        raise PermissionDenied
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cycle = actions.create_cycle(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The review cycle was created."))
            return redirect(f"{reverse('reviews:cycle_list')}#cycle-{cycle.public_id}")
    return render(request, "reviews/cycle_form.html", {"form": form})


@login_required
def review_create(request: HttpRequest) -> HttpResponse:
    """Start a review: from a cycle (?cycle=) or from the employee's profile (?employee=)."""
    if not policy.can_start_reviews(request.user):
        raise PermissionDenied
    employees = colleagues_in_scope(request.user)
    chosen = employees.filter(public_id=parse_uuid(request.GET.get("employee"))).first()
    initial = {"cycle": _cycle_initial(request.GET.get("cycle")), "employee": picked(chosen)}
    form = ReviewForm(request.POST or None, employees=employees, initial=initial)
    suggest(form.fields["employee"], [chosen] if chosen else employees.order_by("number")[:30])
    goals = GoalFormSet(request.POST or None, prefix="goals")
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        try:
            review = actions.create_review(actor=request.user, goals=goal_specs(goals), **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The review was created as a draft."))
            return redirect("reviews:review_detail", review.public_id)
    return render(request, "reviews/review_form.html", {"form": form, "goals": goals})


def _cycle_initial(public_id: str | None) -> int | None:
    found = parse_uuid(public_id)
    return ReviewCycle.objects.filter(public_id=found).values_list("pk", flat=True).first() if found else None


def _review(request: HttpRequest, public_id) -> Review:
    # The same answer for "does not exist" and "not yours": existence is not leaked.
    reviews = Review.objects.visible_to(request.user).select_related(
        "cycle", "employee", "rating", "corrects"
    )
    return get_object_or_404(reviews, public_id=public_id)


def _feedback_form(request: HttpRequest, review: Review, data=None) -> FeedbackRequestForm:
    employees = colleagues_in_scope(request.user).exclude(pk=review.employee_id)
    form = FeedbackRequestForm(data, employees=employees, initial={"due_on": review.cycle.due_on})
    suggest(form.fields["respondent"], team_around(review.employee, employees)[:30])
    return form


def _detail_context(request: HttpRequest, review: Review, feedback_form=None) -> dict:
    user = request.user
    can_manage = policy.can_manage_reviews(user, review.employee)
    asking = can_manage and not review.is_locked
    return {
        "review": review,
        "goals": review.goals.select_related("rating"),
        "feedback": review.feedback_summary(),
        "can_manage": can_manage,
        "can_open": can_manage and review.status == ReviewStatus.DRAFT,
        "can_self_assess": policy.can_self_assess(user, review) and not review.is_locked,
        "self_form": TextForm(initial={"text": review.self_assessment}),
        "corrected_by": Review.objects.visible_to(user).filter(corrects=review).first(),
        # Under anonymity no name is shown, not even whom was asked: beside answers listed by relationship,
        # the names of those asked would point at who said what.
        "feedback_requests": review.lineage_feedback().select_related("respondent") if can_manage else (),
        "feedback_form": (feedback_form or _feedback_form(request, review)) if asking else None,
    }


@login_required
def review_detail(request: HttpRequest, public_id) -> HttpResponse:
    review = _review(request, public_id)
    return render(request, "reviews/review_detail.html", _detail_context(request, review))


@login_required
@require_POST
def feedback_request(request: HttpRequest, public_id) -> HttpResponse:
    """Ask a colleague for 360 feedback, from the review page; a refusal shows on that page."""
    review = _review(request, public_id)
    if not policy.can_manage_reviews(request.user, review.employee):
        raise Http404
    form = _feedback_form(request, review, request.POST)
    if form.is_valid():
        try:
            actions.request_feedback(review, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The colleague was asked for feedback."))
            return redirect(f"{reverse('reviews:review_detail', args=[review.public_id])}#feedback")
    return render(request, "reviews/review_detail.html", _detail_context(request, review, form))


@login_required
@require_POST
def review_open(request: HttpRequest, public_id) -> HttpResponse:
    review = _review(request, public_id)
    return _after(
        request,
        review,
        lambda: actions.open_review(review, actor=request.user),
        _("The review is shared with the employee for their self-assessment."),
    )


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
        flash_errors(request, error)
    else:
        messages.success(request, done)
    return redirect("reviews:review_detail", review.public_id)
