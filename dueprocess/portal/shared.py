"""What the portal reads: the user's own records as the policy shares them, fetched with what each
page shows, so that a page costs the same number of queries for one item or fifty."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from dueprocess.accounts import policy
from dueprocess.cases.models import EmployeeStatement, Hearing, SeparationCase
from dueprocess.plans.models import CheckIn, ImprovementPlan, PlanStatus, PlanVersion, ScheduledCheckIn
from dueprocess.reviews.models import Explanation, Investigation, Review, Warning


def plans(user) -> QuerySet[ImprovementPlan]:
    return policy.plans_shared_with(user).prefetch_related(
        Prefetch("versions", queryset=PlanVersion.objects.order_by("number").prefetch_related("goals"))
    )


def plan_detail(user) -> QuerySet[ImprovementPlan]:
    check_ins = CheckIn.objects.select_related("version").prefetch_related("attendees", "progress__goal")
    return plans(user).prefetch_related(
        "support_actions",
        "outcomes__evidence",
        Prefetch("check_ins", queryset=check_ins),
        Prefetch("scheduled_check_ins", queryset=ScheduledCheckIn.objects.upcoming(), to_attr="upcoming"),
    )


def upcoming_check_ins(user) -> QuerySet[ScheduledCheckIn]:
    """The check-ins arranged ahead on the user's running plans: when, where and how long, which their
    calendar invitation said too. Who arranged them and any reason given stay on the plan's page."""
    running = policy.plans_shared_with(user).filter(status=PlanStatus.ACTIVE)
    return ScheduledCheckIn.objects.upcoming().filter(plan__in=running).select_related("plan")


def reviews(user) -> QuerySet[Review]:
    return (
        policy.reviews_shared_with(user)
        .select_related("cycle", "rating")
        .prefetch_related("goals__rating")
        .order_by("-cycle__period_starts_on")
    )


def warnings(user) -> QuerySet[Warning]:
    return policy.warnings_given_to(user).prefetch_related("explanations").order_by("-issued_on")


def investigations_to_explain(user) -> QuerySet[Investigation]:
    """Open investigations about the user: what they are asked to answer, never the file."""
    return (
        policy.investigations_to_explain(user)
        .select_related("incident")
        .prefetch_related("explanations")
        .annotate(explained=Exists(Explanation.objects.filter(investigation=OuterRef("pk"))))
        .order_by("-opened_on")
    )


def cases(user) -> QuerySet[SeparationCase]:
    statements = EmployeeStatement.objects.select_related("hearing").prefetch_related("evidence")
    return (
        policy.cases_shared_with(user)
        .select_related("employee")
        .prefetch_related(
            Prefetch("hearings", queryset=Hearing.objects.order_by("scheduled_at", "pk")),
            Prefetch("statements", queryset=statements),
            "appeals",
        )
    )
