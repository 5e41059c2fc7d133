"""Synthetic reviews, conduct, plans and cases on top of a seeded organisation, for
``bench_analytics.py``. Rows are written in bulk (``insert_rows`` for the 300,000 reviews,
``bulk_create`` for the rest), never through the actions: the benchmark measures reading them."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from dueprocess.accounts.models import Role, User
from dueprocess.cases.models import (
    Appeal,
    CaseAssessment,
    EmployeeStatement,
    SeparationCase,
    UnionNotice,
)
from dueprocess.people.bulk import insert_rows
from dueprocess.people.models import Department, Employee
from dueprocess.plans.models import (
    CheckIn,
    ImprovementPlan,
    PlanOutcome,
    PlanVersion,
    SupportAction,
    VersionStatus,
)
from dueprocess.reviews.models import Incident, RatingLevel, RatingScale, Review, ReviewCycle, Warning

GROUNDS = {
    "CN": [("incompetence", 5), ("serious_misconduct", 3), ("mutual_agreement_employer_proposed", 2)],
    "GB": [("capability", 3), ("conduct", 2)],
    "US-CA": [("discharge", 1)],
}
# stage, weight, a decision was taken and notice served
STAGES = [
    ("closed", 40, True),
    ("notice_served", 10, True),
    ("employment_ended", 5, True),
    ("withdrawn", 15, False),
    ("gathering_evidence", 15, False),
    ("hearing", 5, False),
    ("decision_pending", 5, False),
    ("draft", 5, False),
]
BATCH = 5000


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def synthesise(rng: random.Random, today: dt.date) -> dict[str, int]:
    with transaction.atomic():
        people = list(
            Employee.objects.values_list(
                "pk", "manager_id", "hire_date", "location__jurisdiction", "department_id"
            )
        )
        actor = _accounts(people)
        counts = {"reviews": _reviews(rng, people, today, actor)}
        counts["incidents"] = _incidents(rng, people, today, actor)
        counts["warnings"] = _warnings(rng, people, today, actor)
        counts["plans"] = _plans(rng, people, today, actor)
        counts["cases"] = _cases(rng, people, today, actor)
    return counts


def _accounts(people) -> User:
    """An auditor (the whole organisation), an HR partner for one division, a division head."""
    auditor = User.objects.create(username="bench.auditor", role=Role.AUDITOR)
    root = Department.objects.filter(parent__isnull=True).first()
    division = Department.objects.filter(parent=root).order_by("pk").first()
    partner = User.objects.create(username="bench.hrbp", role=Role.HR_PARTNER)
    partner.departments.set([division])
    top = next(pk for pk, manager, *_rest in people if manager is None)
    head = next(pk for pk, manager, *_rest in people if manager == top)
    User.objects.create(username="bench.manager", role=Role.MANAGER, employee_id=head)
    return auditor


def _reviews(rng, people, today: dt.date, actor: User) -> int:
    scale = RatingScale.objects.create(code="bench-five", name="五级", name_en="Five levels")
    levels = {
        v: RatingLevel.objects.create(
            scale=scale, value=v, label=str(v), label_en=str(v), meets_expectations=v >= 3
        )
        for v in range(1, 6)
    }
    cycles = [
        ReviewCycle.objects.create(
            name=f"cycle {n}",
            period_starts_on=today - days(480 - 120 * n),
            period_ends_on=today - days(390 - 120 * n),
            due_on=today - days(370 - 120 * n),
            scale=scale,
        )
        for n in range(4)
    ]
    field = Review._meta.get_field
    prep = {name: field(name) for name in ("public_id", "created_at", "submitted_at", "shared_at")}
    now = timezone.now()
    stamp = prep["created_at"].get_db_prep_save(now, connection)

    def rows():
        for pk, *_rest in people:
            rating = rng.randint(2, 5)
            for n, cycle in enumerate(cycles):
                submitted = n < 3
                if not submitted and rng.random() > 0.02:
                    continue
                if n and rng.random() < 0.03:
                    rating = max(1, rating - 1)
                yield (
                    prep["public_id"].get_db_prep_save(
                        uuid.UUID(int=rng.getrandbits(128), version=4), connection
                    ),
                    cycle.pk,
                    pk,
                    1,
                    "",
                    "submitted" if submitted else "draft",
                    "",
                    "",
                    levels[rating].pk if submitted else None,
                    stamp,
                    stamp if submitted else None,
                    stamp if submitted else None,
                )

    fields = (
        "public_id",
        "cycle",
        "employee",
        "version",
        "correction_reason",
        "status",
        "self_assessment",
        "manager_assessment",
        "rating",
        "created_at",
        "submitted_at",
        "shared_at",
    )
    return insert_rows(Review, fields, rows())


def _sample(rng, people, share: float):
    return [person for person in people if rng.random() < share]


def _incidents(rng, people, today: dt.date, actor: User) -> int:
    rows = []
    for pk, *_rest in _sample(rng, people, 0.06):
        for _ in range(rng.randint(1, 3)):
            occurred = today - days(rng.randint(1, 330))
            rows.append(
                Incident(
                    employee_id=pk,
                    occurred_on=occurred,
                    reported_on=occurred + days(1),
                    summary="Late",
                    description="Late again.",
                    recorded_by=actor,
                )
            )
    Incident.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _warnings(rng, people, today: dt.date, actor: User) -> int:
    rows = []
    for pk, *_rest in _sample(rng, people, 0.05):
        issued = today - days(rng.randint(30, 700))
        rows.append(
            Warning(
                employee_id=pk,
                level=rng.choice(["verbal", "written", "final"]),
                issued_on=issued,
                expires_on=issued + days(365),
                reason="Conduct.",
                issued_by=actor,
            )
        )
    Warning.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def _plans(rng, people, today: dt.date, actor: User) -> int:
    chosen = _sample(rng, people, 0.04)
    statuses = [rng.choices(["active", "passed", "failed"], [3, 4, 3])[0] for _ in chosen]
    plans = ImprovementPlan.objects.bulk_create(
        [
            ImprovementPlan(employee_id=pk, status=s, created_by=actor)
            for (pk, *_r), s in zip(chosen, statuses, strict=True)
        ],
        batch_size=BATCH,
    )
    starts = {plan.pk: today - days(rng.randint(20, 400)) for plan in plans}
    versions = PlanVersion.objects.bulk_create(
        [
            PlanVersion(
                plan=plan,
                number=1,
                status=VersionStatus.PUBLISHED,
                reason="Below expectations.",
                starts_on=starts[plan.pk],
                ends_on=starts[plan.pk] + days(90),
            )
            for plan in plans
        ],
        batch_size=BATCH,
    )
    support, check_ins, outcomes = [], [], []
    for plan, version in zip(plans, versions, strict=True):
        start = starts[plan.pk]
        if rng.random() < 0.75:
            support.append(
                SupportAction(
                    plan=plan,
                    kind=rng.choice(["training", "coaching", "job_adjustment"]),
                    description="Course",
                    starts_on=start,
                    ends_on=start + days(10),
                    status="happened",
                )
            )
        for k in range(rng.randint(0, 4)):
            held = start + days(14 * (k + 1))
            if held <= today:
                check_ins.append(
                    CheckIn(plan=plan, version=version, held_on=held, notes="Met.", recorded_by=actor)
                )
        if plan.status != "active":
            if rng.random() < 0.15:
                outcomes.append(
                    PlanOutcome(
                        plan=plan,
                        version=version,
                        outcome="extended",
                        decided_on=start + days(80),
                        summary="More time.",
                        decided_by=actor,
                    )
                )
            outcomes.append(
                PlanOutcome(
                    plan=plan,
                    version=version,
                    outcome=plan.status,
                    decided_on=start + days(90),
                    summary="Decided.",
                    decided_by=actor,
                )
            )
    SupportAction.objects.bulk_create(support, batch_size=BATCH)
    CheckIn.objects.bulk_create(check_ins, batch_size=BATCH)
    PlanOutcome.objects.bulk_create(outcomes, batch_size=BATCH)
    return len(plans)


def _cases(rng, people, today: dt.date, actor: User) -> int:
    cases, money = [], {}
    for pk, _manager, hire, jurisdiction, department in _sample(rng, people, 0.05):
        grounds = GROUNDS[jurisdiction]
        ground = rng.choices([g for g, _w in grounds], [w for _g, w in grounds])[0]
        stage, _weight, served = rng.choices(STAGES, [w for _s, w, _d in STAGES])[0]
        if stage == "withdrawn" and department % 7 == 0:
            stage, served = (
                "closed",
                True,
            )  # some departments settle differently: the consistency view has work
        opened = max(hire, today - days(rng.randint(30, 700)))
        decided = min(today, opened + days(rng.randint(20, 120))) if served else None
        case = SeparationCase(
            employee_id=pk,
            jurisdiction=jurisdiction,
            ground=ground,
            stage=stage,
            summary="Synthetic.",
            opened_by=actor,
            opened_on=opened,
            decided_on=decided,
            notice_served_on=decided,
            notice_given_on=decided,
            last_day=decided,
            pay_in_lieu=served,
            closed_on=min(today, opened + days(150)) if stage in ("closed", "withdrawn") else None,
        )
        cases.append(case)
        money[id(case)] = Decimal(rng.randint(20_000, 400_000)).quantize(Decimal("1.00"))
    SeparationCase.objects.bulk_create(cases, batch_size=BATCH)
    served = [case for case in cases if case.notice_served_on]
    assessments = []
    for case in served:
        total = money[id(case)]
        result = {
            "total": str(total),
            "severance": {"amount": str(total * Decimal("0.8"))},
            "notice": {"pay_in_lieu": str(total * Decimal("0.2"))},
        }
        assessments.append(
            CaseAssessment(
                case=case,
                number=1,
                purpose="serve_notice",
                facts={},
                result=result,
                result_zh=result,
                lawful=True,
                assessed_by=actor,
            )
        )
    CaseAssessment.objects.bulk_create(assessments, batch_size=BATCH)
    Appeal.objects.bulk_create(
        [
            Appeal(
                case=case,
                lodged_on=case.notice_served_on,
                grounds="Unfair.",
                outcome=rng.choice(["pending", "upheld", "upheld", "overturned"]),
            )
            for case in served
            if rng.random() < 0.08
        ],
        batch_size=BATCH,
    )
    UnionNotice.objects.bulk_create(
        [
            UnionNotice(
                case=case,
                union="Union",
                notified_on=case.opened_on,
                content="Notice.",
                recorded_by=actor,
                union_objects=rng.choice([True, False, False, False, None]),
            )
            for case in cases
            if case.jurisdiction == "CN" and case.stage not in ("draft", "gathering_evidence")
        ],
        batch_size=BATCH,
    )
    EmployeeStatement.objects.bulk_create(
        [
            EmployeeStatement(case=case, text="I disagree.", submitted_by=actor)
            for case in served
            if rng.random() < 0.3
        ],
        batch_size=BATCH,
    )
    return len(cases)
