"""Early warning: signals computed from the data, so that support starts before a case is needed.

Each signal is one aggregate query over the organisation and returns flags (one more query then
keeps those in the user's scope); a flag names the person (an employee, or a manager for the team
signals), the signal, and the reason in numbers ("ratings fell 3 → 2 → 1 over the last 3 cycles").
There is no score: every flag explains itself, and every threshold is a setting
(``learning/conf.py``). Named ``early_warning`` so as not to be confused with Django's signals.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from dueprocess.cases.models import SeparationCase
from dueprocess.learning.caching import kept
from dueprocess.learning.conf import setting
from dueprocess.people.models import Employee
from dueprocess.plans.models import (
    CheckIn,
    ImprovementPlan,
    PlanStatus,
    PlanVersion,
    SupportAction,
    SupportStatus,
)
from dueprocess.reviews.models import Incident, RatingLevel, Review, ReviewCycle, ReviewStatus


class Flag(NamedTuple):
    """A tuple, and its link's id a string: thousands are cached and read back on every page."""

    code: str
    employee_id: int
    reason_key: str  # which of REASONS; the text is looked up when shown, in the reader's language
    params: dict[str, Any]
    # Where the evidence is: (url name, public id); None for the person's own page.
    link: tuple[str, str] | None = None

    @property
    def signal(self) -> Signal:
        return SIGNALS[self.code]

    @property
    def reason(self) -> str:
        return str(REASONS[self.reason_key] % {key: _format(value) for key, value in self.params.items()})


def _link(name: str, public_id: Any) -> tuple[str, str]:
    return name, str(uuid.UUID(str(public_id)))  # SQLite gives raw rows 32 hex digits


def _format(value: Any) -> Any:
    # Numbers stay numbers: a plural form is chosen by them.
    return formats.date_format(value, "Y-m-d") if isinstance(value, dt.date) else value


Finder = Callable[[dt.date], list[Flag]]


@dataclass(frozen=True)
class Signal:
    code: str
    label: Promise
    about_manager: bool
    find: Finder = field(compare=False)


SIGNALS: dict[str, Signal] = {}
# Every reason a flag can give. A flag holds the key and its numbers, so flags cached for one reader
# are shown to the next in their own language.
REASONS: dict[str, Promise] = {
    "slipping_ratings": _("ratings fell %(ratings)s over the last %(cycles)s cycles"),
    "repeated_incidents": ngettext_lazy(
        "%(count)s incident in the last %(days)s days, on %(latest)s",
        "%(count)s incidents in the last %(days)s days, the latest on %(latest)s",
        "count",
    ),
    "overdue_reviews": _(
        "the review for “%(cycle)s” was due on %(due)s and is still not submitted, %(days)s days later"
    ),
    "plan_without_support": _(
        "the improvement plan began on %(started)s, %(days)s days ago, and no support is planned or given: "
        "no training, coaching, mentoring or job adjustment"
    ),
    "check_ins_since_last": _(
        "no check-in for %(days)s days, since the last one on %(since)s; one is due every %(gap)s days"
    ),
    "check_ins_since_start": _(
        "no check-in in the %(days)s days since the improvement plan began on %(since)s; one is due every "
        "%(gap)s days"
    ),
    "manager_many_cases": ngettext_lazy(
        "%(count)s separation case opened in their team in the last %(days)s days",
        "%(count)s separation cases opened in their team in the last %(days)s days",
        "count",
    ),
    "manager_no_check_ins": ngettext_lazy(
        "%(plans)s of their reports is on an improvement plan, without a check-in in %(days)s days",
        "%(plans)s of their reports are on improvement plans, and none has had a check-in in %(days)s days",
        "plans",
    ),
}
CHUNK = 10_000  # people checked against the scope per query (SQLite binds at most 32,766 values)


def signal(code: str, label: Promise, *, about_manager: bool = False) -> Callable[[Finder], Finder]:
    def register(find: Finder) -> Finder:
        SIGNALS[code] = Signal(code, label, about_manager, find)
        return find

    return register


def _days(setting_name: str) -> dt.timedelta:
    return dt.timedelta(days=int(setting(setting_name)))


@signal("slipping_ratings", _("slipping review ratings"))
def slipping_ratings(today: dt.date) -> list[Flag]:
    """The overall rating fell at each of the organisation's last N review cycles. One self-join: each
    review of the latest cycle meets the same person's review of the cycle before it through the
    (cycle, employee) index, and only the few that fell go on to the next; a window over every review
    of everyone cost seconds at 100,000 people."""
    cycles = _last_cycles(max(2, int(setting("RATING_CYCLES"))))
    if len(cycles) < max(2, int(setting("RATING_CYCLES"))):
        return []
    review, level = Review._meta.db_table, RatingLevel._meta.db_table
    joins, values, params = [], ["l0.value"], []
    for k, cycle in enumerate(cycles[1:], 1):
        joins.append(
            f"JOIN {review} r{k} ON r{k}.employee_id = r0.employee_id AND r{k}.cycle_id = %s "
            f"AND r{k}.status = %s "
            f"JOIN {level} l{k} ON l{k}.id = r{k}.rating_id AND l{k}.value > l{k - 1}.value"
        )
        values.append(f"l{k}.value")
        params += [cycle, ReviewStatus.SUBMITTED]
    sql = (
        f"SELECT r0.employee_id, r0.public_id, {', '.join(values)} FROM {review} r0 "  # noqa: S608 - table names from the models, values bound
        f"JOIN {level} l0 ON l0.id = r0.rating_id {' '.join(joins)} WHERE r0.cycle_id = %s AND r0.status = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, cycles[0], ReviewStatus.SUBMITTED])
        rows = cursor.fetchall()
    return [
        Flag(
            "slipping_ratings",
            employee_id,
            "slipping_ratings",
            {"ratings": " → ".join(str(v) for v in reversed(ratings)), "cycles": len(cycles)},
            _link("reviews:review_detail", public_id),
        )
        for employee_id, public_id, *ratings in rows
    ]


def _last_cycles(count: int) -> list[int]:
    """The latest review cycles in which any review was submitted, newest first."""
    submitted = Review.objects.filter(cycle=OuterRef("pk"), status=ReviewStatus.SUBMITTED)
    cycles = ReviewCycle.objects.filter(Exists(submitted)).order_by("-period_starts_on", "-pk")
    return list(cycles.values_list("pk", flat=True)[:count])


@signal("repeated_incidents", _("repeated incidents"))
def repeated_incidents(today: dt.date) -> list[Flag]:
    window, threshold = _days("INCIDENT_WINDOW_DAYS"), int(setting("INCIDENTS"))
    latest = Incident.objects.filter(employee=OuterRef("employee_id")).order_by("-occurred_on", "-pk")
    latest = latest.values("public_id")[:1]
    rows = (
        Incident.objects.filter(occurred_on__gt=today - window, occurred_on__lte=today)
        .values("employee_id")
        .annotate(count=Count("pk"), latest=Max("occurred_on"), latest_id=Subquery(latest))
        .filter(count__gte=threshold)
        .values_list("employee_id", "count", "latest", "latest_id")
    )
    return [
        Flag(
            "repeated_incidents",
            employee_id,
            "repeated_incidents",
            {"count": count, "days": window.days, "latest": latest},
            _link("reviews:incident_detail", latest_id),
        )
        for employee_id, count, latest, latest_id in rows
    ]


@signal("overdue_reviews", _("overdue reviews"))
def overdue_reviews(today: dt.date) -> list[Flag]:
    cutoff = today - _days("REVIEW_GRACE_DAYS")
    rows = (
        Review.objects.filter(status__in=[ReviewStatus.DRAFT, ReviewStatus.OPEN], cycle__due_on__lt=cutoff)
        .order_by()
        .values_list("employee_id", "public_id", "cycle__name", "cycle__due_on")
    )
    return [
        Flag(
            "overdue_reviews",
            employee_id,
            "overdue_reviews",
            {"cycle": cycle, "due": due_on, "days": (today - due_on).days},
            _link("reviews:review_detail", public_id),
        )
        for employee_id, public_id, cycle, due_on in rows
    ]


def _active_plans() -> QuerySet[ImprovementPlan]:
    first = PlanVersion.objects.filter(plan=OuterRef("pk"), number=1).values("starts_on")[:1]
    return ImprovementPlan.objects.filter(status=PlanStatus.ACTIVE).annotate(started=Subquery(first))


@signal("plan_without_support", _("plans without support"))
def plans_without_support(today: dt.date) -> list[Flag]:
    support = SupportAction.objects.filter(plan=OuterRef("pk")).exclude(status=SupportStatus.DID_NOT_HAPPEN)
    rows = (
        _active_plans()
        .filter(~Exists(support), started__lte=today - _days("SUPPORT_GRACE_DAYS"))
        .values_list("employee_id", "public_id", "started")
    )
    return [
        Flag(
            "plan_without_support",
            employee_id,
            "plan_without_support",
            {"started": started, "days": (today - started).days},
            _link("plans:plan_detail", public_id),
        )
        for employee_id, public_id, started in rows
    ]


@signal("check_ins_not_held", _("check-ins not held"))
def check_ins_not_held(today: dt.date) -> list[Flag]:
    gap = _days("CHECK_IN_GAP_DAYS")
    cutoff = today - gap
    last = CheckIn.objects.filter(plan=OuterRef("pk")).order_by("-held_on").values("held_on")[:1]
    rows = (
        _active_plans()
        .annotate(last=Subquery(last))
        .filter(Q(last__lt=cutoff) | Q(last__isnull=True, started__lt=cutoff))
        .values_list("employee_id", "public_id", "started", "last")
    )
    return [
        Flag(
            "check_ins_not_held",
            employee_id,
            "check_ins_since_last" if last else "check_ins_since_start",
            {"days": (today - (last or started)).days, "since": last or started, "gap": gap.days},
            _link("plans:plan_detail", public_id),
        )
        for employee_id, public_id, started, last in rows
    ]


@signal("manager_many_cases", _("managers with many cases"), about_manager=True)
def managers_with_many_cases(today: dt.date) -> list[Flag]:
    window, threshold = _days("MANAGER_CASE_WINDOW_DAYS"), int(setting("MANAGER_CASES"))
    rows = (
        SeparationCase.objects.filter(employee__manager__isnull=False, opened_on__gt=today - window)
        .values("employee__manager_id")
        .annotate(count=Count("pk"))
        .filter(count__gte=threshold)
        .values_list("employee__manager_id", "count")
    )
    return [
        Flag(
            "manager_many_cases",
            manager_id,
            "manager_many_cases",
            {"count": count, "days": window.days},
        )
        for manager_id, count in rows
    ]


@signal("manager_no_check_ins", _("managers holding no check-ins"), about_manager=True)
def managers_without_check_ins(today: dt.date) -> list[Flag]:
    """Every active plan in the manager's team, old enough to need one, went without a check-in."""
    gap = _days("CHECK_IN_GAP_DAYS")
    cutoff = today - gap
    old_enough = PlanVersion.objects.filter(plan=OuterRef("pk"), number=1, starts_on__lt=cutoff)
    rows = (
        ImprovementPlan.objects.filter(
            Exists(old_enough), employee__manager__isnull=False, status=PlanStatus.ACTIVE
        )
        .values("employee__manager_id")
        .annotate(
            plans=Count("pk", distinct=True),
            recent=Count("check_ins", filter=Q(check_ins__held_on__gte=cutoff), distinct=True),
        )
        .filter(recent=0)
        .values_list("employee__manager_id", "plans")
    )
    return [
        Flag(
            "manager_no_check_ins",
            manager_id,
            "manager_no_check_ins",
            {"plans": plans, "days": gap.days},
        )
        for manager_id, plans in rows
    ]


@dataclass
class PersonAtRisk:
    employee: Employee
    flags: list[Flag]


def find_flags(scope: QuerySet[Employee], today: dt.date, codes: Iterable[str] | None = None) -> list[Flag]:
    """The organisation's flags, then one query keeps those of people in the user's scope who still
    work here."""
    flags = organisation_flags(today, sorted(codes or SIGNALS))
    allowed = _current_in_scope(scope, sorted({flag.employee_id for flag in flags}))
    return [flag for flag in flags if flag.employee_id in allowed]


def _current_in_scope(scope: QuerySet[Employee], people: list[int]) -> set[int]:
    """Which of these people are in the scope and still work here: the scope asked about the flagged
    people only, as a subquery of its own, so that SQLite runs a department tree or a reporting line
    once, where ``scope.filter(pk__in=...)`` ran it again for every person (seconds, not 0.1 s)."""
    current = Employee.objects.filter(left_on__isnull=True)
    allowed: set[int] = set()
    for start in range(0, len(people), CHUNK):
        chunk = current.filter(pk__in=people[start : start + CHUNK])
        allowed.update(chunk.filter(pk__in=scope.values("pk")).values_list("pk", flat=True))
    return allowed


def organisation_flags(today: dt.date, codes: list[str]) -> list[Flag]:
    """Every chosen signal over the whole organisation: the same for every viewer, so it is kept until
    anything new is recorded (``caching.kept``)."""
    return kept(
        "flags",
        (today, codes),
        lambda: [flag for code in codes if code in SIGNALS for flag in SIGNALS[code].find(today)],
    )


def by_person(flags: list[Flag]) -> list[tuple[int, list[Flag]]]:
    """Flags grouped per person, most flags first (then in the order people were numbered)."""
    grouped: dict[int, list[Flag]] = {}
    for flag in flags:
        grouped.setdefault(flag.employee_id, []).append(flag)
    return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))


def people_at_risk(rows: list[tuple[int, list[Flag]]]) -> list[PersonAtRisk]:
    """The people of one page, fetched in one query."""
    employees = Employee.objects.select_related("department", "manager").in_bulk([pk for pk, _flags in rows])
    return [PersonAtRisk(employees[pk], flags) for pk, flags in rows if pk in employees]
