"""My reviews (the shared ones, and my self-assessment while a review is open), and my warnings and
the investigations that ask for my explanation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.portal import shared
from dueprocess.portal.forms import ExplanationForm, SelfAssessmentForm
from dueprocess.portal.views._common import own, portal_view
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import add_action_errors
from dueprocess.reviews.models import ReviewStatus


def _form(form_class, obj, data=None, **kwargs):
    # Several forms of one kind on a page: the prefix keeps their fields' ids apart.
    return form_class(data, prefix=f"f-{obj.public_id}", **kwargs)


@portal_view
def review_list(request: HttpRequest) -> HttpResponse:
    return _reviews_page(request)


def _reviews_page(request: HttpRequest, bound=None) -> HttpResponse:
    """The reviews page; a form that was refused comes back bound, with its errors."""
    rows = [
        (r, bound if bound and bound.prefix == f"f-{r.public_id}" else _self_form(r))
        for r in shared.reviews(request.user)
    ]
    return render(request, "portal/reviews.html", {"reviews": rows})


def _self_form(review, data=None) -> SelfAssessmentForm | None:
    if review.status != ReviewStatus.OPEN:
        return None
    return _form(SelfAssessmentForm, review, data, initial={"text": review.self_assessment})


@portal_view
@require_POST
def self_assess(request: HttpRequest, public_id) -> HttpResponse:
    review = own(shared.reviews(request.user), public_id)
    form = _form(SelfAssessmentForm, review, request.POST)
    if form.is_valid():
        try:
            actions.record_self_assessment(review, actor=request.user, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your self-assessment was saved."))
            return redirect("portal:reviews")
    return _reviews_page(request, bound=form)


@portal_view
def conduct(request: HttpRequest) -> HttpResponse:
    return _conduct_page(request)


def _conduct_page(request: HttpRequest, bound=None) -> HttpResponse:
    def form_for(obj):
        return bound if bound and bound.prefix == f"f-{obj.public_id}" else _form(ExplanationForm, obj)

    context = {
        "warnings": [(w, form_for(w)) for w in shared.warnings(request.user)],
        "investigations": [(i, form_for(i)) for i in shared.investigations_to_explain(request.user)],
        "today": today(),
    }
    return render(request, "portal/conduct.html", context)


def _explain(request: HttpRequest, obj, **about) -> HttpResponse:
    form = _form(ExplanationForm, obj, request.POST)
    if form.is_valid():
        try:
            actions.record_explanation(actor=request.user, text=form.cleaned_data["text"], **about)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your explanation was recorded."))
            return redirect("portal:conduct")
    return _conduct_page(request, bound=form)


@portal_view
@require_POST
def warning_explain(request: HttpRequest, public_id) -> HttpResponse:
    warning = own(shared.warnings(request.user), public_id)
    return _explain(request, warning, warning=warning)


@portal_view
@require_POST
def investigation_explain(request: HttpRequest, public_id) -> HttpResponse:
    investigation = own(shared.investigations_to_explain(request.user), public_id)
    return _explain(request, investigation, investigation=investigation)
