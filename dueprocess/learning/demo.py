"""The demo's last chapter: learning. Zhang Wei's case closed today; HR looks back over the four
areas, decides two improvement actions (one already done and evaluated), and completes the
retrospective. Meanwhile the early-warning list has people to support before a case is needed: a
product analyst whose ratings slip, a sales representative with two incidents, an overdue review,
and a plan with neither support nor check-ins — whose manager is flagged for it too.

Everything goes through the actions, as of the day it happened; dates are relative to today.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import transaction

from dueprocess.accounts.models import User
from dueprocess.cases import actions as cases
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.learning import actions
from dueprocess.learning.models import Retrospective
from dueprocess.people.models import Employee
from dueprocess.plans import actions as plans
from dueprocess.reviews import actions as reviews
from dueprocess.reviews.actions._common import as_of
from dueprocess.reviews.models import Incident, RatingLevel, Review, ReviewCycle

PROTAGONIST = "XQ0007"
SLIPPING, INCIDENTS, OVERDUE, UNSUPPORTED = "XQ0019", "XQ0028", "XQ0025", "XQ0031"
FINDINGS = {
    "performance": (
        "目标可衡量，检查四次均有记录。/ Measurable goals; all four check-ins on record.",
        "第二次评级下滑后五个月才启动计划。/ The plan started five months after the second falling rating.",
        "评级低于期望时没有启动支持的规则。/ No rule starts support when a rating falls below expectations.",
    ),
    "behaviour": (
        "调查听取了员工陈述，结论有证据。/ The investigation heard him; its finding rests on evidence.",
        "客户投诉两天后才报告。/ The customer complaint reached HR two days late.",
        "客户投诉没有分派责任人。/ Customer complaints have no owner for triage.",
    ),
    "communication": (
        "所有函件中英双语，员工均签收。/ Every letter in both languages, each acknowledged.",
        "培训在计划第三周才开始，员工认为太晚。/ Training began in the plan's third week; he found it late.",
        "计划模板未要求在开始前安排培训。/ The plan template does not ask for training before the start.",
    ),
    "legal": (
        "先通知工会，听证与陈述期完整。/ The union was told first; hearing and response window complete.",
        "法务在决定前一天才介入。/ Legal counsel joined the day before the decision.",
        "立案时没有法务审阅的步骤。/ Opening a case has no legal review step.",
    ),
}


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the learning chapter (once)."""
    today = today or dt.date.today()
    if not Employee.objects.filter(number=PROTAGONIST).exists():
        return
    hrbp, admin, manager = (User.objects.get(username=u) for u in ("hrbp", "hr.admin", "manager"))
    case = SeparationCase.objects.filter(employee__number=PROTAGONIST).order_by("-opened_at").first()
    if case is not None and case.closed_on is None and not apps.is_installed("dueprocess.offboarding"):
        _close(case, hrbp, today)  # otherwise the offboarding chapter closes it, after its checklist
        case.refresh_from_db()
    if (
        case is not None
        and case.closed_on is not None
        and not Retrospective.objects.filter(case=case).exists()
    ):
        _retrospective(case, hrbp, admin, manager, today)
    if not Incident.objects.filter(employee__number=INCIDENTS).exists():
        _early_warning(hrbp, manager, today)


def _close(case: SeparationCase, hrbp: User, today: dt.date) -> None:
    with as_of(today):
        if case.stage == Stage.NOTICE_SERVED:
            case = cases.end_employment(case, actor=hrbp)
        if case.stage == Stage.EMPLOYMENT_ENDED:
            case = cases.start_offboarding(case, actor=hrbp)
        cases.close_case(case, actor=hrbp)


def _retrospective(case: SeparationCase, hrbp: User, admin: User, manager: User, today: dt.date) -> None:
    with as_of(today):
        retrospective = actions.open_retrospective(case, actor=hrbp)
        for area, (well, wrong, cause) in FINDINGS.items():
            actions.record_finding(
                retrospective, actor=hrbp, area=area, went_well=well, went_wrong=wrong, root_cause=cause
            )
        actions.add_improvement_action(
            retrospective,
            actor=hrbp,
            area="performance",
            title="评级首次低于期望即安排辅导 / Coaching as soon as a rating first falls below expectations",
            changes="绩效评估流程 / the review cycle procedure",
            owner=manager,
            due_on=today + dt.timedelta(days=60),
            description="经理在评估提交后两周内与员工约谈并记录支持措施。"
            "/ Within two weeks of the review the manager meets the employee and records the support agreed.",
        )
        template = actions.add_improvement_action(
            retrospective,
            actor=hrbp,
            area="communication",
            title="计划开始前安排培训 / Training booked before a plan starts",
            changes="改进计划模板 / the improvement-plan template",
            owner=admin,
            due_on=today + dt.timedelta(days=14),
            evaluate_every_days=30,
        )
        actions.update_improvement_action(
            template,
            actor=admin,
            status="done",
            note="模板已加入必填的培训安排。/ The template now requires it.",
        )
        actions.evaluate_improvement_action(
            template,
            actor=hrbp,
            was_done=True,
            effect="partly",
            evidence="模板已更新；本周开始的 1 个新计划第一周即安排了培训，另一份草稿尚未安排。"
            "/ Template updated; the one plan started this week booked training in its first week; one "
            "draft has not yet.",
        )
        actions.complete_retrospective(
            retrospective,
            actor=hrbp,
            summary="支持来得太晚：评级下滑时就应开始辅导，培训应在计划开始前安排。/ Support came too late: "
            "coaching should start when ratings slip, and training be booked before a plan starts.",
        )


def _early_warning(hrbp: User, manager: User, today: dt.date) -> None:
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731 - a local shorthand for the story's dates
    people = {
        e.number: e for e in Employee.objects.filter(number__in=[SLIPPING, INCIDENTS, OVERDUE, UNSUPPORTED])
    }
    if len(people) < 4:
        return
    _slipping_ratings(people[SLIPPING], manager)
    for ago, summary in (
        (40, "客户会议迟到 / Late for a customer meeting"),
        (12, "报价错误 / Wrong quote sent"),
    ):
        with as_of(day(ago - 1)):
            reviews.report_incident(
                actor=hrbp, employee=people[INCIDENTS], occurred_on=day(ago), reported_on=day(ago - 1),
                summary=summary, description=summary, reporter_other="销售团队 / sales team",
            )  # fmt: skip
    _overdue_review(people[OVERDUE], hrbp, manager, day)
    _unsupported_plan(people[UNSUPPORTED], manager, day)


GOALS = [
    {"title": "用户研究 / User research", "weight": "50", "target": "每月 4 次 / 4 a month"},
    {"title": "数据报告 / Data reports", "weight": "50", "target": "每周 / weekly"},
]


def _slipping_ratings(employee: Employee, manager: User) -> None:
    """Ratings 4 → 3 → 2 over the demo's three cycles (those Zhang Wei was reviewed in)."""
    cycles = ReviewCycle.objects.filter(reviews__employee__number=PROTAGONIST).distinct()
    for cycle, rating in zip(cycles.order_by("period_starts_on"), (4, 3, 2), strict=False):
        if Review.objects.filter(cycle=cycle, employee=employee).exists():
            continue
        level = RatingLevel.objects.get(scale=cycle.scale, value=rating)
        with as_of(cycle.due_on):
            review = reviews.create_review(actor=manager, cycle=cycle, employee=employee, goals=GOALS)
            results = {g.pk: {"result": level.label_en, "rating": level} for g in review.goals.all()}
            reviews.assess_review(
                review, actor=manager, manager_assessment=f"{level.label} / {level.label_en}", rating=level,
                goal_results=results,
            )  # fmt: skip
            reviews.submit_review(review, actor=manager)


def _overdue_review(employee: Employee, hrbp: User, manager: User, day) -> None:
    cycle = ReviewCycle.objects.order_by("period_starts_on").last()
    if cycle is None:
        return
    with as_of(day(30)):
        current = reviews.create_cycle(
            actor=hrbp, name="季度评估 / Quarterly review", period_starts_on=day(120), period_ends_on=day(30),
            due_on=day(10), scale=cycle.scale,
        )  # fmt: skip
        reviews.create_review(actor=manager, cycle=current, employee=employee, goals=GOALS)


def _unsupported_plan(employee: Employee, manager: User, day) -> None:
    ends_on = day(-30)
    with as_of(day(30)):
        plan = plans.draft_plan(
            actor=manager,
            employee=employee,
            reason="数据报告两个月未按时交付。/ Weekly data reports late for two months.",
            starts_on=day(30),
            ends_on=ends_on,
            goals=[
                {
                    "title": "按时交付周报 / Weekly report on time",
                    "metric": "按时周报数 / reports on time",
                    "baseline": "3 / 8",
                    "target": "8 / 8",
                    "due_on": ends_on,
                    "measured_by": "报告系统时间戳 / report system timestamps",
                }
            ],
        )
        plans.publish_plan(plan, actor=manager)
