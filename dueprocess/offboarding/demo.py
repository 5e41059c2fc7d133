"""The demo's offboarding chapter: Zhang Wei's last day is today. His employment ends, the PRC
checklist is made (LCL 50: the certificate today, the personnel file and social insurance within 15
days — done today, ahead of time), his manager records the handover, the termination certificate is
written by the letters app and put in his portal, the settlement is drawn up from the assessment (N
plus a month's wage in lieu: "N+1") with the annual leave he did not take, approved by the HR
administrator and paid; outplacement is offered and taken up, the reference letter he asked for is
written, HR holds the exit interview, and the case closes.

Everything goes through the actions, as of today; dates are relative to today.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db import transaction

from dueprocess.accounts.models import User
from dueprocess.cases import actions as cases
from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.offboarding import actions
from dueprocess.offboarding.models import Checklist, Questionnaire, Uptake
from dueprocess.reviews.actions._common import as_of

PROTAGONIST = "XQ0007"
LANGUAGE = "zh-hans"
WITH_LETTERS = ("termination_certificate",)
NOTES = {
    "assets": "笔记本电脑、工牌、门禁卡已归还。/ Laptop, badge and access card returned.",
    "access": "IT 已注销邮箱、VPN 及门禁。/ IT removed e-mail, VPN and building access.",
    "final_wages": "11 月工资已于最后工作日一次付清。/ November's wages paid in full on the last day.",
    "personnel_file": "档案已转至上海市人才服务中心。"
    "/ Personnel file sent to the Shanghai talent service centre.",
    "social_insurance": "社保及公积金已办理减员转移。/ Social insurance and housing fund transferred out.",
}
INTERVIEW = [
    "发布延期主要受依赖团队影响，但我承认规格评审做得不够。/ The releases slipped mostly because of "
    "another team, though I accept the spec reviews fell short.",
    "目标清楚；培训有帮助，但来得晚了。/ The goals were clear; the training helped but came late.",
    "4",
    "更早沟通问题，让跨团队依赖有人负责。"
    "/ Raise problems earlier, and give cross-team dependencies an owner.",
    "",
]


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the offboarding chapter (once)."""
    today = today or dt.date.today()
    case = SeparationCase.objects.filter(employee__number=PROTAGONIST).order_by("-opened_at").first()
    if case is None or case.stage != Stage.NOTICE_SERVED or Checklist.objects.filter(case=case).exists():
        return
    hrbp, admin, manager = (User.objects.get(username=u) for u in ("hrbp", "hr.admin", "manager"))
    with as_of(today):
        cases.end_employment(case, actor=hrbp)
        cases.start_offboarding(case, actor=hrbp)
        checklist = actions.ensure_checklist(case, actor=hrbp)
        tasks = {task.kind: task for task in checklist.tasks.all()}
        actions.complete_task(
            tasks.pop("handover"),
            actor=manager,
            note="产品路线图、需求文档已交接给王磊。/ Roadmap and specs handed to Wang Lei.",
        )
        _certificate(tasks.pop("termination_certificate"), hrbp)
        for kind, note in NOTES.items():
            actions.complete_task(tasks.pop(kind), actor=hrbp, note=note)
        reference = _settlement(case, hrbp, admin, today)
        for kind in ("pay_in_lieu", "severance"):
            actions.complete_task(tasks.pop(kind), actor=hrbp, note=f"已支付 / Paid: {reference}")
        _support(case, hrbp, today)
        _exit_interview(case, hrbp, today)
        cases.close_case(case, actor=hrbp)


def _certificate(task, hrbp: User) -> None:
    if apps.is_installed("dueprocess.letters"):
        actions.issue_task_letter(task, actor=hrbp, language=LANGUAGE, email=False)
    else:
        actions.complete_task(
            task, actor=hrbp, note="当面交付员工签收。/ Handed to the employee, who signed for it."
        )


def _settlement(case: SeparationCase, hrbp: User, admin: User, today: dt.date) -> str:
    settlement = actions.create_settlement(case, actor=hrbp)
    actions.add_settlement_line(
        settlement,
        actor=hrbp,
        kind="unused_leave",
        amount="5296.56",
        article="年休假实施办法 10, 12",
        reason="2 天未休法定年休假：28800 ÷ 21.75 = 1324.14 元/日 × 2 天 × 200%（正常工资已发）。"
        "/ 2 days of statutory annual leave not taken: 1324.14 a day × 2 × 200% (the normal wage was paid).",
    )
    actions.approve_settlement(settlement, actor=admin)
    reference = f"PAY-{today:%Y%m}-XQ0007"
    actions.mark_settlement_paid(settlement, actor=hrbp, paid_on=today, reference=reference)
    return reference


def _support(case: SeparationCase, hrbp: User, today: dt.date) -> None:
    outplacement = actions.offer_support(
        case,
        actor=hrbp,
        kind="outplacement",
        description="三个月职业转型辅导。/ Three months of career transition coaching.",
        provider="上海职途咨询 / Zhitu Career Consulting, Shanghai",
        offered_on=today,
    )
    actions.record_support_uptake(
        outplacement, actor=hrbp, taken_up=Uptake.YES, note="首次辅导已预约。/ First session booked."
    )
    reference = actions.offer_support(
        case,
        actor=hrbp,
        kind="reference_letter",
        description="应员工陈述中的请求出具推荐信。/ A reference, as he asked in his statement.",
        offered_on=today,
    )
    if apps.is_installed("dueprocess.letters"):
        actions.give_reference_letter(reference, actor=hrbp, language=LANGUAGE, email=False)
    else:
        actions.record_support_uptake(reference, actor=hrbp, taken_up=Uptake.YES)


def _exit_interview(case: SeparationCase, hrbp: User, today: dt.date) -> None:
    questionnaire = (
        Questionnaire.objects.filter(name="Exit interview", active=True).order_by("-version").first()
    )
    if questionnaire is None:
        return
    questions = list(questionnaire.questions.all())
    answers = {q.pk: answer for q, answer in zip(questions, INTERVIEW, strict=False)}
    actions.record_exit_interview(
        case, actor=hrbp, questionnaire=questionnaire, held_on=today, answers=answers
    )
