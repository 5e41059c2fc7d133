"""The demo's case chapter. Zhang Wei's plan failed four days ago: HR opens an incompetence case
(PRC LCL 40(2)) on his reviews, warning and plan, tells the union (LCL 43), hears him, takes his
written statement, and, with HR's and legal counsel's approval, serves notice today with a month's
wage in lieu: severance N plus one month, "N+1". Beside it, a case for Wu Jing, who is pregnant,
stands blocked by LCL 42(4), and the case page shows why.

Everything goes through the actions, as of the day it happened; dates are relative to today.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from dueprocess.accounts.models import User
from dueprocess.cases import actions
from dueprocess.cases.models import SeparationCase
from dueprocess.people.models import Employee
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.actions._common import as_of
from dueprocess.reviews.models import Review, Warning

PROTAGONIST, PREGNANT = "XQ0007", "XQ0010"


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the case chapter (once)."""
    today = today or dt.date.today()
    zhang = Employee.objects.get(number=PROTAGONIST)
    if SeparationCase.objects.filter(employee=zhang).exists():
        return
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731 - a local shorthand for the story's dates
    hrbp, legal, employee, admin = (
        User.objects.get(username=u) for u in ("hrbp", "legal", "employee", "hr.admin")
    )
    case = _open(zhang, hrbp, day(4))
    _union(case, hrbp, day)
    _hearing(case, hrbp, employee, day)
    with as_of(day(1)):
        actions.request_decision(case, actor=hrbp)
        actions.decide_approval(
            case,
            actor=hrbp,
            capacity="hr",
            decision="approved",
            note="程序完整，证据充分。/ Procedure complete, evidence sufficient.",
        )
    with as_of(today):
        actions.decide_approval(
            case,
            actor=legal,
            capacity="legal",
            decision="approved",
            note="符合第四十条第二项；选择代通知金。/ Meets LCL 40(2); pay in lieu chosen.",
        )
        actions.plan_termination(case, actor=hrbp, notice_given_on=today, last_day=today, pay_in_lieu=True)
        actions.serve_notice(case, actor=hrbp, served_on=today)
    _blocked_case(admin, day)


def _open(zhang: Employee, hrbp: User, opened: dt.date) -> SeparationCase:
    evidence = [
        *Review.objects.filter(employee=zhang).current().order_by("cycle__period_starts_on"),
        *Warning.objects.filter(employee=zhang),
        *ImprovementPlan.objects.filter(employee=zhang),
    ]
    with as_of(opened):
        case = actions.open_case(
            actor=hrbp,
            employee=zhang,
            ground="incompetence",
            summary="连续三个周期绩效下滑，书面警告后改进计划未通过；已提供培训，调岗被拒。/ Three cycles of "
            "declining ratings; after a written warning, the improvement plan failed. Training was given and "
            "a job adjustment offered and declined.",
            evidence=evidence,
        )
        actions.start_gathering(case, actor=hrbp)
    return case


def _union(case: SeparationCase, hrbp: User, day) -> None:
    with as_of(day(4)):
        notice = actions.notify_union(
            case,
            actor=hrbp,
            union="星桥科技工会委员会 / Xingqiao Technology union committee",
            notified_on=day(4),
            content="拟依《劳动合同法》第四十条第二项解除张伟的劳动合同："
            "绩效记录、改进计划及培训记录附后。/ Proposed termination of Zhang Wei under LCL "
            "40(2): reviews, plan and training records attached.",
        )
    with as_of(day(3)):
        actions.record_union_reply(
            notice,
            actor=hrbp,
            replied_on=day(3),
            objects=False,
            reply="无异议，请确保足额支付经济补偿。/ No objection; make sure severance is paid in full.",
        )


def _hearing(case: SeparationCase, hrbp: User, employee: User, day) -> None:
    with as_of(day(4)):
        at = timezone.make_aware(dt.datetime.combine(day(2), dt.time(10, 0)))
        hearing = actions.invite_to_hearing(
            case,
            actor=hrbp,
            scheduled_at=at,
            place="上海总部 5 楼会议室 / Shanghai HQ, 5th-floor meeting room",
            attendees="刘芳（直属经理）、HRBP / Liu Fang (line manager), HR business partner",
            companion_allowed=True,
            agenda="改进计划结果与拟解除决定；员工陈述。/ The plan's outcome and the proposed termination; "
            "the employee's answer.",
        )
    with as_of(day(2)):
        actions.record_hearing(
            hearing,
            actor=hrbp,
            held_on=day(2),
            employee_attended=True,
            companion="",
            minutes="说明改进计划结果；张伟认为依赖团队延误影响发布，承认规格评审不足。"
            "/ The plan's outcome was explained; Zhang Wei said other teams' delays held releases back "
            "and accepted the spec reviews fell short.",
            response_due_on=day(0),
        )
    with as_of(day(1)):
        actions.submit_statement(
            case,
            actor=employee,
            text="我对结论有异议：第三次发布延期是依赖团队造成的。请考虑经济补偿之外的推荐信。"
            "/ I dispute the conclusion: the third release slipped because of another team. "
            "Please also consider a reference.",
            evidence=[
                (
                    "依赖延误邮件 dependency-delay.eml",
                    "message/rfc822",
                    b"From: platform@xingqiao.example\nSubject: API delivery moved by two weeks\n\n",
                )
            ],
        )


def _blocked_case(admin: User, day) -> None:
    wu = Employee.objects.get(number=PREGNANT)
    with as_of(day(2)):
        case = actions.open_case(
            actor=admin,
            employee=wu,
            ground="incompetence",
            summary="两个季度未完成平台迁移目标。/ Platform migration goals missed for two quarters.",
        )
        actions.start_gathering(case, actor=admin)
