"""The case bench_pages.py opens as its case page: built through the real actions, as an HR partner
would build it, on an employee whose reviews, warning, investigation and failed plan were written in
bulk beforehand; with the life of those linked records, it makes a timeline of about 300 entries."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from dueprocess.accounts.models import User
from dueprocess.cases import actions as case_actions
from dueprocess.cases.models import SeparationCase
from dueprocess.people.models import Employee
from dueprocess.plans.models import ImprovementPlan
from dueprocess.records.events import record_event
from dueprocess.reviews.actions._common import as_of
from dueprocess.reviews.models import Investigation, Review, Warning


class TargetCase:
    """One case built through the actions, as HR would: evidence, union, hearings, statement,
    repeated assessments; and the life of its linked records (plan check-ins, review steps)."""

    def __init__(self, hrbp: User, employee: Employee, today: dt.date) -> None:
        self.hrbp, self.employee, self.today = hrbp, employee, today

    def build(self) -> SeparationCase:
        day = lambda n: self.today - dt.timedelta(days=n)  # noqa: E731 - the story's dates
        evidence = [
            *Review.objects.filter(employee=self.employee, status="submitted"),
            *Warning.objects.filter(employee=self.employee),
            *Investigation.objects.filter(incident__employee=self.employee),
            *ImprovementPlan.objects.filter(employee=self.employee),
        ]
        with as_of(day(30)):
            case = case_actions.open_case(
                actor=self.hrbp,
                employee=self.employee,
                ground="incompetence",
                evidence=evidence,
                summary="连续绩效下滑，改进计划未通过。/ Declining ratings; the improvement plan failed.",
            )
            case_actions.start_gathering(case, actor=self.hrbp)
        self._linked_history(evidence, day)
        self._steps(case, day)
        return case

    def _linked_history(self, evidence: list, day) -> None:
        """What happened to the linked records: a plan's check-ins, the reviews' steps."""
        plan = next(e for e in evidence if isinstance(e, ImprovementPlan))
        for n in range(170):
            with as_of(day(200 - n)):
                record_event(
                    plan,
                    "plan.checked_in",
                    actor=self.hrbp,
                    data={
                        "notes": f"Check-in {n + 1}: two of three goals behind.",
                        "held_on": day(200 - n),
                    },
                )
        for review in evidence:
            if isinstance(review, Review):
                for step in range(40):
                    record_event(review, "reviews.feedback_given", actor=self.hrbp, data={"n": step})

    def _steps(self, case: SeparationCase, day) -> None:
        with as_of(day(20)):
            notice = case_actions.notify_union(
                case,
                actor=self.hrbp,
                union="Union committee",
                notified_on=day(20),
                content="Proposed termination under LCL 40(2): the records are attached.",
            )
            case_actions.record_union_reply(
                notice, actor=self.hrbp, replied_on=day(20), objects=False, reply="No objection."
            )
        for n in range(3):
            with as_of(day(18 - n * 5)):
                at = timezone.make_aware(dt.datetime.combine(day(16 - n * 5), dt.time(10, 0)))
                hearing = case_actions.invite_to_hearing(
                    case,
                    actor=self.hrbp,
                    scheduled_at=at,
                    place="Shanghai HQ, room 5",
                    attendees="HR, manager",
                    companion_allowed=True,
                    agenda="The plan's outcome; the employee's answer.",
                )
            with as_of(day(16 - n * 5)):
                if n < 2:
                    case_actions.cancel_hearing(hearing, actor=self.hrbp, reason="The employee was ill.")
                else:
                    case_actions.record_hearing(
                        hearing,
                        actor=self.hrbp,
                        held_on=day(6),
                        employee_attended=True,
                        companion="",
                        minutes="The outcome was explained; the employee disputed it.",
                        response_due_on=day(1),
                    )
        for _ in range(60):
            case_actions.assess_case(case, actor=self.hrbp)
