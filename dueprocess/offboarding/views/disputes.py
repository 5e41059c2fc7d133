"""Disputes: filing one, its page with hearings and the outcome, and the way to the evidence bundle."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase
from dueprocess.offboarding import actions, forms
from dueprocess.offboarding.actions._common import today
from dueprocess.offboarding.models import Dispute
from dueprocess.offboarding.queries import record_chain
from dueprocess.offboarding.views._common import case_for, run_form


def disputes_context(request: HttpRequest, case: SeparationCase) -> dict:
    return {
        "disputes": list(Dispute.objects.filter(case=case).prefetch_related("hearings")),
        "sees_figures": policy.can_view_sensitive(request.user, case.employee),
        "chain": record_chain(request.user, case),
    }


@login_required
def dispute_create(request: HttpRequest, public_id) -> HttpResponse:
    case = case_for(request, public_id)
    if not policy.can_manage_offboarding(request.user, case):
        raise Http404
    form = forms.DisputeForm(
        request.POST or None, jurisdiction=case.jurisdiction, initial={"filed_on": today()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            dispute = actions.file_dispute(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, _("The dispute was recorded."))
            if dispute.filed_after_limitation:
                messages.warning(
                    request,
                    _(
                        "It was filed after the limitation ended on %(day)s (%(article)s): "
                        "raise it in the answer."
                    )
                    % {
                        "day": f"{dispute.limitation_ends_on:%Y-%m-%d}",
                        "article": dispute.limitation_article,
                    },
                )
            return redirect("offboarding:dispute_detail", case.public_id, dispute.public_id)
    context = {"case": case, "form": form, "title": _("Record a dispute"), "submit": _("Record")}
    return render(request, "offboarding/form.html", context)


def _dispute(request: HttpRequest, public_id, dispute_id) -> tuple[SeparationCase, Dispute]:
    case = case_for(request, public_id)
    return case, get_object_or_404(Dispute, case=case, public_id=dispute_id)


@login_required
def dispute_detail(request: HttpRequest, public_id, dispute_id) -> HttpResponse:
    case, dispute = _dispute(request, public_id, dispute_id)
    context = {
        "case": case,
        "dispute": dispute,
        "hearings": dispute.hearings.all(),
        "can_manage": policy.can_manage_offboarding(request.user, case),
        "sees_figures": policy.can_view_sensitive(request.user, case.employee),
        "chain": record_chain(request.user, case),
        "hearing_form": forms.DisputeHearingForm(initial={"on": today()}),
        "outcome_form": forms.DisputeOutcomeForm(initial={"decided_on": today()}),
    }
    return render(request, "offboarding/dispute_detail.html", context)


@login_required
@require_POST
def dispute_hearing(request: HttpRequest, public_id, dispute_id) -> HttpResponse:
    case, dispute = _dispute(request, public_id, dispute_id)
    run_form(
        request,
        case,
        forms.DisputeHearingForm(request.POST),
        lambda data: actions.record_dispute_hearing(dispute, actor=request.user, **data),
        _("The hearing was recorded."),
    )
    return redirect("offboarding:dispute_detail", case.public_id, dispute.public_id)


@login_required
@require_POST
def dispute_outcome(request: HttpRequest, public_id, dispute_id) -> HttpResponse:
    case, dispute = _dispute(request, public_id, dispute_id)
    run_form(
        request,
        case,
        forms.DisputeOutcomeForm(request.POST),
        lambda data: actions.record_dispute_outcome(dispute, actor=request.user, **data),
        _("The outcome was recorded."),
    )
    return redirect("offboarding:dispute_detail", case.public_id, dispute.public_id)
