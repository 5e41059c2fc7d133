"""The settlement and the support offered: pages to add a line or an offer, buttons for the rest."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.cases.models import SeparationCase
from dueprocess.offboarding import actions, forms
from dueprocess.offboarding.actions._common import today
from dueprocess.offboarding.models import Settlement, SettlementLine, SupportKind, SupportOffer, Uptake
from dueprocess.offboarding.views._common import back, case_for, run, run_form


def money_context(request: HttpRequest, case: SeparationCase) -> dict:
    user = request.user
    sees = policy.can_view_settlement(user, case)
    settlement = Settlement.objects.filter(case=case).first() if sees else None
    lines = list(settlement.lines.select_related("approved_by", "paid_by")) if settlement else []
    return {
        "sees_settlement": sees,
        "settlement": settlement,
        "lines": lines,
        "settlement_total": settlement.total() if settlement else None,
        "can_manage_settlement": policy.can_manage_settlement(user, case),
        "can_approve_settlement": policy.can_approve_settlement(user, case),
        "paid_form": forms.PaidForm(initial={"paid_on": today()}),
        "withdraw_form": forms.WithdrawForm(),
        "offers": list(SupportOffer.objects.filter(case=case)),
        "uptake_form": forms.UptakeForm(initial={"on": today()}),
        "reference_letters": apps.is_installed("dueprocess.letters"),
        "letter_form": forms.LetterForm(initial={"language": "zh-hans"}),
        **_interview_context(user, case),
    }


def _interview_context(user, case: SeparationCase) -> dict:
    from dueprocess.offboarding.models import ExitInterview

    return {
        "interview": ExitInterview.objects.filter(case=case).first(),
        "can_read_interview": policy.can_read_exit_interview(user, case),
    }


def _settlement(request: HttpRequest, public_id) -> tuple[SeparationCase, Settlement]:
    case = case_for(request, public_id)
    if not policy.can_view_settlement(request.user, case):
        raise Http404
    return case, get_object_or_404(Settlement, case=case)


@login_required
@require_POST
def settlement_create(request: HttpRequest, public_id) -> HttpResponse:
    case = case_for(request, public_id)
    return run(
        request,
        case,
        lambda: actions.create_settlement(case, actor=request.user),
        _("The settlement was drawn up from the assessment."),
    )


@login_required
def settlement_line(request: HttpRequest, public_id) -> HttpResponse:
    case, settlement = _settlement(request, public_id)
    if not policy.can_manage_settlement(request.user, case):
        raise Http404
    form = forms.SettlementLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_settlement_line(settlement, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, _("The line was added; it awaits approval."))
            return back(case)
    context = {"case": case, "form": form, "title": _("Add a settlement line"), "submit": _("Add")}
    return render(request, "offboarding/form.html", context)


@login_required
@require_POST
def settlement_approve(request: HttpRequest, public_id) -> HttpResponse:
    case, settlement = _settlement(request, public_id)
    return run(
        request,
        case,
        lambda: actions.approve_settlement(settlement, actor=request.user),
        _("The lines awaiting approval were approved."),
    )


@login_required
@require_POST
def settlement_paid(request: HttpRequest, public_id) -> HttpResponse:
    case, settlement = _settlement(request, public_id)
    return run_form(
        request,
        case,
        forms.PaidForm(request.POST),
        lambda data: actions.mark_settlement_paid(settlement, actor=request.user, **data),
        _("The approved lines were marked paid."),
    )


@login_required
@require_POST
def line_withdraw(request: HttpRequest, public_id, line_id) -> HttpResponse:
    case, settlement = _settlement(request, public_id)
    line = get_object_or_404(SettlementLine, settlement=settlement, public_id=line_id)
    return run_form(
        request,
        case,
        forms.WithdrawForm(request.POST),
        lambda data: actions.withdraw_settlement_line(line, actor=request.user, reason=data["reason"]),
        _("The line was withdrawn."),
    )


@login_required
def support_create(request: HttpRequest, public_id) -> HttpResponse:
    case = case_for(request, public_id)
    if not policy.can_manage_offboarding(request.user, case):
        raise Http404
    form = forms.SupportForm(request.POST or None, initial={"offered_on": today()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.offer_support(case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            forms.add_action_errors(form, error)
        else:
            messages.success(request, _("The offer of support was recorded."))
            return back(case)
    context = {"case": case, "form": form, "title": _("Offer support"), "submit": _("Record the offer")}
    return render(request, "offboarding/form.html", context)


def _offer(request: HttpRequest, public_id, offer_id) -> tuple[SeparationCase, SupportOffer]:
    case = case_for(request, public_id)
    return case, get_object_or_404(SupportOffer, case=case, public_id=offer_id)


@login_required
@require_POST
def support_uptake(request: HttpRequest, public_id, offer_id) -> HttpResponse:
    case, offer = _offer(request, public_id, offer_id)
    return run_form(
        request,
        case,
        forms.UptakeForm(request.POST),
        lambda data: actions.record_support_uptake(offer, actor=request.user, **data),
        _("Whether the support was taken up was recorded."),
    )


@login_required
@require_POST
def support_reference_letter(request: HttpRequest, public_id, offer_id) -> HttpResponse:
    case, offer = _offer(request, public_id, offer_id)
    if offer.kind != SupportKind.REFERENCE_LETTER or offer.taken_up != Uptake.UNKNOWN:
        raise Http404
    return run_form(
        request,
        case,
        forms.LetterForm(request.POST),
        lambda data: actions.give_reference_letter(offer, actor=request.user, language=data["language"]),
        _("The reference letter was written and put in the employee's portal."),
    )
