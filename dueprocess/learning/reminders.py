"""The learning app's deadlines, found for the reminders module: retrospectives due after a case
closes, improvement actions due, and the periodic evaluation of each action. Imported from
``LearningConfig.ready()`` when the reminders app is installed; each finder yields only what is
still undone, so a thing that gets done simply stops being found."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dueprocess.learning.actions import retrospectives_due
from dueprocess.learning.conf import setting
from dueprocess.learning.models import ActionStatus, ImprovementAction
from dueprocess.records import reference
from dueprocess.reminders.due import OVERDUE, TIMING, Due, Timing, finder, window
from dueprocess.reminders.people import hr_admins, hr_for, reachable

RETROSPECTIVE, ACTION, EVALUATION = "retrospective", "improvement_action", "action_evaluation"

# Reminded from the day the case closes; an action a week ahead; an evaluation a week either side.
TIMING[RETROSPECTIVE] = Timing(lead=int(setting("RETROSPECTIVE_DAYS")), grace=0)
TIMING[ACTION] = Timing(lead=7, grace=0)
TIMING[EVALUATION] = Timing(lead=7, grace=7)
OVERDUE[RETROSPECTIVE] = _(
    "The retrospective has not been completed: record what went well, what went wrong and the root "
    "cause in each area, and decide the improvement actions."
)
OVERDUE[ACTION] = _("The improvement action is neither done nor dropped.")
OVERDUE[EVALUATION] = _("No evaluation of the improvement action has been recorded since it fell due.")


@finder
def retrospectives(today: dt.date) -> Iterator[Due]:
    first, last = window(today, RETROSPECTIVE)
    days = dt.timedelta(days=int(setting("RETROSPECTIVE_DAYS")))
    cases = (
        retrospectives_due()
        .filter(closed_on__range=(first - days, last - days))
        .select_related("employee", "opened_by")
        .order_by("pk")
    )
    for case in cases:
        yield Due(
            kind=RETROSPECTIVE,
            subject=reference(case),
            due_on=case.closed_on + days,
            recipients=reachable([case.opened_by, *hr_for(case.employee)]),
            escalate_to=reachable(hr_admins()),
            what=_(
                "The retrospective of the case of %(employee)s, closed on %(closed)s, is due by %(day)s: "
                "what went well, what went wrong and why, in performance management, behaviour norms, "
                "communication and legal procedure."
            ),
            params={
                "employee": case.employee.legal_name,
                "closed": case.closed_on,
                "day": case.closed_on + days,
            },
            chain=case.chain_key,
            path=reverse("learning:case_retrospective", args=[case.public_id]),
            target=case,
        )


def _actions():
    return ImprovementAction.objects.select_related(
        "retrospective__case__employee", "owner", "created_by"
    ).order_by("pk")


@finder
def actions_due(today: dt.date) -> Iterator[Due]:
    first, last = window(today, ACTION)
    for action in _actions().unfinished().filter(due_on__range=(first, last)):
        case = action.retrospective.case
        yield Due(
            kind=ACTION,
            subject=reference(action),
            due_on=action.due_on,
            recipients=reachable([action.owner]),
            escalate_to=reachable([action.created_by, *hr_admins()]),
            what=_("The improvement action “%(title)s” (it changes: %(changes)s) is due on %(day)s."),
            params={"title": action.title, "changes": action.changes, "day": action.due_on},
            chain=case.chain_key,
            path=reverse("learning:action_detail", args=[action.public_id]),
            target=action,
        )


@finder
def evaluations_due(today: dt.date) -> Iterator[Due]:
    first, last = window(today, EVALUATION)
    for action in _actions().exclude(status=ActionStatus.DROPPED).prefetch_related("evaluations"):
        due_on = action.next_evaluation_on()
        if due_on is None or not first <= due_on <= last:
            continue
        case = action.retrospective.case
        evaluators = [u for u in [action.created_by, *hr_for(case.employee)] if u.pk != action.owner_id]
        yield Due(
            kind=EVALUATION,
            subject=reference(action),
            due_on=due_on,
            recipients=reachable(evaluators),
            escalate_to=reachable(u for u in hr_admins() if u.pk != action.owner_id),
            what=_(
                "Evaluate the improvement action “%(title)s” by %(day)s: was it done, did it work, and on "
                "what evidence?"
            ),
            params={"title": action.title, "day": due_on},
            chain=case.chain_key,
            path=reverse("learning:action_detail", args=[action.public_id]),
            target=action,
        )
