"""The demo's first chapters: Zhang Wei's reviews slip over three cycles (meets → partially meets →
does not meet), a launch commitment is missed and a customer complains, an investigation hears him
and finds the complaint substantiated, and a written warning follows.

Everything goes through the actions, as of the day it happened (``as_of``), so the demo's record is
written exactly as a real one would be. Dates are relative to the day the demo is loaded.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from dueprocess.accounts.models import Role, User
from dueprocess.people.models import Employee
from dueprocess.reviews import actions
from dueprocess.reviews.actions._common import as_of
from dueprocess.reviews.models import RatingLevel, RatingScale, Review

PROTAGONIST = "XQ0007"
RESPONDENTS = [("XQ0008", "peer"), ("XQ0019", "peer"), ("XQ0013", "other")]
LEVELS = [
    (1, "不符合期望", "does not meet expectations", False),
    (2, "部分符合期望", "partially meets expectations", False),
    (3, "符合期望", "meets expectations", True),
    (4, "超出期望", "exceeds expectations", True),
    (5, "远超期望", "far exceeds expectations", True),
]
# (days before today: period start, period end, submitted), rating, results, assessment, feedback
CYCLES = [
    (
        (390, 300, 290),
        3,
        ["按期上线 / shipped on time", "访谈 10 次 / 10 interviews"],
        "整体符合期望。/ Meets expectations overall.",
        "需求文档清楚。/ Clear specs, easy to work with.",
    ),
    (
        (299, 210, 200),
        2,
        ["延期三周 / three weeks late", "访谈 6 次 / 6 interviews"],
        "交付延期，沟通不足。/ Late delivery, little warning.",
        "评审时常缺席。/ Often missing from spec reviews.",
    ),
    (
        (209, 90, 80),
        1,
        ["未上线 / not shipped", "访谈 2 次 / 2 interviews"],
        "关键发布未完成，客户投诉。/ Key launch missed; customer complaint.",
        "需求经常变更且未通知。/ Requirements change without notice.",
    ),
]
GOALS = [
    {
        "title": "移动端结账上线 / Ship mobile checkout",
        "weight": "60",
        "target": "按路线图日期上线 / On the roadmap date",
    },
    {"title": "客户访谈 / Customer interviews", "weight": "40", "target": "每季度 12 次 / 12 a quarter"},
]


def _scale() -> RatingScale:
    scale, _ = RatingScale.objects.get_or_create(
        code="five-level", defaults={"name": "五级评分", "name_en": "Five levels"}
    )
    for value, label, label_en, meets in LEVELS:
        RatingLevel.objects.get_or_create(
            scale=scale,
            value=value,
            defaults={"label": label, "label_en": label_en, "meets_expectations": meets},
        )
    return scale


def _account(employee: Employee) -> User:
    """Colleagues answer feedback as themselves; demo colleagues get an account with no password."""
    user = User.objects.filter(employee=employee).first()
    if user is None:
        user = User(
            username=f"demo.{employee.number.lower()}",
            role=Role.EMPLOYEE,
            employee=employee,
            first_name=employee.legal_name,
        )
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def load(today: dt.date | None = None) -> None:
    """Load the reviews and conduct chapters (once)."""
    today = today or dt.date.today()
    zhang = Employee.objects.get(number=PROTAGONIST)
    if Review.objects.filter(employee=zhang).exists():
        return
    manager, hrbp = User.objects.get(username="manager"), User.objects.get(username="hrbp")
    scale = _scale()
    for spec in CYCLES:
        _review_cycle(today, scale, zhang, manager, hrbp, *spec)
    _conduct(today, zhang, manager, hrbp)


def _review_cycle(today, scale, zhang, manager, hrbp, days, rating, results, assessment, feedback) -> None:
    starts, ends, submitted = (today - dt.timedelta(days=d) for d in days)
    with as_of(ends - dt.timedelta(days=14)):
        cycle = actions.create_cycle(
            actor=hrbp,
            name=f"{starts:%Y-%m} – {ends:%Y-%m} 绩效评估 / performance review",
            period_starts_on=starts,
            period_ends_on=ends,
            due_on=submitted,
            scale=scale,
            template="目标达成、协作、沟通。/ Goals, collaboration, communication.",
        )
        review = actions.create_review(actor=manager, cycle=cycle, employee=zhang, goals=GOALS)
        review = actions.open_review(review, actor=manager)
        for number, relationship in RESPONDENTS:
            respondent = Employee.objects.get(number=number)
            request = actions.request_feedback(
                review, actor=manager, respondent=respondent, relationship=relationship, due_on=submitted
            )
            actions.give_feedback(
                request, actor=_account(respondent), answer=feedback, rating=scale.levels.get(value=rating)
            )
    with as_of(submitted):
        actions.record_self_assessment(
            review,
            actor=User.objects.get(username="employee"),
            text="我尽力了，但需求变化太多。/ I did my best; requirements kept changing.",
        )
        level = scale.levels.get(value=rating)
        goal_results = {
            g.pk: {"result": r, "rating": level} for g, r in zip(review.goals.all(), results, strict=True)
        }
        actions.assess_review(
            review, actor=manager, manager_assessment=assessment, rating=level, goal_results=goal_results
        )
        actions.submit_review(review, actor=manager)


def _conduct(today, zhang, manager, hrbp) -> None:
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731 - a local shorthand for the story's dates
    peer = Employee.objects.get(number="XQ0008")
    evidence = [
        (
            "客户投诉 customer-complaint.txt",
            "text/plain",
            "华东物流：结账功能承诺 9 月底上线，至今未上线，影响我们的季度计划。\n"
            "Huadong Logistics: checkout was promised for the end of the month and has not shipped.".encode(),
        )
    ]
    with as_of(day(108)):
        incident = actions.report_incident(
            actor=manager,
            employee=zhang,
            occurred_on=day(110),
            reported_on=day(108),
            summary="错过上线承诺，客户投诉 / Missed launch commitment; customer complaint",
            description="承诺客户的结账功能未按期上线，且未提前告知客户成功团队。"
            "/ The checkout release promised to the customer did not ship on the agreed date, "
            "and customer success was not warned.",
            reporter_other="华东物流（客户）/ Huadong Logistics (customer)",
            witnesses=[peer],
            evidence=evidence,
        )
    with as_of(day(105)):
        investigation = actions.open_investigation(incident, actor=hrbp, opened_on=day(105))
    with as_of(day(100)):
        actions.record_interview(
            investigation,
            actor=hrbp,
            held_on=day(102),
            interviewee=peer,
            interviewers="陈思敏 Chen Simin",
            notes="确认上线日期曾在评审会上确认。/ Confirms the date was agreed at the review.",
        )
        actions.record_explanation(
            actor=User.objects.get(username="employee"),
            investigation=investigation,
            text="测试环境延误，我以为团队已通知客户。/ The test environment was late; I thought "
            "the team had told the customer.",
            written_on=day(101),
        )
        actions.record_interview(
            investigation,
            actor=hrbp,
            held_on=day(100),
            interviewee=zhang,
            interviewers="陈思敏 Chen Simin",
            notes="承认未通知客户。/ Accepts he did not tell the customer.",
        )
    with as_of(day(95)):
        actions.conclude_investigation(
            investigation,
            actor=hrbp,
            conclusion="substantiated",
            concluded_on=day(97),
            findings="日期已约定，延误未通知。/ The date was agreed; the delay was not communicated.",
        )
        warning = actions.issue_warning(
            actor=hrbp,
            employee=zhang,
            level="written",
            issued_on=day(95),
            expires_on=day(95) + dt.timedelta(days=365),
            investigation=investigation,
            reason="未履行上线承诺且未通知客户。/ Missed a launch commitment without telling the customer.",
            expectations="提前沟通任何延期。/ Flag any delay in advance.",
        )
    with as_of(day(93)):
        actions.record_explanation(
            actor=User.objects.get(username="employee"),
            warning=warning,
            text="我接受需要更早沟通。/ I accept I should have flagged it earlier.",
        )
