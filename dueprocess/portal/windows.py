"""Where each of the employee's time windows stands, so that a page can show its last day.

The actions enforce the windows (``plans.actions.respond_to_plan``, ``cases.actions.submit_statement``,
``cases.actions.lodge_appeal``); these helpers only read them, from rows the page has already
fetched (hearings and appeals prefetched), so that showing a window costs no query of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dueprocess.cases.actions.hearing import APPEAL_DAYS, answerable_hearing
from dueprocess.cases.models import AppealOutcome, Hearing, HearingStatus, SeparationCase, Stage
from dueprocess.plans.models import ImprovementPlan, PlanStatus, PlanVersion

APPEALABLE = (Stage.NOTICE_SERVED, Stage.EMPLOYMENT_ENDED)


@dataclass(frozen=True)
class Window:
    open: bool
    # The last day the employee may act, where one is set. An invitation to a hearing not yet held
    # has none yet: the statement may be written now, and the deadline is set when it is held.
    closes_on: dt.date | None = None
    hearing: Hearing | None = None


def current_version(plan: ImprovementPlan) -> PlanVersion:
    """The version in force, from the prefetched versions (``plan.current`` would ask again)."""
    return max(plan.versions.all(), key=lambda version: version.number)


def plan_window(plan: ImprovementPlan) -> Window:
    """A plan is acknowledged and answered while it runs, until its outcome is decided."""
    return Window(plan.status == PlanStatus.ACTIVE, current_version(plan).ends_on)


def statement_window(case: SeparationCase, on: dt.date) -> Window:
    held = [h for h in case.hearings.all() if h.status == HearingStatus.HELD and h.response_due_on]
    last_closed = held[-1].response_due_on if held else None
    hearing = answerable_hearing(case, on) if case.is_open else None
    if hearing is None:
        return Window(False, last_closed)
    return Window(True, hearing.response_due_on if hearing.is_held else None, hearing)


def appeal_deadline(case: SeparationCase) -> dt.date | None:
    if case.notice_served_on is None:
        return None
    return case.notice_served_on + dt.timedelta(days=APPEAL_DAYS)


def appeal_window(case: SeparationCase, on: dt.date) -> Window:
    deadline = appeal_deadline(case)
    pending = any(appeal.outcome == AppealOutcome.PENDING for appeal in case.appeals.all())
    is_open = deadline is not None and case.stage in APPEALABLE and on <= deadline and not pending
    return Window(is_open, deadline)
