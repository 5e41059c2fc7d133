"""Warnings: the list, one warning with the employee's written answer, and issuing one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import TextForm, WarningForm, add_action_errors
from dueprocess.reviews.models import Investigation, Warning
from dueprocess.reviews.views._common import parse_uuid


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
    # Reached from a concluded investigation, the form starts from it.
    grounds = investigations.filter(public_id=parse_uuid(request.GET.get("investigation")))
    initial = {"issued_on": today(), "investigation": grounds.values_list("pk", flat=True).first()}
    form = WarningForm(request.POST or None, investigations=investigations, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            warning = actions.issue_warning(actor=request.user, employee=employee, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The warning was issued."))
            return redirect("reviews:warning_detail", warning.public_id)
    return render(request, "reviews/warning_form.html", {"form": form, "employee": employee})
