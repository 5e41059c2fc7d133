"""The demo's whole story, plus what it lacks for an authorization test: for most kinds of record, one
about Zhang Wei (XQ0007, in the scope of the HR partner, his manager and himself: "own") and one about
Wu Jing (XQ0010, on the platform team of ``other.manager``, outside everyone else's scope: "other").

Everything goes through the actions, as the demo does, so the records are the ones a real user makes.
"""

from __future__ import annotations

import datetime as dt
import importlib

from django.utils import timezone

from dueprocess.accounts.models import User
from dueprocess.reviews.actions._common import as_of
from dueprocess.web.management.commands.demo import DEMO_STEPS

DEMO_TODAY = dt.date(2026, 11, 24)
NOON = f"{DEMO_TODAY.isoformat()} 12:00 +08:00"
ZHANG, WU, WU_COLLEAGUE, EMILY = "XQ0007", "XQ0010", "XQ0020", "XQ0015"
SUN = "XQ0008"  # Zhang Wei's teammate, still employed: the one a body names when it names someone
ROLES = ["anonymous", "hr.admin", "hrbp", "manager", "legal", "employee", "auditor", "other.manager"]
GOALS = [{"title": "Goal", "weight": "100", "target": "Target"}]


def day(n: int) -> dt.date:
    return DEMO_TODAY - dt.timedelta(days=n)


def at(on: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(on, dt.time(hour)))


def load() -> dict:
    """Load the demo and the extra records; answers the objects the matrix fills URLs with."""
    for step in DEMO_STEPS:
        module, function = step.split(":")
        load_step = getattr(importlib.import_module(module), function)
        load_step() if module.endswith("accounts.demo") else load_step(today=DEMO_TODAY)
    users = {u.username: u for u in User.objects.filter(username__in=ROLES)}
    extra = {"own": _zhang_extras(users), "other": _wu_story(users)}
    return _objects(extra)


def _zhang_extras(users: dict) -> dict:
    """An open review with a feedback request to legal counsel, and an open investigation that asks
    Zhang Wei for his explanation: the demo's are all closed by now."""
    from dueprocess.offboarding import actions as offboarding
    from dueprocess.people.models import Employee
    from dueprocess.reviews import actions as reviews
    from dueprocess.reviews.models import RatingScale

    zhang, legal, sun = (Employee.objects.get(number=n) for n in (ZHANG, "XQ0004", SUN))
    hrbp, manager = users["hrbp"], users["manager"]
    with as_of(day(20)):
        cycle = reviews.create_cycle(
            actor=hrbp, name="Authorization cycle", period_starts_on=day(60), period_ends_on=day(20),
            due_on=DEMO_TODAY + dt.timedelta(days=20), scale=RatingScale.objects.get(code="five-level"),
        )  # fmt: skip
        review = reviews.open_review(
            reviews.create_review(actor=manager, cycle=cycle, employee=zhang, goals=GOALS), actor=manager
        )
        feedback = reviews.request_feedback(
            review, actor=manager, respondent=legal, relationship="other", due_on=cycle.due_on
        )
        incident = reviews.report_incident(
            actor=manager,
            employee=zhang,
            occurred_on=day(21),
            summary="Second incident",
            description="D",
            reporter_other="A customer",
        )
        investigation = reviews.open_investigation(incident, actor=hrbp, opened_on=day(20))
    from dueprocess.cases.models import SeparationCase

    case = SeparationCase.objects.get(employee=zhang)
    dispute = offboarding.file_dispute(
        case, actor=hrbp, forum="cn_arbitration", filed_on=DEMO_TODAY, claims="2N", reference="A-1"
    )
    reference = offboarding.offer_support(
        case, actor=hrbp, kind="reference_letter", description="A second reference.", offered_on=DEMO_TODAY
    )
    return {
        "review": review, "feedback": feedback, "open_investigation": investigation, "dispute": dispute,
        "reference_offer": reference, "cycle": cycle, "hearing_case": case,
        "respondent": sun, "colleague": sun,
    }  # fmt: skip


def _wu_story(users: dict) -> dict:
    """Wu Jing's records, which only her own manager (other.manager) and organisation-wide roles reach;
    and a layoff in London, which only organisation-wide roles reach."""
    from dueprocess.cases import actions as cases
    from dueprocess.cases.models import SeparationCase
    from dueprocess.letters import actions as letters
    from dueprocess.people.models import Employee
    from dueprocess.plans import actions as plans
    from dueprocess.reviews import actions as reviews
    from dueprocess.reviews.models import ReviewCycle

    wu, colleague = (Employee.objects.get(number=n) for n in (WU, WU_COLLEAGUE))
    assert wu.manager.number == colleague.manager.number == "XQ0011"  # other.manager's team
    boss, admin = users["other.manager"], users["hr.admin"]
    with as_of(day(30)):
        cycle = ReviewCycle.objects.get(name="Authorization cycle")
        review = reviews.open_review(
            reviews.create_review(actor=boss, cycle=cycle, employee=wu, goals=GOALS), actor=boss
        )
        feedback = reviews.request_feedback(
            review, actor=boss, respondent=colleague, relationship="peer", due_on=cycle.due_on
        )
        incident = reviews.report_incident(
            actor=boss,
            employee=wu,
            occurred_on=day(31),
            summary="Missed on-call",
            description="D",
            reporter_other="On-call rota",
        )
        investigation = reviews.open_investigation(incident, actor=admin, opened_on=day(30))
        warning = reviews.issue_warning(
            actor=admin, employee=wu, level="verbal", issued_on=day(30), expires_on=day(-300), reason="R"
        )
        plan = plans.draft_plan(
            actor=boss, employee=wu, reason="R", starts_on=day(30), ends_on=day(-30),
            goals=[{"title": "G", "metric": "M", "baseline": "0", "target": "1", "due_on": day(-30),
                    "measured_by": "B"}],
        )  # fmt: skip
        plan = plans.publish_plan(plan, actor=boss)
        support = plans.add_support_action(
            plan, actor=boss, kind="training", starts_on=day(29), ends_on=day(-10), description="Course"
        )
        check_in = plans.record_check_in(plan, actor=boss, held_on=day(30), attendees=[wu], notes="N")
        scheduled = plans.schedule_check_in(plan, actor=boss, scheduled_at=at(day(-5)), place="Room 1")
    case = SeparationCase.objects.get(employee=wu)
    # Wu Jing's case is blocked by her pregnancy (LCL 42(4)): the hearing is in a colleague's case, on
    # the same team.
    opened = cases.open_case(actor=admin, employee=colleague, ground="incompetence", summary="S")
    colleague_case = cases.start_gathering(opened, actor=admin)
    hearing = cases.invite_to_hearing(
        colleague_case, actor=admin, scheduled_at=at(day(-3)), place="Room 2", attendees="HR", agenda="A"
    )
    letter = letters.issue_letter("hearing_invitation", colleague_case, "en", actor=admin)
    layoff = cases.create_layoff(
        actor=admin, name="London office", reason="Closing the office.",
        employees=[Employee.objects.get(number=EMILY)], headcount=3, last_day=day(-60),
    )  # fmt: skip
    batch = letters.start_layoff_letters(layoff, actor=admin, kind="uk_dismissal", language="en")
    return {
        "review": review, "feedback": feedback, "incident": incident, "investigation": investigation,
        "open_investigation": investigation, "warning": warning, "plan": plan, "support": support,
        "check_in": check_in, "scheduled": scheduled, "case": case, "hearing": hearing,
        "plain_letter": letter,
        "layoff": layoff, "batch": batch, "cycle": cycle, "hearing_case": colleague_case,
        "respondent": colleague, "colleague": wu, "layoff_member": Employee.objects.get(number=EMILY),
    }  # fmt: skip


def _objects(extra: dict) -> dict:
    """Each kind of object for "own" (Zhang Wei's) and "other" (Wu Jing's), by kind."""
    from dueprocess.api.actions import create_api_token
    from dueprocess.cases.models import SeparationCase, StatementEvidence
    from dueprocess.learning.models import Retrospective
    from dueprocess.letters.models import Letter
    from dueprocess.offboarding.models import OffboardingTask, SettlementLine, SupportOffer
    from dueprocess.people.models import Employee
    from dueprocess.plans.models import OutcomeEvidence
    from dueprocess.records.events import case_chain
    from dueprocess.reviews.models import Incident, Investigation, Warning

    zhang, wu = (Employee.objects.get(number=n) for n in (ZHANG, WU))
    case = SeparationCase.objects.get(employee=zhang)
    plan = zhang.improvement_plans.get()
    incident = Incident.objects.filter(employee=zhang, evidence__isnull=False).distinct().get()
    retrospective = Retrospective.objects.get(case=case)
    letter = Letter.objects.get(employee=zhang, kind="termination_notice")
    employee = User.objects.get(username="employee")
    own = {
        **extra["own"], "employee": zhang, "case": case, "plan": plan, "incident": incident,
        "evidence": incident.evidence.first().sha256,
        "investigation": Investigation.objects.get(incident=incident),
        "warning": Warning.objects.get(employee=zhang), "support": plan.support_actions.first(),
        "check_in": plan.check_ins.order_by("-held_on").first(), "scheduled": _scheduled(plan),
        "hearing": case.hearings.get(), "union_notice": case.union_notices.get(), "appeal": _appeal(case),
        "document": StatementEvidence.objects.get(statement__case=case).sha256, "letter": letter,
        "outcome_evidence": OutcomeEvidence.objects.get(outcome__plan=plan).sha256,
        "statement": StatementEvidence.objects.get(statement__case=case).statement,
        "plain_letter": Letter.objects.get(employee=zhang, kind="hearing_invitation"),
        "template": letter.template, "task": OffboardingTask.objects.filter(checklist__case=case).first(),
        "line": SettlementLine.objects.filter(settlement__case=case).first(),
        "offer": SupportOffer.objects.filter(case=case).first(), "retrospective": retrospective,
        "action": retrospective.actions.get(owner__username="manager"),
        "chain": case_chain(case.public_id),
        "token": create_api_token(actor=employee, owner=employee, name="Zhang's script")[0],
        "layoff": extra["other"]["layoff"], "batch": extra["other"]["batch"],
        "layoff_member": extra["other"]["layoff_member"],
    }  # fmt: skip
    other = {**extra["other"], "employee": wu, "chain": case_chain(extra["other"]["case"].public_id)}
    own["short_chain"] = other["short_chain"] = other["chain"]
    users = {u.username: u for u in User.objects.filter(username__in=ROLES)}
    return {"own": {**own, "users": users}, "other": {**other, "users": users}}


def _scheduled(plan):
    """A check-in arranged while the plan ran: the demo's plan is over, so the action would refuse now."""
    from dueprocess.plans.models import ScheduledCheckIn

    return ScheduledCheckIn.objects.create(
        plan=plan, scheduled_at=at(day(20)), place="Room 3", scheduled_by=User.objects.get(username="manager")
    )


def _appeal(case):
    """An appeal as if lodged on the day notice was served (the demo's case has closed since)."""
    from dueprocess.cases.models import Appeal

    return Appeal.objects.create(case=case, lodged_on=case.notice_served_on, grounds="I appeal.")
