"""Every write that matters in improvement plans (DESIGN §3). Each is atomic, takes a keyword-only
``actor``, asks ``accounts.policy``, and writes one event to the record in the same transaction."""

from dueprocess.plans.actions.plans import (
    acknowledge_plan,
    draft_plan,
    publish_plan,
    respond_to_plan,
    revise_plan,
)
from dueprocess.plans.actions.progress import (
    add_support_action,
    comment_on_check_in,
    complete_support_action,
    decide_outcome,
    record_check_in,
)
from dueprocess.plans.actions.schedule import cancel_check_in, reschedule_check_in, schedule_check_in

__all__ = [
    "acknowledge_plan",
    "add_support_action",
    "cancel_check_in",
    "comment_on_check_in",
    "complete_support_action",
    "decide_outcome",
    "draft_plan",
    "publish_plan",
    "record_check_in",
    "reschedule_check_in",
    "respond_to_plan",
    "revise_plan",
    "schedule_check_in",
]
