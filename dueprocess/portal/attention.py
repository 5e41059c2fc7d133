"""What needs the employee's attention, for the portal's home page: each item says what, by when,
and links to the page where it is done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _

from dueprocess.cases.models import HearingStatus
from dueprocess.plans.models import PlanStatus
from dueprocess.portal import letters, shared
from dueprocess.portal.windows import appeal_window, current_version, statement_window
from dueprocess.reviews.models import ReviewStatus


@dataclass(frozen=True)
class Attention:
    text: str
    url: str
    urgent: bool = False


def day(value: dt.date) -> str:
    return format_date(value, "Y-m-d")


def moment(value: dt.datetime) -> str:
    return format_date(timezone.localtime(value), "Y-m-d H:i")


def attention(user, on: dt.date) -> list[Attention]:
    return [
        *_cases(user, on),
        *_letters(user),
        *_plans(user),
        *_reviews(user),
        *_investigations(user),
    ]


def _letters(user) -> list[Attention]:
    text = _("A letter awaits your acknowledgement: “%(subject)s”, dated %(day)s.")
    return [
        Attention(
            text % {"subject": letter.subject, "day": day(letter.issued_on)},
            reverse("letters:letter_detail", args=[letter.public_id]),
            urgent=True,
        )
        for letter in letters.awaiting_acknowledgement(user)
    ]


def _plans(user) -> list[Attention]:
    text = _("A check-in on your improvement plan is arranged for %(when)s at %(place)s.")
    items = [
        Attention(
            text % {"when": moment(c.scheduled_at), "place": c.place},
            reverse("portal:plan_detail", args=[c.plan.public_id]),
        )
        for c in shared.upcoming_check_ins(user)
    ]
    for plan in shared.plans(user).filter(status=PlanStatus.ACTIVE):
        url, version = reverse("portal:plan_detail", args=[plan.public_id]), current_version(plan)
        if not version.is_acknowledged:
            text = _("Your improvement plan (version %(number)s) awaits your acknowledgement.")
            items.append(Attention(text % {"number": version.number}, url, urgent=True))
        if not version.employee_response:
            text = _("You may respond in writing to your plan while it runs; it is due to end on %(day)s.")
            items.append(Attention(text % {"day": day(version.ends_on)}, url))
    return items


def _reviews(user) -> list[Attention]:
    url = reverse("portal:reviews")
    pending = shared.reviews(user).filter(status=ReviewStatus.OPEN, self_assessment="")
    text = _("Write your self-assessment for “%(cycle)s” by %(day)s.")
    return [Attention(text % {"cycle": r.cycle.name, "day": day(r.cycle.due_on)}, url) for r in pending]


def _investigations(user) -> list[Attention]:
    url = reverse("portal:conduct")
    text = _("An investigation about “%(summary)s” asks for your written explanation.")
    return [
        Attention(text % {"summary": inv.incident.summary}, url, urgent=True)
        for inv in shared.investigations_to_explain(user)
        if not inv.explained
    ]


def _cases(user, on: dt.date) -> list[Attention]:
    items = []
    for case in shared.cases(user).open():
        url = reverse("portal:case_detail", args=[case.public_id])
        items += [
            Attention(
                _("You are invited to a hearing on %(when)s at %(place)s.")
                % {"when": moment(h.scheduled_at), "place": h.place},
                url,
                urgent=True,
            )
            for h in case.hearings.all()
            if h.status == HearingStatus.INVITED
        ]
        window = statement_window(case, on)
        if window.open and window.closes_on:
            text = _("The window for your written response closes on %(day)s.")
            items.append(Attention(text % {"day": day(window.closes_on)}, url, urgent=True))
        window = appeal_window(case, on)
        if window.open:
            text = _("You may appeal against the decision until %(day)s.")
            items.append(Attention(text % {"day": day(window.closes_on)}, url))  # type: ignore[arg-type]
    return items
