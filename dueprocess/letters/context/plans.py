"""Sections read from an improvement plan, one of its check-ins, and a warning."""

from __future__ import annotations

from django.utils.translation import gettext as _

from dueprocess.letters.context.common import Data, iso, missing
from dueprocess.letters.wording import word
from dueprocess.plans.models import CheckIn, ImprovementPlan, PlanStatus
from dueprocess.reviews.models import Warning


def plan_section(plan: ImprovementPlan, language: str) -> Data:
    if plan.status == PlanStatus.DRAFT:
        raise missing("plan", _("The plan is still a draft: publish it before writing to the employee."))
    version = plan.current
    return {
        "version": version.number,
        "reason": version.reason,
        "starts_on": iso(version.starts_on),
        "ends_on": iso(version.ends_on),
        "change_reason": version.change_reason,
        "goals": [
            {
                "title": goal.title,
                "metric": goal.metric,
                "baseline": goal.baseline,
                "target": goal.target,
                "due_on": iso(goal.due_on),
                "measured_by": goal.measured_by,
            }
            for goal in version.goals.all()
        ],
        "support": [
            {
                "kind": action.kind,
                "kind_name": word("support_kind", action.kind, language),
                "description": action.description,
                "provider": action.provider,
                "starts_on": iso(action.starts_on),
                "ends_on": iso(action.ends_on),
                "status_name": word("support_status", action.status, language),
            }
            for action in plan.support_actions.all()
        ],
    }


def check_in_section(check_in: CheckIn, language: str) -> Data:
    return {
        "held_on": iso(check_in.held_on),
        "attendees": [person.legal_name for person in check_in.attendees.order_by("number")],
        "notes": check_in.notes,
        "employee_comments": check_in.employee_comments,
        "progress": [
            {
                "goal": progress.goal.title,
                "status": progress.status,
                "status_name": word("progress", progress.status, language),
                "measured": progress.measured,
                "note": progress.note,
            }
            for progress in check_in.progress.select_related("goal")
        ],
    }


def warning_section(warning: Warning, language: str) -> Data:
    return {
        "level": warning.level,
        "level_name": word("warning_level", warning.level, language),
        "issued_on": iso(warning.issued_on),
        "expires_on": iso(warning.expires_on),
        "reason": warning.reason,
        "expectations": warning.expectations,
    }
