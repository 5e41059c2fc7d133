"""The checklist: created from the template for the case's law, each due date counted from the last
day; tasks done, assigned, or set aside as not applicable — a required one only by legal counsel."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding.actions._common import (
    AFTER_NOTICE,
    Errors,
    case_event,
    issue_letter_to_employee,
    require,
    today,
)
from dueprocess.offboarding.actions.settlement import assessed_lines
from dueprocess.offboarding.models import (
    Checklist,
    ChecklistTemplate,
    LineKind,
    OffboardingTask,
    OwnerRole,
    TaskStatus,
)

# Tasks a letter does: the letters app writes it, the task records which letter.
LETTER_FOR_TASK = {
    "termination_certificate": "termination_certificate",  # PRC LCL 50, IR 24
    "change_notice": "ca_change_notice",  # UI Code 1089, 22 CCR 1089-1
}


def _applies(kind: str, case: SeparationCase) -> bool:
    """Severance and pay in lieu are tasks only when the case owes them: the assessment it acted on
    has a severance (or redundancy pay) amount, the notice was paid in lieu."""
    if kind == "pay_in_lieu":
        return case.pay_in_lieu
    if kind == "severance" and case.latest_assessment is not None:
        owed = {line_kind for line_kind, _amount, _article in assessed_lines(case.latest_assessment)}
        return bool(owed & {LineKind.SEVERANCE, LineKind.REDUNDANCY_PAY})
    return True


def _owner(role: str, case: SeparationCase, actor: User) -> User | None:
    """HR tasks go to whoever creates the checklist, the handover to the line manager's account;
    IT and payroll have no account of their own here until someone is assigned."""
    if role == OwnerRole.HR:
        return actor
    if role == OwnerRole.MANAGER and case.employee.manager_id:
        return User.objects.filter(employee_id=case.employee.manager_id, is_active=True).first()
    return None


@transaction.atomic
def create_checklist(
    case: SeparationCase, *, actor: User, template: ChecklistTemplate | None = None
) -> Checklist:
    require(policy.can_manage_offboarding(actor, case), _("manage this case's offboarding"))
    case = SeparationCase.objects.select_for_update().select_related("employee").get(pk=case.pk)
    errors = Errors()
    if case.stage not in AFTER_NOTICE:
        errors.add("case", _("The checklist follows the notice: serve it first."))
    if not case.last_day:
        errors.add("case", _("The case has no last day to count the due dates from."))
    if Checklist.objects.filter(case=case).exists():
        errors.add("case", _("This case already has its checklist."))
    template = template or ChecklistTemplate.objects.for_case(case)
    if template is None:
        errors.add("template", _("There is no checklist template for %(law)s.") % {"law": case.jurisdiction})
    elif template.jurisdiction != case.jurisdiction or template.ground not in ("", case.ground):
        errors.add("template", _("This template is for another law or ground than the case's."))
    errors.raise_any()
    assert template is not None and case.last_day is not None
    checklist = Checklist.objects.create(
        case=case,
        template=template,
        template_version=template.version,
        last_day=case.last_day,
        created_by=actor,
    )
    tasks = [
        OffboardingTask(
            checklist=checklist,
            order=t.order,
            kind=t.kind,
            title_en=t.title_en,
            title_zh=t.title_zh,
            owner_role=t.owner_role,
            owner=_owner(t.owner_role, case, actor),
            due_on=case.last_day + dt.timedelta(days=t.offset_days),
            legally_required=t.legally_required,
            article=t.article,
        )
        for t in template.tasks.all()
        if _applies(t.kind, case)
    ]
    OffboardingTask.objects.bulk_create(tasks)
    case_event(
        case,
        "offboarding.checklist_created",
        actor=actor,
        data={
            "template": template.name,
            "version": template.version,
            "last_day": case.last_day,
            "tasks": [
                {"kind": t.kind, "due_on": t.due_on, "required": t.legally_required, "article": t.article}
                for t in tasks
            ],
        },
    )
    return checklist


def ensure_checklist(case: SeparationCase, *, actor: User) -> Checklist:
    """The case's checklist, created now if it has none (for a hook on starting offboarding)."""
    existing = Checklist.objects.filter(case=case).first()
    return existing or create_checklist(case, actor=actor)


def _locked_open(task: OffboardingTask, errors: Errors) -> OffboardingTask:
    task = OffboardingTask.objects.select_for_update().select_related("checklist__case").get(pk=task.pk)
    if task.checklist.case.stage in (Stage.CLOSED, Stage.WITHDRAWN):
        errors.add("case", _("This case is %(stage)s.") % {"stage": task.checklist.case.get_stage_display()})
    if not task.is_open:
        errors.add(
            "task", _("This task is already settled: %(status)s.") % {"status": task.get_status_display()}
        )
    return task


def _check_day(errors: Errors, field: str, day: dt.date, case: SeparationCase) -> None:
    if day > today():
        errors.add(field, _("Record this once it has happened."))
    if day < case.opened_on:
        errors.add(field, _("This is before the case was opened."))


@transaction.atomic
def complete_task(
    task: OffboardingTask, *, actor: User, done_on: dt.date | None = None, note: str = "", letter=None
) -> OffboardingTask:
    require(policy.can_complete_offboarding_task(actor, task), _("settle this task"))
    errors = Errors()
    task = _locked_open(task, errors)
    done_on = done_on or today()
    _check_day(errors, "done_on", done_on, task.checklist.case)
    errors.raise_any()
    task.status, task.done_on, task.done_by, task.note = TaskStatus.DONE, done_on, actor, note.strip()
    if letter is not None:
        task.letter_public_id, task.letter_reference = letter.public_id, letter.reference
    task.save()
    case_event(
        task.checklist.case,
        "offboarding.task_completed",
        actor=actor,
        data={
            "on": done_on,
            "task": task.kind,
            "article": task.article,
            "due_on": task.due_on,
            "late": done_on > task.due_on,
            "note": task.note,
            "letter": task.letter_reference,
        },
    )
    return task


@transaction.atomic
def issue_task_letter(
    task: OffboardingTask, *, actor: User, language: str = "zh-hans", email: bool = True
) -> OffboardingTask:
    """Do a task that is a letter (the termination certificate): write it, deliver it, and record
    the task done with the letter's reference."""
    require(policy.can_manage_offboarding(actor, task.checklist.case), _("manage this case's offboarding"))
    kind = LETTER_FOR_TASK.get(task.kind)
    errors = Errors()
    if kind is None:
        errors.add("task", _("No letter does this task."))
    _locked_open(task, errors)
    errors.raise_any()
    letter = issue_letter_to_employee(kind, task.checklist.case, actor=actor, language=language, email=email)
    return complete_task(task, actor=actor, done_on=today(), letter=letter)


@transaction.atomic
def mark_not_applicable(task: OffboardingTask, *, actor: User, reason: str) -> OffboardingTask:
    require(policy.can_complete_offboarding_task(actor, task), _("settle this task"))
    errors = Errors()
    task = _locked_open(task, errors)
    case = task.checklist.case
    if task.legally_required and not policy.can_waive_required_task(actor, case):
        errors.add("task", _("The law requires this task: only legal counsel may set it aside."))
    errors.blank("reason", reason, _("Say why the task does not apply."))
    errors.raise_any()
    task.status, task.done_on, task.done_by = TaskStatus.NOT_APPLICABLE, today(), actor
    task.reason = reason.strip()
    task.save()
    case_event(
        case,
        "offboarding.task_not_applicable",
        actor=actor,
        data={
            "task": task.kind,
            "article": task.article,
            "required": task.legally_required,
            "reason": task.reason,
        },
    )
    return task


@transaction.atomic
def assign_task(task: OffboardingTask, *, actor: User, owner: User) -> OffboardingTask:
    case = task.checklist.case
    require(policy.can_manage_offboarding(actor, case), _("manage this case's offboarding"))
    errors = Errors()
    task = _locked_open(task, errors)
    if not owner.is_active or not policy.cases_visible_to(owner).filter(pk=case.pk).exists():
        errors.add("owner", _("This person cannot see the case, so cannot own its task."))
    errors.raise_any()
    task.owner = owner
    task.save(update_fields=["owner"])
    case_event(
        case,
        "offboarding.task_assigned",
        actor=actor,
        data={"task": task.kind, "owner": owner.get_username()},
    )
    return task
