"""The data behind bench_pages.py: the seeded organisation, and on top of it the HR work of a large
company, written in bulk so that the pages have something to show at scale.

Per 100,000 employees: two review cycles of 5,000 reviews each, 1,000 incidents (half investigated),
1,500 warnings, 3,000 improvement plans, 3,000 separation cases across every stage with their
assessments and hearings, and the record of all of it (an event chain per case, the organisation's
chain for the rest). One case is built through the real actions, with a long timeline (about 300
events on its chain and on the records linked to it): the case page measured.

Bulk rows are built the way the actions would leave them; events are chained with correct hashes,
so ``dueprocess verify`` passes on the result.
"""

from __future__ import annotations

import datetime as dt
import random

from bulk_events import ChainWriter
from django.db import transaction
from django.utils import timezone
from pages_story import TargetCase

from dueprocess.accounts.models import Role, User
from dueprocess.cases.models import CaseAssessment, Hearing, SeparationCase, Stage
from dueprocess.people.models import Department, Employee, Location
from dueprocess.people.seeding import seed_organisation
from dueprocess.plans.models import ImprovementPlan, PlanStatus, PlanVersion, VersionStatus
from dueprocess.records.events import organisation_chain, reference
from dueprocess.records.models import Chain, ChainKind
from dueprocess.reviews.models import (
    Incident,
    Investigation,
    RatingLevel,
    RatingScale,
    Review,
    ReviewCycle,
    Warning,
)

BATCH = 5_000  # rows per INSERT
HR_PARTNER_DIVISION = "sales"  # about 18% of the company
MANAGED_DEPARTMENT = "sales-east"  # its head's reporting line: about 3.5% of the company
GROUNDS = {"CN": "incompetence", "GB": "capability", "US-CA": "discharge"}
# How the cases are spread over the stages, per 100 cases.
STAGES = {
    Stage.DRAFT: 5,
    Stage.GATHERING_EVIDENCE: 30,
    Stage.HEARING: 15,
    Stage.DECISION_PENDING: 10,
    Stage.APPROVED: 5,
    Stage.NOTICE_SERVED: 10,
    Stage.EMPLOYMENT_ENDED: 5,
    Stage.OFFBOARDING: 5,
    Stage.CLOSED: 10,
    Stage.WITHDRAWN: 5,
}


def build(employees: int, seed: int = 1) -> SeparationCase:
    """Seed the organisation and the work on top of it; return the case with the long timeline."""
    seed_organisation(employees, seed=seed)
    with transaction.atomic():
        return _Builder(random.Random(seed), employees).run()


class _Builder:
    def __init__(self, rng: random.Random, employees: int) -> None:
        self.rng = rng
        self.per = lambda n: max(10, n * employees // 100_000)  # n per 100,000 employees
        self.today = timezone.localdate()
        self.writer = ChainWriter(timezone.now() - dt.timedelta(days=30))

    def run(self) -> SeparationCase:
        users = self._users()
        self.admin = users["hr.admin"]
        target = self._target_employee(users["manager"])
        staff = list(Employee.objects.exclude(pk=target.pk).order_by("pk").values_list("pk", flat=True))
        self.rng.shuffle(staff)
        self.employees = staff
        self._reviews(target)
        self._conduct(target)
        self._plans(target)
        # The organisation's chain is written in bulk up to here; the actions append after it.
        self.writer.close()
        case = TargetCase(users["hrbp"], target, self.today).build()
        self.writer = ChainWriter(timezone.now())
        self._cases(case)
        self.writer.close()
        return case

    def take(self, count: int) -> list[int]:
        taken, self.employees = self.employees[:count], self.employees[count:]
        return taken

    # --- accounts ---------------------------------------------------------------------------------
    def _users(self) -> dict[str, User]:
        hr_person = Employee.objects.filter(department__code__startswith="hr-").order_by("pk").first()
        head = _head_of(MANAGED_DEPARTMENT)
        users = {
            "hr.admin": User.objects.create(username="hr.admin", role=Role.HR_ADMIN, employee=hr_person),
            "hrbp": User.objects.create(username="hrbp", role=Role.HR_PARTNER),
            "manager": User.objects.create(username="manager", role=Role.MANAGER, employee=head),
        }
        users["hrbp"].departments.set(Department.objects.filter(code=HR_PARTNER_DIVISION))
        return users

    def _target_employee(self, manager: User) -> Employee:
        """Someone in the manager's line and the HR partner's division, under PRC law, not protected."""
        return (
            Employee.objects.filter(
                department__code__startswith=f"{MANAGED_DEPARTMENT}-",
                location__jurisdiction="CN",
                protected_periods__isnull=True,
                hire_date__lte=self.today - dt.timedelta(days=3 * 365),
            )
            .exclude(pk=manager.employee_id)
            .order_by("number")
            .first()
        )

    # --- reviews and conduct ----------------------------------------------------------------------
    def _reviews(self, target: Employee) -> None:
        scale = RatingScale.objects.create(code="five-level", name="五级评分", name_en="Five levels")
        levels = RatingLevel.objects.bulk_create(
            RatingLevel(scale=scale, value=v, label=str(v), label_en=str(v), meets_expectations=v >= 3)
            for v in range(1, 6)
        )
        year = self.today.year
        cycles = [
            ReviewCycle.objects.create(
                name=f"{year} H1",
                period_starts_on=dt.date(year, 1, 1),
                period_ends_on=dt.date(year, 6, 30),
                due_on=dt.date(year, 7, 31),
                scale=scale,
            ),
            ReviewCycle.objects.create(
                name=f"{year} H2",
                period_starts_on=dt.date(year, 7, 1),
                period_ends_on=dt.date(year, 12, 31),
                due_on=self.today + dt.timedelta(days=7),
                scale=scale,
            ),
        ]
        reviewed = [*self.employees[: self.per(5000)], target.pk]
        chain = organisation_chain()
        shared = timezone.now() - dt.timedelta(days=100)
        rows = []
        for employee_id in reviewed:
            rows.append(
                Review(
                    cycle=cycles[0],
                    employee_id=employee_id,
                    status="submitted",
                    shared_at=shared,
                    submitted_at=shared,
                    manager_assessment="Steady work on the year's goals.",
                    rating=self.rng.choice(levels),
                    submitted_by=self.admin,
                )
            )
            rows.append(
                Review(cycle=cycles[1], employee_id=employee_id, status=self.rng.choice(["draft", "open"]))
            )
        Review.objects.bulk_create(rows, batch_size=BATCH)
        for review in rows:
            types = ["reviews.created", "reviews.opened"]
            types += ["reviews.assessed", "reviews.submitted"] if review.status == "submitted" else []
            for type in types:
                self.writer.add(chain, type, reference(review), {"cycle": str(review.cycle_id)}, self.admin)

    def _conduct(self, target: Employee) -> None:
        chain, day = organisation_chain(), self.today - dt.timedelta(days=120)
        people = [*self.employees[: self.per(1000)], target.pk]
        incidents = Incident.objects.bulk_create(
            (
                Incident(
                    employee_id=pk,
                    occurred_on=day,
                    reported_on=day,
                    summary="Customer complaint",
                    description="A customer complained about a missed delivery.",
                    recorded_by=self.admin,
                )
                for pk in people
            ),
            batch_size=BATCH,
        )
        investigations = Investigation.objects.bulk_create(
            (
                Investigation(
                    incident=i,
                    investigator=self.admin,
                    opened_on=day,
                    status="concluded",
                    conclusion="substantiated",
                    findings="Confirmed by two witnesses.",
                    concluded_on=day + dt.timedelta(days=10),
                )
                for i in incidents[:-1:2] + incidents[-1:]
            ),
            batch_size=BATCH,
        )
        by_employee = {i.incident.employee_id: i for i in investigations}
        warned = [*self.employees[self.per(500) : self.per(2000)], target.pk]
        warnings = Warning.objects.bulk_create(
            (
                Warning(
                    employee_id=pk,
                    level=self.rng.choice(["verbal", "written", "final"]),
                    issued_on=day + dt.timedelta(days=12),
                    expires_on=day + dt.timedelta(days=377),
                    reason="Missed delivery dates twice after being reminded.",
                    investigation=by_employee.get(pk),
                    issued_by=self.admin,
                )
                for pk in warned
            ),
            batch_size=BATCH,
        )
        for incident in incidents:
            self.writer.add(chain, "reviews.incident_reported", reference(incident), {}, self.admin)
        for investigation in investigations:
            for type in ("reviews.investigation_opened", "reviews.investigation_concluded"):
                self.writer.add(chain, type, reference(investigation), {}, self.admin)
        for warning in warnings:
            self.writer.add(
                chain, "reviews.warning_issued", reference(warning), {"level": warning.level}, self.admin
            )

    # --- plans ------------------------------------------------------------------------------------
    def _plans(self, target: Employee) -> None:
        chain = organisation_chain()
        people = [*self.take(self.per(3000)), target.pk]
        statuses = [PlanStatus.ACTIVE] * 6 + [
            PlanStatus.PASSED,
            PlanStatus.FAILED,
            PlanStatus.FAILED,
            PlanStatus.DRAFT,
        ]
        plans = ImprovementPlan.objects.bulk_create(
            (
                ImprovementPlan(
                    employee_id=pk,
                    status=PlanStatus.FAILED if pk == target.pk else self.rng.choice(statuses),
                    created_by=self.admin,
                )
                for pk in people
            ),
            batch_size=BATCH,
        )
        start = self.today - dt.timedelta(days=60)
        PlanVersion.objects.bulk_create(
            (
                PlanVersion(
                    plan=p,
                    number=1,
                    reason="Delivery dates missed in two cycles.",
                    starts_on=start,
                    ends_on=start + dt.timedelta(days=90),
                    status=VersionStatus.DRAFT if p.status == PlanStatus.DRAFT else VersionStatus.PUBLISHED,
                    published_at=None if p.status == PlanStatus.DRAFT else timezone.now(),
                )
                for p in plans
            ),
            batch_size=BATCH,
        )
        for plan in plans:
            types = ["plans.drafted"] + (
                [] if plan.status == PlanStatus.DRAFT else ["plans.published", "plan.checked_in"]
            )
            for type in types:
                self.writer.add(chain, type, reference(plan), {"status": plan.status}, self.admin)

    # --- separation cases -------------------------------------------------------------------------
    def _cases(self, target: SeparationCase) -> None:
        people = self.take(self.per(3_000))
        locations = {loc.pk: loc for loc in Location.objects.all()}
        where = dict(Employee.objects.filter(pk__in=people).values_list("pk", "location_id"))
        stages = [stage for stage, weight in STAGES.items() for _ in range(weight)]
        cases = []
        for pk in people:
            location = locations[where[pk]]
            cases.append(self._case(pk, location, self.rng.choice(stages)))
        SeparationCase.objects.bulk_create(cases, batch_size=BATCH)
        chains = Chain.objects.bulk_create(
            (Chain(kind=ChainKind.CASE, subject_key=c.chain_key) for c in cases), batch_size=BATCH
        )
        sample = {k: getattr(target.latest_assessment, k) for k in ("facts", "result", "result_zh")}
        self._case_steps(cases, chains, sample)

    def _case(self, employee_id: int, location: Location, stage: str) -> SeparationCase:
        opened = self.today - dt.timedelta(days=self.rng.randint(5, 150))
        case = SeparationCase(
            employee_id=employee_id,
            jurisdiction=location.jurisdiction,
            locality=location.locality,
            ground=GROUNDS[location.jurisdiction],
            stage=stage,
            opened_by=self.admin,
            opened_on=opened,
            summary="Three cycles of declining ratings; the improvement plan failed.",
        )
        order = list(STAGES)
        if order.index(stage) >= order.index(Stage.NOTICE_SERVED) and stage != Stage.WITHDRAWN:
            served = self.today - dt.timedelta(days=self.rng.randint(0, 4))
            case.notice_given_on = case.notice_served_on = case.decided_on = served
            case.last_day = served + dt.timedelta(days=self.rng.randint(1, 30))
        if stage in (Stage.EMPLOYMENT_ENDED, Stage.OFFBOARDING, Stage.CLOSED):
            case.ended_on = case.last_day
        if stage == Stage.CLOSED:
            case.closed_on = self.today
        return case

    def _case_steps(self, cases: list[SeparationCase], chains: list[Chain], sample: dict) -> None:
        """Assessments copied from a real one (what a stored assessment weighs, without running the
        law engine thousands of times), the events of each step, hearings for those at that stage."""
        hearings, stored = [], []
        for case, chain in zip(cases, chains, strict=True):
            data = {"case": str(case.public_id), "on": case.opened_on.isoformat(), "ground": case.ground}
            self.writer.add(chain, "cases.opened", reference(case), data, self.admin)
            if case.stage == Stage.DRAFT:
                continue
            for number in range(1, self.rng.randint(1, 3) + 1):
                lawful = self.rng.random() < 0.85
                stored.append(
                    CaseAssessment(
                        case=case,
                        number=number,
                        purpose="review",
                        lawful=lawful,
                        assessed_by=self.admin,
                        **sample,
                    )
                )
                self.writer.add(
                    chain, "cases.assessed", reference(case), {**data, "assessment": number}, self.admin
                )
            self.writer.add(chain, "cases.gathering_started", reference(case), data, self.admin)
            if case.stage == Stage.HEARING:
                at = timezone.now() + dt.timedelta(days=self.rng.randint(1, 20))
                hearings.append(
                    Hearing(
                        case=case,
                        scheduled_at=at,
                        place="Meeting room 3",
                        attendees="HR, manager",
                        invited_by=self.admin,
                        invited_on=self.today,
                    )
                )
                self.writer.add(chain, "cases.hearing_invited", reference(case), data, self.admin)
        CaseAssessment.objects.bulk_create(stored, batch_size=1_000)
        Hearing.objects.bulk_create(hearings, batch_size=BATCH)


def _head_of(department_code: str) -> Employee:
    """The department's head: the one member whose manager sits outside it."""
    members = Employee.objects.filter(department__code=department_code)
    return members.exclude(manager__department__code=department_code).order_by("number").first()
