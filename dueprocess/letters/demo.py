"""The demo's letters chapter: what Zhang Wei received in writing, each on the day it was written —
the improvement plan notice, the summary of the last check-in, the invitation to the hearing, the
notice to the union (handed to the union's chair before witnesses) and, today, the notice of
termination with a month's wage in lieu and severance N: "N+1". Each letter to him is in his portal
and acknowledged. Wu Jing's case is blocked by the law, so she has received none.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from dueprocess.accounts.models import User
from dueprocess.cases.models import SeparationCase
from dueprocess.letters import actions
from dueprocess.letters.models import Letter
from dueprocess.people.models import Employee
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.actions._common import as_of

PROTAGONIST = "XQ0007"
LANGUAGE = "zh-hans"
CLIENT = {"ip": "127.0.0.1", "user_agent": "dueprocess demo"}


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the letters chapter (once)."""
    today = today or dt.date.today()
    zhang = Employee.objects.get(number=PROTAGONIST)
    if Letter.objects.filter(employee=zhang).exists():
        return
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731 - a local shorthand for the story's dates
    manager, hrbp, employee = (User.objects.get(username=u) for u in ("manager", "hrbp", "employee"))
    plan = ImprovementPlan.objects.filter(employee=zhang).order_by("created_at").first()
    case = SeparationCase.objects.get(employee=zhang, stage__in=["notice_served", "employment_ended"])
    if plan is not None:
        _to_employee("plan_notice", plan, plan.current.starts_on, manager, employee)
        last_check_in = plan.check_ins.order_by("-held_on", "-pk").first()
        if last_check_in is not None:
            _to_employee("check_in_summary", last_check_in, last_check_in.held_on, manager, employee)
    _to_employee("hearing_invitation", case, day(4), hrbp, employee)
    _to_union(case, day(4), hrbp)
    _to_employee("termination_notice", case, today, hrbp, employee)


def _to_employee(kind: str, target, on: dt.date, writer: User, employee: User) -> Letter:
    with as_of(on):
        letter = actions.issue_letter(kind, target, LANGUAGE, actor=writer)
        letter = actions.deliver_letter(letter, actor=writer, email=False)
        actions.acknowledge_letter(letter, actor=employee, sha256=letter.sha256, **CLIENT)
    return letter


def _to_union(case: SeparationCase, on: dt.date, hrbp: User) -> Letter:
    with as_of(on):
        letter = actions.issue_letter("union_notice", case, LANGUAGE, actor=hrbp)
        handed_over = timezone.make_aware(dt.datetime.combine(on, dt.time(11, 0)))
        actions.record_other_delivery(
            letter,
            actor=hrbp,
            channel="in_person",
            delivered_at=min(handed_over, timezone.now()),
            witnesses="王敏（工会主席）、陈思敏（HRBP）/ Wang Min (union chair), Chen Simin (HRBP)",
            note="当面交工会主席签收。/ Handed to the union chair, who signed for it.",
        )
    return letter
