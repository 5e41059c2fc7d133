"""What the offboarding actions share: the case's chain, locking, and the letters app if installed."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.records import case_chain, record_event
from dueprocess.reviews.actions._common import Errors, require, today

__all__ = ["AFTER_NOTICE", "Errors", "case_event", "issue_letter_to_employee", "require", "today"]

# Offboarding follows the notice: tasks, settlement and support begin once the decision is served,
# and disputes may come long after the case has closed.
AFTER_NOTICE = (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING)


def case_event(case: SeparationCase, type: str, *, actor, data: dict[str, Any]):
    return record_event(
        case,
        type,
        actor=actor,
        data={"case": str(case.public_id), "on": today(), **data},
        chain=case_chain(case.public_id),
    )


def ensure_stage(case: SeparationCase, stages, message: str) -> None:
    if case.stage not in stages:
        raise ValidationError({"case": [message]})


def issue_letter_to_employee(kind: str, case: SeparationCase, *, actor, language: str, email: bool = True):
    """Write a letter of ``kind`` about the case with the letters app and put it in the employee's
    portal; refuses clearly when the letters app is not installed."""
    if not apps.is_installed("dueprocess.letters"):
        raise ValidationError({"letter": [_("Letters are not installed here: record the task by hand.")]})
    from dueprocess.letters import actions as letters

    letter = letters.issue_letter(kind, case, language, actor=actor)
    return letters.deliver_letter(letter, actor=actor, email=email)
