"""The case's offboarding page, the checklist's buttons, and the list of one's own open tasks."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dueprocess.accounts import policy
from dueprocess.accounts.models import Role, User
from dueprocess.cases.models import SeparationCase
from dueprocess.offboarding import actions, forms
from dueprocess.offboarding.actions._common import today
from dueprocess.offboarding.models import Checklist, OffboardingTask, TaskStatus
from dueprocess.offboarding.views._common import case_for, run, run_form

OWNER_ROLES = [Role.HR_ADMIN, Role.HR_PARTNER, Role.LEGAL, Role.MANAGER]


def owner_choices(case: SeparationCase):
    """Those who may be given a task: people in the offboarding roles who can read the case."""
    candidates = User.objects.filter(is_active=True, role__in=OWNER_ROLES).order_by("username")
    allowed = [u.pk for u in candidates if policy.cases_visible_to(u).filter(pk=case.pk).exists()]
    return User.objects.filter(pk__in=allowed).order_by("username")


def checklist_context(request: HttpRequest, case: SeparationCase) -> dict:
    user = request.user
    checklist = Checklist.objects.filter(case=case).first()
    tasks = list(checklist.tasks.select_related("owner", "done_by")) if checklist else []
    manage = policy.can_manage_offboarding(user, case)
    return {
        "checklist": checklist,
        "tasks": tasks,
        "settleable": set(policy.tasks_settleable_by(user, case).values_list("pk", flat=True)),
        "can_manage": manage,
        "can_waive": policy.can_waive_required_task(user, case),
        "letter_tasks": set(actions.LETTER_FOR_TASK) if apps.is_installed("dueprocess.letters") else set(),
        "today": today(),
        "done_form": forms.TaskDoneForm(initial={"done_on": today()}),
        "na_form": forms.NotApplicableForm(),
        "assign_form": forms.AssignForm(owners=owner_choices(case)) if manage and checklist else None,
        "letter_form": forms.LetterForm(initial={"language": "zh-hans"}),
    }


@login_required
def case_offboarding(request: HttpRequest, public_id) -> HttpResponse:
    from dueprocess.offboarding.views.disputes import disputes_context
    from dueprocess.offboarding.views.money import money_context

    case = case_for(request, public_id)
    context = {"case": case, **checklist_context(request, case), **money_context(request, case)}
    context |= disputes_context(request, case)
    return render(request, "offboarding/case.html", context)


@login_required
@require_POST
def checklist_create(request: HttpRequest, public_id) -> HttpResponse:
    case = case_for(request, public_id)
    return run(
        request,
        case,
        lambda: actions.create_checklist(case, actor=request.user),
        _("The checklist was created, each task due from the last day."),
    )


def _task(request: HttpRequest, case: SeparationCase, task_id) -> OffboardingTask:
    return get_object_or_404(OffboardingTask.objects.filter(checklist__case=case), public_id=task_id)


@login_required
@require_POST
def task_done(request: HttpRequest, public_id, task_id) -> HttpResponse:
    case = case_for(request, public_id)
    task = _task(request, case, task_id)
    return run_form(
        request,
        case,
        forms.TaskDoneForm(request.POST),
        lambda data: actions.complete_task(task, actor=request.user, **data),
        _("The task was recorded as done."),
    )


@login_required
@require_POST
def task_not_applicable(request: HttpRequest, public_id, task_id) -> HttpResponse:
    case = case_for(request, public_id)
    task = _task(request, case, task_id)
    return run_form(
        request,
        case,
        forms.NotApplicableForm(request.POST),
        lambda data: actions.mark_not_applicable(task, actor=request.user, reason=data["reason"]),
        _("The task was set aside as not applicable."),
    )


@login_required
@require_POST
def task_assign(request: HttpRequest, public_id, task_id) -> HttpResponse:
    case = case_for(request, public_id)
    task = _task(request, case, task_id)
    if not policy.can_manage_offboarding(request.user, case):
        raise Http404
    return run_form(
        request,
        case,
        forms.AssignForm(request.POST, owners=owner_choices(case)),
        lambda data: actions.assign_task(task, actor=request.user, owner=data["owner"]),
        _("The task was assigned."),
    )


@login_required
@require_POST
def task_letter(request: HttpRequest, public_id, task_id) -> HttpResponse:
    case = case_for(request, public_id)
    task = _task(request, case, task_id)
    return run_form(
        request,
        case,
        forms.LetterForm(request.POST),
        lambda data: actions.issue_task_letter(task, actor=request.user, language=data["language"]),
        _("The letter was written, put in the employee's portal, and the task recorded as done."),
    )


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    """The open tasks the user owns, and for those running cases every open task on them."""
    cases = SeparationCase.objects.visible_to(request.user).open()
    tasks = (
        OffboardingTask.objects.filter(status=TaskStatus.OPEN, checklist__case__in=cases)
        .select_related("checklist__case__employee", "owner")
        .order_by("due_on", "order")
    )
    mine = [t for t in tasks if t.owner_id == request.user.pk]
    runs: dict[int, bool] = {}
    for t in tasks:
        case = t.checklist.case
        if case.pk not in runs:
            runs[case.pk] = policy.can_manage_offboarding(request.user, case)
    others = [t for t in tasks if t.owner_id != request.user.pk and runs[t.checklist.case.pk]]
    return render(request, "offboarding/task_list.html", {"mine": mine, "others": others, "today": today()})
