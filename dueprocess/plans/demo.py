"""The demo's improvement-plan chapter: Zhang Wei's plan with measurable goals, a training course
that happened and a job adjustment that was offered, four check-ins, and the outcome "failed" with
its evidence, a few days before today. Also a plan for a sales representative that passed.

Everything goes through the actions, as of the day it happened; dates are relative to today.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from dueprocess.accounts.models import User
from dueprocess.people.models import Employee
from dueprocess.plans import actions
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.actions._common import as_of

PROTAGONIST, PASSED = "XQ0007", "XQ0022"
# days before today: (held, [progress per goal as (status, measured)], notes, employee's comments)
CHECK_INS = [
    (
        55,
        [("behind", "0/1"), ("on_track", "60%")],
        "第一次发布延期一周。/ First release a week late.",
        "同意。/ Agreed.",
    ),
    (40, [("behind", "1/2"), ("behind", "50%")], "规格评审缺席两次。/ Missed two spec reviews.", ""),
    (
        25,
        [("behind", "1/3"), ("behind", "55%")],
        "第三次发布延期。/ Third release late.",
        "依赖团队延误。/ Dependencies were late.",
    ),
    (
        10,
        [("not_met", "1/4"), ("not_met", "50%")],
        "目标未达成。/ Goals not met.",
        "我不同意结论。/ I disagree.",
    ),
]


def _goals(ends_on: dt.date) -> list[dict]:
    return [
        {
            "title": "按约定日期发布 / Ship releases on the agreed date",
            "metric": "按期发布次数 / releases on the date",
            "baseline": "1 / 4",
            "target": "4 / 4",
            "due_on": ends_on,
            "measured_by": "发布记录对照路线图 / release log vs roadmap",
        },
        {
            "title": "开发前完成需求评审 / Reviewed spec before build",
            "metric": "有评审规格的功能占比 / share of features with a reviewed spec",
            "baseline": "40%",
            "target": "100%",
            "due_on": ends_on,
            "measured_by": "wiki 评审记录 / spec reviews in the wiki",
        },
    ]


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the improvement-plan chapter (once)."""
    today = today or dt.date.today()
    zhang = Employee.objects.get(number=PROTAGONIST)
    if ImprovementPlan.objects.filter(employee=zhang).exists():
        return
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731 - a local shorthand for the story's dates
    manager, hrbp, employee = (User.objects.get(username=u) for u in ("manager", "hrbp", "employee"))
    plan = _publish(
        zhang,
        manager,
        employee,
        day(70),
        day(68),
        day(8),
        "三个周期绩效下滑，书面警告后仍未改善。/ Three cycles of declining ratings and a written warning.",
    )
    _support(plan, manager, hrbp, day)
    held = [_check_in(plan, manager, zhang, day, *spec) for spec in CHECK_INS]
    evidence = [
        ("发布记录 release-log.csv", "text/csv", b"release,agreed,shipped\nR1,D+14,D+21\nR2,D+28,D+28\n")
    ]
    with as_of(day(4)):
        actions.decide_outcome(
            plan,
            actor=hrbp,
            outcome="failed",
            decided_on=day(4),
            check_ins=held,
            evidence=evidence,
            summary="4 次发布仅 1 次按期；规格评审覆盖 50%。培训已完成，调岗被拒。/ One of four releases "
            "on time; 50% of features specced. Training done; the job adjustment was declined.",
        )
    _passed_plan(today, hrbp)


def _publish(employee, actor, account, drafted, starts, ends, reason) -> ImprovementPlan:
    with as_of(drafted):
        plan = actions.draft_plan(
            actor=actor, employee=employee, reason=reason, starts_on=starts, ends_on=ends, goals=_goals(ends)
        )
        plan = actions.publish_plan(plan, actor=actor)
        if account is not None:
            actions.acknowledge_plan(plan, actor=account)
            actions.respond_to_plan(
                plan, actor=account, text="我会努力，但目标的时间很紧。/ I will try; the timeline is tight."
            )
    return plan


def _support(plan, manager, hrbp, day) -> None:
    with as_of(day(62)):
        course = actions.add_support_action(
            plan,
            actor=hrbp,
            kind="training",
            starts_on=day(60),
            ends_on=day(58),
            description="产品交付与沟通课程 / Product delivery and communication course",
            provider="星桥学院 Xingqiao Academy",
        )
        adjustment = actions.add_support_action(
            plan,
            actor=hrbp,
            kind="job_adjustment",
            offered=True,
            starts_on=day(50),
            ends_on=day(8),
            description="调至内部工具组，范围更小 / Move to the internal-tools team, a smaller scope",
        )
    with as_of(day(58)):
        actions.complete_support_action(course, actor=hrbp, happened=True, completed_on=day(58))
    with as_of(day(47)):
        actions.complete_support_action(
            adjustment,
            actor=hrbp,
            happened=False,
            completed_on=day(47),
            note="员工书面拒绝调岗。/ The employee declined the move in writing.",
        )


def _check_in(plan, manager, zhang, day, days, progress, notes, comments):
    goals = list(plan.current.goals.all())
    with as_of(day(days)):
        return actions.record_check_in(
            plan,
            actor=manager,
            held_on=day(days),
            attendees=[zhang, manager.employee],
            notes=notes,
            employee_comments=comments,
            progress=[
                {"goal": g, "status": s, "measured": m} for g, (s, m) in zip(goals, progress, strict=True)
            ],
        )


def _passed_plan(today: dt.date, hrbp: User) -> None:
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731
    rep = Employee.objects.get(number=PASSED)
    plan = _publish(
        rep, hrbp, None, day(160), day(150), day(90), "销售目标连续两季未达成。/ Two quarters below quota."
    )
    with as_of(day(120)):
        held = actions.record_check_in(
            plan, actor=hrbp, held_on=day(120), attendees=[rep], notes="进展良好。/ Good progress."
        )
    with as_of(day(88)):
        actions.decide_outcome(
            plan,
            actor=hrbp,
            outcome="passed",
            decided_on=day(88),
            check_ins=[held],
            summary="目标均已达成。/ Both goals met.",
        )
