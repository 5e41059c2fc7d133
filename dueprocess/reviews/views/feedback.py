"""360 feedback from the respondent's side: the requests addressed to them, and the answer page; and
the employee search that the colleague pickers ask as one types."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import add_action_errors
from dueprocess.reviews.forms.reviews import FeedbackAnswerForm
from dueprocess.reviews.models import FeedbackRequest, Review
from dueprocess.reviews.views._common import people_in_scope

SEARCH_LIMIT = 20


@login_required
def feedback_list(request: HttpRequest) -> HttpResponse:
    requests = policy.feedback_requests_for(request.user).select_related("review__employee", "review__cycle")
    requests = requests.order_by("-requested_at", "-pk")
    context = {
        "waiting": [r for r in requests if not r.is_answered],
        "answered": [r for r in requests if r.is_answered],
        "today": today(),
    }
    return render(request, "reviews/feedback_list.html", context)


@login_required
def feedback_answer(request: HttpRequest, public_id) -> HttpResponse:
    # Only the respondent reaches the request; anyone else is told it does not exist.
    found = policy.feedback_requests_for(request.user).select_related(
        "review__employee", "review__cycle__scale", "rating"
    )
    feedback = get_object_or_404(found, public_id=public_id)
    cycle = feedback.review.cycle
    form = FeedbackAnswerForm(request.POST or None, scale=cycle.scale)
    if request.method == "POST" and form.is_valid():
        try:
            actions.give_feedback(feedback, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Thank you: your feedback was recorded."))
            return redirect("reviews:feedback_list")
    context = {"feedback": feedback, "cycle": cycle, "form": form, "closed": _closed(feedback)}
    return render(request, "reviews/feedback_answer.html", context)


def _closed(feedback: FeedbackRequest) -> str:
    """Why no answer can be given any more, if so (the action refuses the same)."""
    review = feedback.review
    if Review.objects.current().filter(cycle=review.cycle_id, employee=review.employee_id).first().is_locked:
        return _("The review has been submitted; it no longer takes feedback.")
    if feedback.due_on < today():
        return _("The answer-by date has passed.")
    return ""


@login_required
def employee_options(request: HttpRequest) -> HttpResponse:
    """Suggestions for a colleague picker: among the people the user may see, never beyond."""
    typed = request.GET.get(request.GET.get("name", ""), "")
    query = typed.split("·", 1)[0].strip()[:100]
    employees = people_in_scope(request.user).filter(left_on__isnull=True)
    if query:
        employees = employees.filter(
            Q(number__istartswith=query) | Q(legal_name__icontains=query) | Q(other_name__icontains=query)
        )
    context = {"employees": employees.order_by("number")[:SEARCH_LIMIT]}
    return render(request, "reviews/_employee_options.html", context)
