"""Early warning: signals computed from the data, so that support starts before a case is needed.

A flag names the person (an employee, or a manager for the team signals), the signal, and the reason
in numbers ("ratings fell 3 → 2 → 1 over the last 3 cycles"). There is no score: every flag explains
itself, and every threshold is a setting (``learning/conf.py``). Named ``early_warning`` so as not to
be confused with Django's signals.

Each signal is one query, written once (``Finding``) and asked two ways. Who is flagged: every
signal's query as a subquery of one statement that counts the flags per person and signal, so the
database does the work set-based and Python holds a few integers per person flagged; then those in
the reader's scope are kept (``tally``), and both are kept until anything new is recorded. Why: the
same queries for the fifty people of one page only (``people_at_risk``), which is all that is turned
into reasons and links. At 100,000 people the flags of the whole organisation (thousands) were once
built, cached and read back in Python on every page: 0.4–0.5 s of CPU before anything was shown.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet, Subquery
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
    """One reason to look at one person, made only for the people a page shows."""

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


class Finding(Protocol):
    """What one signal finds as of a day, asked two ways."""

    def who(self) -> tuple[str, Sequence[Any]] | None:
        """SQL and its parameters: one row per flag, one column, ``person``, the person flagged (None:
        the signal cannot flag anyone today)."""

    def of(self, people: list[int]) -> list[Flag]:
        """The flags of these people, each with its reason and link."""


@dataclass(frozen=True)
class Rows:
    """A finding as a QuerySet with one row per flag: ``person`` leads to the person flagged, and
    ``make(person, *columns)`` turns a row into its flag."""

    queryset: QuerySet
    person: str
    columns: tuple[str, ...]
    make: Callable[..., Flag]
    # Annotations only the reasons need (a link's public id), left out of the question who is flagged.
    details: dict[str, Any] = field(default_factory=dict)

    def who(self) -> tuple[str, Sequence[Any]]:
        return self.queryset.order_by().values(person=F(self.person)).query.sql_with_params()

    def of(self, people: list[int]) -> list[Flag]:
        rows = self.queryset.filter(**{f"{self.person}__in": people}).annotate(**self.details)
        return [self.make(*row) for row in rows.values_list(self.person, *self.columns)]


@dataclass(frozen=True)
class Signal:
    code: str
    label: Promise
    about_manager: bool
    find: Callable[[dt.date], Finding] = field(compare=False)


SIGNALS: dict[str, Signal] = {}
# Every reason a flag can give. A flag holds the key and its numbers; the text is looked up when the
# flag is shown, in the reader's language.
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


def signal(code: str, label: Promise, *, about_manager: bool = False):
    def register(find: Callable[[dt.date], Finding]) -> Callable[[dt.date], Finding]:
        SIGNALS[code] = Signal(code, label, about_manager, find)
        return find

    return register


def _days(setting_name: str) -> dt.timedelta:
    return dt.timedelta(days=int(setting(setting_name)))


@dataclass(frozen=True)
class SlippingRatings:
    """The overall rating fell at each of the organisation's last N review cycles (newest first). One
    self-join: each review of the latest cycle meets the same person's review of the cycle before it
    through the (cycle, status, employee, rating) index, and only those that fell go on to the next; a
    window over every review of everyone cost seconds at 100,000 people."""

    cycles: list[int]

    def _sql(self, columns: str, people: list[int] | None) -> tuple[str, list[Any]]:
        """Asked for a page's people, each review is bound to them, not the first alone: PostgreSQL
        without statistics otherwise joined two whole cycles first (0.2 s for fifty people)."""
        review, level = Review._meta.db_table, RatingLevel._meta.db_table
        only = f" AND r{{k}}.employee_id IN ({', '.join(['%s'] * len(people))})" if people else ""
        joins, params = [], []
        for k, cycle in enumerate(self.cycles[1:], 1):
            joins.append(
                f"JOIN {review} r{k} ON r{k}.cycle_id = %s AND r{k}.status = %s "
                f"AND r{k}.employee_id = r0.employee_id{only.format(k=k)} "
                f"JOIN {level} l{k} ON l{k}.id = r{k}.rating_id AND l{k}.value > l{k - 1}.value"
            )
            params += [cycle, ReviewStatus.SUBMITTED, *(people or [])]
        sql = (
            f"SELECT {columns} FROM {review} r0 JOIN {level} l0 ON l0.id = r0.rating_id {' '.join(joins)} "  # noqa: S608 - table names from the models, values bound
            f"WHERE r0.cycle_id = %s AND r0.status = %s{only.format(k=0)}"
        )
        return sql, [*params, self.cycles[0], ReviewStatus.SUBMITTED, *(people or [])]

    def who(self) -> tuple[str, list[Any]] | None:
        return self._sql("r0.employee_id AS person", None) if self.cycles else None

    def of(self, people: list[int]) -> list[Flag]:
        if not self.cycles or not people:
            return []
        values = ", ".join(f"l{k}.value" for k in range(len(self.cycles)))
        with connection.cursor() as cursor:
            cursor.execute(*self._sql(f"r0.employee_id, r0.public_id, {values}", people))
            rows = cursor.fetchall()
        return [
            Flag(
                "slipping_ratings",
                employee_id,
                "slipping_ratings",
                {"ratings": " → ".join(str(v) for v in reversed(ratings)), "cycles": len(self.cycles)},
                _link("reviews:review_detail", public_id),
            )
            for employee_id, public_id, *ratings in rows
        ]


@signal("slipping_ratings", _("slipping review ratings"))
def slipping_ratings(today: dt.date) -> Finding:
    wanted = max(2, int(setting("RATING_CYCLES")))
    cycles = _last_cycles(wanted)
    return SlippingRatings(cycles if len(cycles) == wanted else [])


def _last_cycles(count: int) -> list[int]:
    """The latest review cycles in which any review was submitted, newest first."""
    submitted = Review.objects.filter(cycle=OuterRef("pk"), status=ReviewStatus.SUBMITTED)
    cycles = ReviewCycle.objects.filter(Exists(submitted)).order_by("-period_starts_on", "-pk")
    return list(cycles.values_list("pk", flat=True)[:count])


@signal("repeated_incidents", _("repeated incidents"))
def repeated_incidents(today: dt.date) -> Finding:
    window, threshold = _days("INCIDENT_WINDOW_DAYS"), int(setting("INCIDENTS"))
    latest = Incident.objects.filter(employee=OuterRef("employee_id")).order_by("-occurred_on", "-pk")
    rows = (
        Incident.objects.filter(occurred_on__gt=today - window, occurred_on__lte=today)
        .order_by()
        .values("employee_id")
        .annotate(count=Count("pk"), latest=Max("occurred_on"))
        .filter(count__gte=threshold)
    )

    def make(employee_id: int, count: int, latest: dt.date, latest_id: Any) -> Flag:
        params = {"count": count, "days": window.days, "latest": latest}
        return Flag(
            "repeated_incidents", employee_id, "repeated_incidents", params,
            _link("reviews:incident_detail", latest_id),
        )  # fmt: skip

    details = {"latest_id": Subquery(latest.values("public_id")[:1])}
    return Rows(rows, "employee_id", ("count", "latest", "latest_id"), make, details)


@signal("overdue_reviews", _("overdue reviews"))
def overdue_reviews(today: dt.date) -> Finding:
    cutoff = today - _days("REVIEW_GRACE_DAYS")
    rows = Review.objects.filter(
        status__in=[ReviewStatus.DRAFT, ReviewStatus.OPEN], cycle__due_on__lt=cutoff
    ).order_by("cycle__due_on", "pk")

    def make(employee_id: int, public_id: Any, cycle: str, due_on: dt.date) -> Flag:
        params = {"cycle": cycle, "due": due_on, "days": (today - due_on).days}
        return Flag(
            "overdue_reviews",
            employee_id,
            "overdue_reviews",
            params,
            _link("reviews:review_detail", public_id),
        )

    return Rows(rows, "employee_id", ("public_id", "cycle__name", "cycle__due_on"), make)


def _active_plans() -> QuerySet[ImprovementPlan]:
    first = PlanVersion.objects.filter(plan=OuterRef("pk"), number=1).order_by().values("starts_on")[:1]
    return ImprovementPlan.objects.filter(status=PlanStatus.ACTIVE).annotate(started=Subquery(first))


@signal("plan_without_support", _("plans without support"))
def plans_without_support(today: dt.date) -> Finding:
    support = SupportAction.objects.filter(plan=OuterRef("pk")).exclude(status=SupportStatus.DID_NOT_HAPPEN)
    rows = _active_plans().filter(~Exists(support), started__lte=today - _days("SUPPORT_GRACE_DAYS"))

    def make(employee_id: int, public_id: Any, started: dt.date) -> Flag:
        params = {"started": started, "days": (today - started).days}
        return Flag(
            "plan_without_support", employee_id, "plan_without_support", params,
            _link("plans:plan_detail", public_id),
        )  # fmt: skip

    return Rows(rows.order_by("pk"), "employee_id", ("public_id", "started"), make)


@signal("check_ins_not_held", _("check-ins not held"))
def check_ins_not_held(today: dt.date) -> Finding:
    gap = _days("CHECK_IN_GAP_DAYS")
    cutoff = today - gap
    last = CheckIn.objects.filter(plan=OuterRef("pk")).order_by("-held_on").values("held_on")[:1]
    rows = (
        _active_plans()
        .annotate(last=Subquery(last))
        .filter(Q(last__lt=cutoff) | Q(last__isnull=True, started__lt=cutoff))
    )

    def make(employee_id: int, public_id: Any, started: dt.date, last: dt.date | None) -> Flag:
        params = {"days": (today - (last or started)).days, "since": last or started, "gap": gap.days}
        key = "check_ins_since_last" if last else "check_ins_since_start"
        return Flag("check_ins_not_held", employee_id, key, params, _link("plans:plan_detail", public_id))

    return Rows(rows.order_by("pk"), "employee_id", ("public_id", "started", "last"), make)


@signal("manager_many_cases", _("managers with many cases"), about_manager=True)
def managers_with_many_cases(today: dt.date) -> Finding:
    """Grouped by the employee's manager. People without one make a group whose person is NULL, which
    neither the scope nor a page ever matches; asking "has a manager" up front made SQLite walk all
    100,000 people by the manager index instead of this year's few thousand cases."""
    window, threshold = _days("MANAGER_CASE_WINDOW_DAYS"), int(setting("MANAGER_CASES"))
    rows = (
        SeparationCase.objects.filter(opened_on__gt=today - window)
        .order_by()
        .values("employee__manager_id")
        .annotate(count=Count("pk"))
        .filter(count__gte=threshold)
    )

    def make(manager_id: int, count: int) -> Flag:
        params = {"count": count, "days": window.days}
        return Flag("manager_many_cases", manager_id, "manager_many_cases", params)

    return Rows(rows, "employee__manager_id", ("count",), make)


@signal("manager_no_check_ins", _("managers holding no check-ins"), about_manager=True)
def managers_without_check_ins(today: dt.date) -> Finding:
    """Every active plan in the manager's team, old enough to need one, went without a check-in (no
    manager: a NULL person, never matched, as above)."""
    gap = _days("CHECK_IN_GAP_DAYS")
    cutoff = today - gap
    old_enough = PlanVersion.objects.filter(plan=OuterRef("pk"), number=1, starts_on__lt=cutoff)
    rows = (
        ImprovementPlan.objects.filter(Exists(old_enough), status=PlanStatus.ACTIVE)
        .order_by()
        .values("employee__manager_id")
        .annotate(
            plans=Count("pk", distinct=True),
            recent=Count("check_ins", filter=Q(check_ins__held_on__gte=cutoff), distinct=True),
        )
        .filter(recent=0)
    )

    def make(manager_id: int, plans: int) -> Flag:
        params = {"plans": plans, "days": gap.days}
        return Flag("manager_no_check_ins", manager_id, "manager_no_check_ins", params)

    return Rows(rows, "employee__manager_id", ("plans",), make)


@dataclass(frozen=True)
class Tally:
    """Who in a scope is flagged: (person, number of flags), most flags first, then in the order people
    were numbered; and how many flags each signal raised."""

    people: list[tuple[int, int]]
    counts: dict[str, int]


def tally(scope: QuerySet[Employee], today: dt.date, codes: Iterable[str] | None = None) -> Tally:
    """The chosen signals over the people in the scope who still work here, kept for the scope until
    anything new is recorded (``caching.kept``)."""
    chosen = sorted(codes or SIGNALS)
    current = scope.filter(left_on__isnull=True).order_by().values_list("pk", flat=True)
    try:
        sql, params = current.query.sql_with_params()
    except EmptyResultSet:  # a scope of nobody
        return Tally([], dict.fromkeys(chosen, 0))
    return kept("risk", (sql, tuple(params), today, chosen), lambda: _tally(today, chosen, sql, params))


def _tally(today: dt.date, codes: list[str], scope_sql: str, scope_params: Sequence[Any]) -> Tally:
    """The organisation's flags, kept for every reader, matched in Python with the people in the
    scope, fetched as they are (the scope asked once, on its own). Matched in SQL (``person IN
    (scope)``), PostgreSQL without statistics (a bulk load autovacuum has not seen yet) took an HR
    partner's 35,000 people for a handful and compared every flag with each of them: 3.7 s."""
    with connection.cursor() as cursor:
        cursor.execute(scope_sql, scope_params)
        allowed = {pk for (pk,) in cursor.fetchall()}
    flags: dict[int, int] = defaultdict(int)
    counts = dict.fromkeys(codes, 0)
    for person, index, count in kept("flagged", (today, codes), lambda: _organisation(today, codes)):
        if person in allowed:
            flags[person] += count
            counts[codes[index]] += count
    return Tally(sorted(flags.items(), key=lambda item: (-item[1], item[0])), counts)


def _organisation(today: dt.date, codes: list[str]) -> list[tuple[int, int, int]]:
    """(person, signal, flags) over the whole organisation, in one statement: every signal a
    subquery, the database counting. A few integers per person flagged, the same for every reader."""
    branches: list[str] = []
    params: list[Any] = []
    for index, code in enumerate(codes):
        found = SIGNALS[code].find(today).who()
        if found is not None:
            branches.append(f"SELECT w.person, {index} AS k FROM ({found[0]}) w")  # noqa: S608 - compiled SQL
            params.extend(found[1])
    if not branches:
        return []
    sql = f"SELECT f.person, f.k, COUNT(*) FROM ({' UNION ALL '.join(branches)}) f GROUP BY f.person, f.k"  # noqa: S608 - SQL compiled from QuerySets, values bound
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def flags_of(people: list[int], today: dt.date, codes: Iterable[str] | None = None) -> dict[int, list[Flag]]:
    """These people's flags, signal by signal: one query per signal, however many people."""
    found: dict[int, list[Flag]] = {pk: [] for pk in people}
    if people:
        for code in sorted(codes or SIGNALS):
            for flag in SIGNALS[code].find(today).of(people):
                found[flag.employee_id].append(flag)
    return found


@dataclass
class PersonAtRisk:
    employee: Employee
    flags: list[Flag]


def people_at_risk(
    people: list[int], today: dt.date, codes: Iterable[str] | None = None
) -> list[PersonAtRisk]:
    """The people of one page with their flags, in the page's order. Someone whose flags went away
    since the tally was kept (a change made outside the actions) is left out."""
    flags = flags_of(people, today, codes)
    employees = Employee.objects.select_related("department", "manager").in_bulk(people)
    return [PersonAtRisk(employees[pk], flags[pk]) for pk in people if pk in employees and flags[pk]]


def find_flags(scope: QuerySet[Employee], today: dt.date, codes: Iterable[str] | None = None) -> list[Flag]:
    """Every flag in the scope, the most flagged people first: for a scope with few people flagged
    (the demo, a small team); the risk list asks for one page at a time."""
    people = [pk for pk, _count in tally(scope, today, codes).people]
    flags = flags_of(people, today, codes)
    return [flag for pk in people for flag in flags[pk]]
