"""What the offboarding views share: the case the user may read (404 otherwise), and running an
action from a button, its refusal shown at the top of the offboarding page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect

from dueprocess.cases.models import SeparationCase


def case_for(request: HttpRequest, public_id) -> SeparationCase:
    # The same answer for "does not exist" and "not yours": existence is not leaked.
    cases = SeparationCase.objects.visible_to(request.user).select_related("employee", "employee__manager")
    return get_object_or_404(cases, public_id=public_id)


def back(case: SeparationCase) -> HttpResponse:
    return redirect("offboarding:case", case.public_id)


def run(request: HttpRequest, case: SeparationCase, action: Callable[[], object], done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return back(case)


def run_form(
    request: HttpRequest, case: SeparationCase, form: Form, action: Callable[[dict], object], done: str
) -> HttpResponse:
    """A button with a few fields of its own (a date, a note): a bad field is named at the top."""
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return back(case)
    return run(request, case, lambda: action(form.cleaned_data), done)
