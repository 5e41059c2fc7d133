"""Plan helpers built through the actions, on the demo organisation (the `demo_org` fixture).
Today is frozen at 2026-11-24; the default plan ran from 1 September to 20 November."""

from __future__ import annotations

import datetime as dt

from dueprocess.plans import actions

STARTS, ENDS = dt.date(2026, 9, 1), dt.date(2026, 11, 20)


def goals(ends_on=ENDS):
    return [
        {
            "title": "Ship releases on the date agreed",
            "metric": "releases on the agreed date",
            "baseline": "1 of 4",
            "target": "4 of 4",
            "due_on": ends_on,
            "measured_by": "Release log against the roadmap",
        },
        {
            "title": "Written specs before build",
            "metric": "features with a reviewed spec",
            "baseline": "40%",
            "target": "100%",
            "due_on": ends_on,
            "measured_by": "Spec reviews in the wiki",
        },
    ]


def draft(actor, employee, **overrides):
    values = {
        "reason": "Two cycles below expectations; a missed launch.",
        "starts_on": STARTS,
        "ends_on": ENDS,
        "goals": goals(),
    }
    return actions.draft_plan(actor=actor, employee=employee, **{**values, **overrides})


def published(actor, employee, **overrides):
    return actions.publish_plan(draft(actor, employee, **overrides), actor=actor)


def check_in(plan, actor, attendees, **overrides):
    values = {"held_on": dt.date(2026, 10, 1), "notes": "One release late; spec written for the next."}
    return actions.record_check_in(plan, actor=actor, attendees=attendees, **{**values, **overrides})
