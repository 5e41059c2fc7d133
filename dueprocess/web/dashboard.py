"""The dashboard: the user's open work, each list fetched through the policy with a fixed number of
queries, however many rows there are (the lists are capped and say how many more there are)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, OuterRef, QuerySet, Subquery
from django.utils import timezone

LIMIT = 10
# Counted up to this many, then shown as "100+": the count stops there instead of finding every row
# in the user's scope (an HR administrator's scope is the whole organisation).
COUNT_CAP = 100
SOON = 14  # days ahead a deadline counts as coming up


@dataclass
class WorkList:
    rows: list[Any]
    total: int
    more: bool = False  # there are more than ``total`` (the count stopped at COUNT_CAP)

    @property
    def count_label(self) -> str:
        return f"{self.total}+" if self.more else str(self.total)


def _capped(queryset: QuerySet) -> WorkList:
    rows = list(queryset[: LIMIT + 1])
    if len(rows) <= LIMIT:
        return WorkList(rows, len(rows))
    counted = queryset.order_by()[: COUNT_CAP + 1].count()
    return WorkList(rows[:LIMIT], min(counted, COUNT_CAP), counted > COUNT_CAP)


def open_work(user, today: dt.date | None = None) -> dict[str, Any]:
    from dueprocess.accounts import policy
    from dueprocess.cases.actions.decision import required_approvals
    from dueprocess.cases.models import Approval, Stage
    from dueprocess.reviews.models import ReviewStatus

    today = today or timezone.localdate()
    soon = today + dt.timedelta(days=SOON)
    # The policy's own querysets rather than ``Model.objects.visible_to`` (``pk IN (the policy's
    # query)``): the database filters and sorts in one pass (bench/bench_pages.py).
    cases = policy.cases_visible_to(user).select_related("employee")
    capacities = [c for c in required_approvals() if _approves_as(user, c)]
    mine = Approval.objects.filter(case=OuterRef("pk"), approver=user)
    work: dict[str, Any] = {
        "stages": [
            {**row, "label": Stage(row["stage"]).label}
            for row in cases.open().values("stage").annotate(n=Count("pk")).order_by("stage")
        ],
        "to_approve": _capped(
            cases.filter(stage=Stage.DECISION_PENDING).exclude(Exists(mine)).order_by("opened_on")
        )
        if capacities
        else None,
        "blocked": _capped(
            cases.open()
            .annotate(latest_lawful=_latest_lawful())
            .filter(latest_lawful=False)
            .order_by("opened_on")
        ),
        "hearings": _capped(
            policy.hearings_visible_to(user)
            .filter(status="invited", scheduled_at__lt=_start_of(soon + dt.timedelta(days=1)))
            .select_related("case__employee")
            .order_by("scheduled_at")
        ),
        "last_days": _capped(
            cases.filter(stage=Stage.NOTICE_SERVED, last_day__lte=soon).order_by("last_day")
        ),
        "plans_active": _capped(
            policy.plans_visible_to(user)
            .active()
            .exclude(employee_id=user.employee_id)
            .select_related("employee")
            .order_by("pk")
        ),
        "reviews_due": _capped(
            # Draft and open reviews are current; saying so again ("not superseded") would lead
            # SQLite to scan every review by the partial index of current ones instead.
            policy.reviews_visible_to(user)
            .filter(status__in=[ReviewStatus.DRAFT, ReviewStatus.OPEN], cycle__due_on__lte=soon)
            .exclude(employee_id=user.employee_id)
            # The ten people shown are read after the limit: joined in the query, PostgreSQL
            # joined every open review's employee before taking ten (44 ms → 4 ms at 100,000).
            .select_related("cycle")
            .prefetch_related("employee")
            .order_by("cycle__due_on", "pk")
        ),
    }
    return work


def _start_of(day: dt.date) -> dt.datetime:
    # Compared with the stored timestamp as it is: no conversion per row, and an index can serve it.
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _approves_as(user, capacity: str) -> bool:
    from dueprocess.accounts.models import Role

    roles = {"hr": {Role.HR_ADMIN, Role.HR_PARTNER}, "legal": {Role.LEGAL}}.get(capacity, set())
    return getattr(user, "role", None) in roles


def _latest_lawful() -> Subquery:
    """Whether the case's most recent stored assessment was lawful (None if it has none). Asked per
    case through the (case, number) index: cheaper than finding every case's latest assessment."""
    from dueprocess.cases.models import CaseAssessment

    latest = CaseAssessment.objects.filter(case=OuterRef("pk")).order_by("-number")
    return Subquery(latest.values("lawful")[:1])
