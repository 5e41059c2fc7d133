"""Investigation pages: open one on an incident, record interviews, hear the employee, conclude.

HR and legal handle all four. The employee reaches only the explanation page, through their own
login, for an open investigation about them, and is shown the allegation, not the file."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import TextForm, add_action_errors
from dueprocess.reviews.forms.conduct import (
    ConclusionForm,
    ExplanationForm,
    InterviewForm,
    OpenInvestigationForm,
)
from dueprocess.reviews.forms.fields import suggest
from dueprocess.reviews.models import Incident, Investigation
from dueprocess.reviews.views._common import people_in_scope, team_around


def _incident(request: HttpRequest, public_id) -> Incident:
    found = Incident.objects.visible_to(request.user).select_related("employee")
    incident = get_object_or_404(found, public_id=public_id)
    if not policy.can_handle_conduct(request.user, incident.employee):
        raise Http404
    return incident


def _investigation(request: HttpRequest, public_id) -> Investigation:
    found = Investigation.objects.visible_to(request.user).select_related("incident__employee")
    investigation = get_object_or_404(found, public_id=public_id)
    if not policy.can_handle_conduct(request.user, investigation.employee):
        raise Http404
    return investigation


def _url(incident: Incident) -> str:
    return reverse("reviews:incident_detail", args=[incident.public_id])


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    act: Callable[[dict], object],
    *,
    done: str,
    then: str,
    context: dict,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, done)
            return redirect(then)
    return render(request, "reviews/conduct_form.html", {"form": form, **context})


@login_required
def investigation_open(request: HttpRequest, public_id) -> HttpResponse:
    incident = _incident(request, public_id)
    form = OpenInvestigationForm(request.POST or None, initial={"opened_on": today()})
    return _form_page(
        request,
        form,
        lambda data: actions.open_investigation(incident, actor=request.user, **data),
        done=_("The investigation was opened."),
        then=_url(incident),
        context={
            "incident": incident,
            "heading": _("Open an investigation"),
            "submit": _("Open it"),
            "intro": _(
                "Ask the employee for their written explanation once it is open: no finding "
                "can be made before they have been heard."
            ),
        },
    )


@login_required
def interview_create(request: HttpRequest, public_id) -> HttpResponse:
    investigation = _investigation(request, public_id)
    incident, user = investigation.incident, request.user
    initial = {"held_on": today(), "interviewers": user.get_full_name() or user.get_username()}
    form = InterviewForm(request.POST or None, people=people_in_scope(user), initial=initial)
    involved = [
        incident.employee,
        *incident.witnesses.all(),
        *team_around(incident.employee, people_in_scope(user)),
    ]
    suggest(form.fields["interviewee"], dict.fromkeys(involved))
    return _form_page(
        request,
        form,
        lambda data: actions.record_interview(investigation, actor=user, **data),
        done=_("The interview was recorded."),
        then=_url(incident),
        context={"incident": incident, "heading": _("Record an interview"), "submit": _("Record it")},
    )


@login_required
def explanation_create(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    found = Investigation.objects.visible_to(user) | policy.investigations_to_explain(user)
    investigation = get_object_or_404(found.select_related("incident__employee"), public_id=public_id)
    employee = investigation.employee
    if not policy.can_record_explanation(user, employee):
        raise Http404
    own = user.employee_id == employee.pk
    if own:
        form: forms.Form = TextForm(request.POST or None)
    else:
        form = ExplanationForm(request.POST or None, initial={"written_on": today()})
    data_of = (lambda data: {"text": data["text"]}) if own else dict
    return _form_page(
        request,
        form,
        lambda data: actions.record_explanation(actor=user, investigation=investigation, **data_of(data)),
        done=_("The explanation was recorded with the investigation."),
        then="reviews:conduct_list" if own else _url(investigation.incident),
        context={
            "incident": investigation.incident,
            "own": own,
            "explanations": investigation.explanations.all(),
            "heading": _("Your written explanation") if own else _("Record the employee's explanation"),
            "submit": _("Add the explanation"),
            "intro": _(
                "The employee gives their own account before any finding is made. It is kept with the "
                "investigation as written."
            ),
        },
    )


@login_required
def investigation_conclude(request: HttpRequest, public_id) -> HttpResponse:
    investigation = _investigation(request, public_id)
    form = ConclusionForm(request.POST or None, initial={"concluded_on": today()})
    return _form_page(
        request,
        form,
        lambda data: actions.conclude_investigation(investigation, actor=request.user, **data),
        done=_("The investigation was concluded and is now locked."),
        then=_url(investigation.incident),
        context={
            "incident": investigation.incident,
            "explanations": investigation.explanations.all(),
            "heading": _("Conclude the investigation"),
            "submit": _("Conclude"),
            "intro": _(
                "Once concluded, the investigation is locked. A substantiated finding may ground a warning."
            ),
        },
    )
