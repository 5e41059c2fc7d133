"""Conduct: the list of incidents and investigations, reporting an incident, the incident file, and
its evidence, which is only ever handed out here, after asking the policy."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.records.downloads import hand_out, is_sha256
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import today
from dueprocess.reviews.forms import add_action_errors
from dueprocess.reviews.forms.conduct import IncidentForm, PickEmployeeForm
from dueprocess.reviews.forms.fields import suggest
from dueprocess.reviews.models import Explanation, Incident, Investigation, Warning
from dueprocess.reviews.models.conduct import InvestigationStatus
from dueprocess.reviews.views._common import colleagues_in_scope, people_in_scope, team_around

PAGE_SIZE = 50


@login_required
def conduct_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    investigations = Investigation.objects.visible_to(user)
    incidents = (
        Incident.objects.visible_to(user)
        .select_related("employee")
        .prefetch_related(Prefetch("investigation", queryset=investigations))
        .order_by("-occurred_on", "-pk")
    )
    explained = Explanation.objects.filter(investigation=OuterRef("pk"))
    context = {
        "page": Paginator(incidents, PAGE_SIZE).get_page(request.GET.get("page")),
        "to_explain": policy.investigations_to_explain(user)
        .select_related("incident")
        .annotate(explained=Exists(explained)),
        "can_report": policy.can_report_incidents(user),
    }
    return render(request, "reviews/conduct_list.html", context)


@login_required
def incident_start(request: HttpRequest) -> HttpResponse:
    """Choose whom the incident is about; the report itself is made on that person's form."""
    if not policy.can_report_incidents(request.user):
        raise PermissionDenied
    employees = colleagues_in_scope(request.user)
    form = PickEmployeeForm(request.GET or None, employees=employees)
    suggest(form.fields["employee"], employees.order_by("number")[:30])
    if form.is_valid():
        return redirect("reviews:incident_create", form.cleaned_data["employee"].public_id)
    return render(request, "reviews/incident_start.html", {"form": form})


@login_required
def incident_create(request: HttpRequest, employee_id) -> HttpResponse:
    user = request.user
    employee = get_object_or_404(policy.employees_visible_to(user), public_id=employee_id)
    if not policy.can_report_incident(user, employee):
        raise Http404
    people, own = people_in_scope(user), [user.employee] if user.employee_id else []
    team = team_around(employee, people)
    form = IncidentForm(
        request.POST or None, request.FILES or None, people=people, witnesses=team,
        initial={"reported_on": today()},
    )  # fmt: skip
    suggest(form.fields["reported_by"], dict.fromkeys([*own, *team]))
    if request.method == "POST" and form.is_valid():
        try:
            incident = actions.report_incident(actor=user, employee=employee, **form.action_fields())
        except ValidationError as error:
            add_action_errors(form, error)
        else:
            messages.success(request, _("The incident was reported and recorded."))
            return redirect("reviews:incident_detail", incident.public_id)
    return render(request, "reviews/incident_form.html", {"form": form, "employee": employee})


@login_required
def incident_detail(request: HttpRequest, public_id) -> HttpResponse:
    user = request.user
    incidents = Incident.objects.visible_to(user).select_related("employee", "reported_by")
    incident = get_object_or_404(incidents, public_id=public_id)
    investigation = Investigation.objects.visible_to(user).filter(incident=incident).first()
    can_handle = policy.can_handle_conduct(user, incident.employee)
    context = {
        "incident": incident,
        "investigation": investigation,
        "interviews": investigation.interviews.select_related("interviewee") if investigation else [],
        "explanations": investigation.explanations.all() if investigation else [],
        "warnings": Warning.objects.visible_to(user).filter(investigation__incident=incident),
        "evidence": incident.evidence.all() if policy.can_view_evidence(user, incident) else [],
        "can_handle": can_handle,
        "is_open": investigation is not None and investigation.status == InvestigationStatus.OPEN,
        "can_explain": policy.can_record_explanation(user, incident.employee),
    }
    return render(request, "reviews/incident_detail.html", context)


@login_required
def evidence_download(request: HttpRequest, public_id, sha256: str) -> FileResponse:
    """Evidence is reached through its incident and the policy, never by a public address; each
    download is written to the read log."""
    incident = get_object_or_404(Incident.objects.visible_to(request.user), public_id=public_id)
    if not policy.can_view_evidence(request.user, incident) or not is_sha256(sha256):
        raise Http404
    evidence = incident.evidence.filter(sha256=sha256).first()
    if evidence is None:
        raise Http404
    return hand_out(request, evidence, about=incident)
