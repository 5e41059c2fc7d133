"""Layoff pages: plan the cut, record the collective steps, assess the batch, serve the notices."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.cases import actions
from dueprocess.cases.forms import DATE, TEXT, EmptyForm, add_action_errors
from dueprocess.cases.models import Layoff, Stage


class LayoffForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    reason = forms.CharField(label=gettext_lazy("Business reason"), widget=TEXT, max_length=20000)
    employees = forms.CharField(
        label=gettext_lazy("Employee numbers"),
        widget=TEXT,
        max_length=2_000_000,
        help_text=gettext_lazy("One per line, or separated by commas or spaces."),
    )
    headcount = forms.IntegerField(label=gettext_lazy("Headcount"), min_value=1)
    last_day = forms.DateField(label=gettext_lazy("Planned last day"), widget=DATE)
    establishment = forms.CharField(label=gettext_lazy("Establishment"), max_length=200, required=False)
    employer_headcount = forms.IntegerField(
        label=gettext_lazy("Employer's full-time headcount (US)"), min_value=1, required=False
    )
    others_in_period = forms.IntegerField(
        label=gettext_lazy("Others dismissed in the counting period"), min_value=0, initial=0
    )
    closing = forms.BooleanField(label=gettext_lazy("Plant closing (US)"), required=False)

    def clean_employees(self) -> list:
        numbers = [n for n in re.split(r"[\s,;，；]+", self.cleaned_data["employees"]) if n]
        visible = policy.employees_visible_to(self.user)
        found = {e.number: e for e in visible.filter(number__in=numbers)}
        unknown = [n for n in numbers if n not in found]
        if unknown:
            raise ValidationError(
                _("Unknown employee numbers: %(numbers)s") % {"numbers": ", ".join(unknown[:20])}
            )
        return list(found.values())

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user


class StepsForm(forms.Form):
    staff_explained_on = forms.DateField(
        label=gettext_lazy("Explained to the union or all staff on (CN LCL 41)"), widget=DATE, required=False
    )
    labour_bureau_reported_on = forms.DateField(
        label=gettext_lazy("Reported to the labour administration on (CN LCL 41)"),
        widget=DATE,
        required=False,
    )
    consultation_started_on = forms.DateField(
        label=gettext_lazy("Collective consultation started on (UK TULRCA s.188)"),
        widget=DATE,
        required=False,
    )
    hr1_sent_on = forms.DateField(
        label=gettext_lazy("HR1 sent on (UK TULRCA s.193)"), widget=DATE, required=False
    )
    warn_notice_on = forms.DateField(
        label=gettext_lazy("WARN notice given on (US)"), widget=DATE, required=False
    )
    notice_given_on = forms.DateField(
        label=gettext_lazy("Individual notices given on"), widget=DATE, required=False
    )


class RemoveForm(forms.Form):
    employee = forms.CharField(label=gettext_lazy("Employee number"), max_length=32)
    reason = forms.CharField(label=gettext_lazy("Reason"), widget=TEXT, max_length=20000)


@login_required
def layoff_list(request: HttpRequest) -> HttpResponse:
    layoffs = Layoff.objects.visible_to(request.user)
    return render(
        request,
        "cases/layoff_list.html",
        {"layoffs": layoffs, "can_create": policy.can_manage_layoffs(request.user)},
    )


@login_required
def layoff_create(request: HttpRequest) -> HttpResponse:
    if not policy.can_manage_layoffs(request.user):
        raise Http404
    form = LayoffForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            layoff = actions.create_layoff(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The layoff was planned."))
            return redirect("cases:layoff_detail", layoff.public_id)
    return render(request, "cases/layoff_form.html", {"form": form})


def _layoff(request: HttpRequest, public_id) -> Layoff:
    return get_object_or_404(Layoff.objects.visible_to(request.user), public_id=public_id)


def _context(request: HttpRequest, layoff: Layoff, bound: dict | None = None) -> dict:
    bound = bound or {}
    stored = layoff.latest_assessment
    initial = {f: getattr(layoff, f) for f in StepsForm.base_fields}
    return {
        "layoff": layoff,
        "can_manage": policy.can_manage_layoffs(request.user)
        and layoff.stage not in ("notices_served", "withdrawn"),
        "steps_form": bound.get("steps") or StepsForm(initial=initial, prefix="steps"),
        "remove_form": bound.get("remove") or RemoveForm(prefix="remove"),
        "empty_form": bound.get("assess") or bound.get("serve") or EmptyForm(),
        "assessment": stored.in_language(get_language() or "en") if stored else None,
        "stored": stored,
        "cases": layoff.cases.select_related("employee").order_by("employee__number")[:2000],
        "withdrawn": Stage.WITHDRAWN,
    }


@login_required
def layoff_detail(request: HttpRequest, public_id) -> HttpResponse:
    return render(request, "cases/layoff_detail.html", _context(request, _layoff(request, public_id)))


@login_required
@require_POST
def layoff_move(request: HttpRequest, public_id, name: str) -> HttpResponse:
    layoff = _layoff(request, public_id)
    if not policy.can_manage_layoffs(request.user):
        raise Http404
    forms_by_name = {"steps": StepsForm, "remove": RemoveForm, "assess": EmptyForm, "serve": EmptyForm}
    if name not in forms_by_name:
        raise Http404
    form = forms_by_name[name](request.POST, prefix=name if name in ("steps", "remove") else None)
    if form.is_valid():
        try:
            _run(name, layoff, form.cleaned_data, request)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            return redirect("cases:layoff_detail", layoff.public_id)
    layoff.refresh_from_db()
    context = _context(request, layoff, bound={name: form})
    return render(request, "cases/layoff_detail.html", context, status=422)


def _run(name: str, layoff: Layoff, data: dict, request: HttpRequest) -> None:
    user = request.user
    if name == "steps":
        actions.record_layoff_steps(layoff, actor=user, **data)
        messages.success(request, _("The steps were recorded."))
    elif name == "assess":
        actions.assess_layoff_now(layoff, actor=user)
        messages.success(request, _("The layoff was assessed."))
    elif name == "remove":
        employee = (
            layoff.cases.filter(employee__number=data["employee"]).values_list("employee", flat=True).first()
        )
        if employee is None:
            raise ValidationError({"employee": _("This employee is not in the layoff.")})
        from dueprocess.people.models import Employee

        actions.remove_from_layoff(
            layoff, actor=user, employee=Employee.objects.get(pk=employee), reason=data["reason"]
        )
        messages.success(request, _("The employee was taken out of the layoff."))
    else:
        actions.serve_layoff_notices(layoff, actor=user)
        messages.success(request, _("The notices were served."))
