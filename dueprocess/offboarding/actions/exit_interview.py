"""The exit interview: HR asks the questionnaire's questions and keeps the answers. The record holds
only their hash, so the case's timeline, which the line manager reads, never shows them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from dueprocess.accounts import policy
from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.lib.canonical import dumps_bytes
from dueprocess.offboarding.actions._common import AFTER_NOTICE, Errors, case_event, require, today
from dueprocess.offboarding.models import (
    AnswerKind,
    ExitAnswer,
    ExitInterview,
    OffboardingTask,
    Question,
    Questionnaire,
    TaskStatus,
)

EXIT_INTERVIEW_TASK = "exit_interview"
SCALE = {"1", "2", "3", "4", "5"}


def _check_answers(
    errors: Errors, questions: list[Question], answers: Mapping[int, str], declined: bool
) -> None:
    given = {pk: (text or "").strip() for pk, text in answers.items()}
    if set(given) - {q.pk for q in questions}:
        errors.add("answers", _("An answer belongs to a question of another questionnaire."))
    if declined and any(given.values()):
        errors.add("declined", _("The employee declined: keep no answers."))
    if not declined and not any(given.values()):
        errors.add("answers", _("Enter the answers, or record that the employee declined."))
    for question in questions:
        if question.kind == AnswerKind.SCALE and given.get(question.pk, "") not in SCALE | {""}:
            errors.add(f"question_{question.pk}", _("Answer with a score from 1 to 5, or leave it blank."))


@transaction.atomic
def record_exit_interview(
    case: SeparationCase,
    *,
    actor: User,
    questionnaire: Questionnaire,
    held_on: dt.date,
    answers: Mapping[int, str],
    declined: bool = False,
) -> ExitInterview:
    """``answers`` maps each question's id to the answer given (blank: not answered)."""
    require(policy.can_record_exit_interview(actor, case), _("hold this exit interview"))
    case = SeparationCase.objects.select_for_update().get(pk=case.pk)
    questions = list(questionnaire.questions.all())
    errors = Errors()
    if case.stage not in (*AFTER_NOTICE, Stage.CLOSED):
        errors.add("case", _("An exit interview follows the notice."))
    if ExitInterview.objects.filter(case=case).exists():
        errors.add("case", _("The exit interview of this case is already recorded."))
    if not questionnaire.active:
        errors.add("questionnaire", _("This questionnaire is no longer in use."))
    if held_on > today():
        errors.add("held_on", _("Record this once it has happened."))
    if case.notice_served_on and held_on < case.notice_served_on:
        errors.add("held_on", _("The interview cannot be before the notice."))
    _check_answers(errors, questions, answers, declined)
    errors.raise_any()
    kept = {q.pk: (answers.get(q.pk) or "").strip() for q in questions}
    digest = hashlib.sha256(
        dumps_bytes({"questionnaire": questionnaire.pk, "answers": {str(k): v for k, v in kept.items()}})
    ).hexdigest()
    interview = ExitInterview.objects.create(
        case=case,
        questionnaire=questionnaire,
        held_on=held_on,
        declined=declined,
        interviewer=actor,
        answers_sha256=digest,
    )
    ExitAnswer.objects.bulk_create(
        ExitAnswer(interview=interview, question=q, answer=kept[q.pk]) for q in questions if kept[q.pk]
    )
    case_event(
        case,
        "offboarding.exit_interview_recorded",
        actor=actor,
        data={
            "on": held_on,
            "questionnaire": questionnaire.name,
            "version": questionnaire.version,
            "declined": declined,
            "answered": sum(1 for v in kept.values() if v),
            "answers_sha256": digest,
        },
    )
    _settle_task(case, actor, held_on)
    return interview


def _settle_task(case: SeparationCase, actor: User, held_on: dt.date) -> None:
    """The checklist's exit-interview task is done by the interview itself."""
    task = OffboardingTask.objects.filter(
        checklist__case=case, kind=EXIT_INTERVIEW_TASK, status=TaskStatus.OPEN
    ).first()
    if task is None:
        return
    from dueprocess.offboarding.actions.checklist import complete_task

    complete_task(task, actor=actor, done_on=held_on, note=_("Exit interview recorded."))
