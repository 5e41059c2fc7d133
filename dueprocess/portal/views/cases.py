"""My case, as it was shared with me: hearing invitations and the minutes of hearings held, my
statements and my evidence, the notice once served, and my appeal. Nothing of the employer's
working file (summary, assessments, approvals, overrides, union notices, evidence notes)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.cases import actions
from dueprocess.cases.models import SeparationCase
from dueprocess.portal import shared
from dueprocess.portal.forms import AppealForm, StatementForm
from dueprocess.portal.views._common import own, portal_view
from dueprocess.portal.windows import appeal_window, statement_window
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import add_action_errors


@portal_view
def case_list(request: HttpRequest) -> HttpResponse:
    cases = shared.cases(request.user).order_by("-opened_on")
    return render(request, "portal/case_list.html", {"cases": cases})


@portal_view
def case_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _page(request, own(shared.cases(request.user), public_id))


def _page(request: HttpRequest, case: SeparationCase, **forms) -> HttpResponse:
    """The case page; a form that was refused comes back bound, with its errors."""
    on = today()
    context = {
        "case": case,
        "hearings": case.hearings.all(),
        "statements": case.statements.all(),
        "appeals": case.appeals.all(),
        "statement_window": statement_window(case, on),
        "appeal_window": appeal_window(case, on),
        "today": on,
        # The ground reaches the employee with the written notice, which states it.
        "ground": case.ground_label(get_language() or "en") if case.notice_served_on else "",
        "statement_form": forms.get("statement_form") or StatementForm(),
        "appeal_form": forms.get("appeal_form") or AppealForm(),
    }
    return render(request, "portal/case_detail.html", context)


@portal_view
@require_POST
def statement(request: HttpRequest, public_id) -> HttpResponse:
    case = own(shared.cases(request.user), public_id)
    form = StatementForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.submit_statement(
                case, actor=request.user, text=form.cleaned_data["text"], evidence=form.evidence_files()
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your statement was submitted and recorded."))
            return redirect("portal:case_detail", case.public_id)
    return _page(request, case, statement_form=form)


@portal_view
@require_POST
def appeal(request: HttpRequest, public_id) -> HttpResponse:
    case = own(shared.cases(request.user), public_id)
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            actions.lodge_appeal(
                case, actor=request.user, lodged_on=today(), grounds=form.cleaned_data["grounds"]
            )
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("Your appeal was lodged and recorded."))
            return redirect("portal:case_detail", case.public_id)
    return _page(request, case, appeal_form=form)
