"""Process analytics: each page is a few GROUP BY queries over the cases, plans and reviews in the
user's scope, shaped into charts (with their tables). Nothing here loads rows one by one; where a
figure needs per-case arithmetic (a median, money kept as Decimal) only the few columns it needs are
read, once."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.fields.json import KT
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from dueprocess.cases.models import Appeal, AppealOutcome, CaseAssessment, SeparationCase, Stage, UnionNotice
from dueprocess.learning.charts import Chart, Series
from dueprocess.people.models import Employee
from dueprocess.plans.models import ImprovementPlan, Outcome, PlanOutcome, PlanStatus
from dueprocess.reviews.models import Warning

TOP = 15  # departments and managers shown by name; the rest are summed as "others"
CURRENCY = {"CN": "CNY", "GB": "GBP", "US-CA": "USD"}
DAY_BANDS = [
    (30, _("up to 30 days")),
    (90, _("31–90 days")),
    (180, _("91–180 days")),
    (365, _("181–365 days")),
]


def _cases(scope: QuerySet[Employee]) -> QuerySet[SeparationCase]:
    return SeparationCase.objects.filter(employee__in=scope.values("pk"))


def ground_label(jurisdiction: str, ground: str) -> str:
    from dueprocess.law import FactsError, jurisdiction_for

    try:
        name, article = jurisdiction_for(jurisdiction).grounds[ground]
    except (KeyError, FactsError):
        return f"{ground} ({jurisdiction})"
    return f"{name(get_language() or 'en')} ({article})"


def _name(name: str, name_en: str) -> str:
    english = (get_language() or "").startswith("en")
    return (name_en or name) if english else name


def _top(counts: list[tuple[str, int]]) -> tuple[list[str], list[int]]:
    ranked = sorted(counts, key=lambda item: (-item[1], item[0]))
    shown, rest = ranked[:TOP], ranked[TOP:]
    if rest:
        shown.append((str(_("others (%(count)s)") % {"count": len(rest)}), sum(n for _l, n in rest)))
    return [label for label, _n in shown], [n for _l, n in shown]


def cases_page(scope: QuerySet[Employee]) -> list[Chart]:
    cases = _cases(scope)
    count = _("cases")
    by_stage = dict(cases.values_list("stage").annotate(n=Count("pk")).order_by())
    stages = [stage for stage in Stage if by_stage.get(stage)]
    by_ground = cases.values_list("jurisdiction", "ground").annotate(n=Count("pk")).order_by()
    grounds = sorted(((ground_label(j, g), n) for j, g, n in by_ground), key=lambda item: -item[1])
    departments = cases.values_list("employee__department__name", "employee__department__name_en").annotate(
        n=Count("pk")
    )
    managers = cases.values_list("employee__manager__legal_name", "employee__manager__number").annotate(
        n=Count("pk")
    )
    department_labels, department_counts = _top([(_name(n, e), c) for n, e, c in departments.order_by()])
    manager_labels, manager_counts = _top(
        [
            (f"{name} ({number})" if number else str(_("no manager")), c)
            for name, number, c in managers.order_by()
        ]
    )
    return [
        Chart("by-stage", _("Cases by stage"), [str(s.label) for s in stages],
              [Series(count, [by_stage[s] for s in stages])]),
        Chart("by-ground", _("Cases by ground"), [g for g, _n in grounds],
              [Series(count, [n for _g, n in grounds])], kind="horizontal"),
        Chart("by-department", _("Cases by department"), department_labels,
              [Series(count, department_counts)], kind="horizontal"),
        Chart("by-manager", _("Cases by line manager"), manager_labels, [Series(count, manager_counts)],
              kind="horizontal"),
    ]  # fmt: skip


def timing_page(scope: QuerySet[Employee]) -> list[Chart]:
    """From the first warning before the decision to the decision, and from opening to decision."""
    first_warning = (
        Warning.objects.filter(employee=OuterRef("employee"), issued_on__lte=OuterRef("decided_on"))
        .order_by("issued_on")
        .values("issued_on")[:1]
    )
    rows = (
        _cases(scope)
        .filter(decided_on__isnull=False)
        .annotate(first_warning=Subquery(first_warning))
        .values_list("jurisdiction", "ground", "opened_on", "decided_on", "first_warning")
    )
    bands: Counter = Counter()
    per_ground: dict[str, list[tuple[int | None, int]]] = defaultdict(list)
    for jurisdiction, ground, opened_on, decided_on, warned_on in rows:
        days = (decided_on - warned_on).days if warned_on else None
        bands[_band(days)] += 1
        per_ground[ground_label(jurisdiction, ground)].append((days, (decided_on - opened_on).days))
    band_labels = [str(label) for _d, label in DAY_BANDS] + [
        str(_("over a year")),
        str(_("no warning before")),
    ]
    grounds = sorted(per_ground)
    medians = [_median([w for w, _o in per_ground[g] if w is not None]) for g in grounds]
    opened = [_median([o for _w, o in per_ground[g]]) for g in grounds]
    return [
        Chart(
            "warning-to-decision",
            _("Time from the first warning to the decision"),
            band_labels,
            [Series(_("cases"), [bands[label] for label in band_labels])],
            note=_(
                "Decided cases; the first warning is the earliest issued to the employee before the decision."
            ),
        ),
        Chart(
            "median-days",
            _("Median days to the decision, by ground"),
            grounds,
            [Series(_("from the first warning"), medians), Series(_("from opening the case"), opened)],
            unit=_("days"),
            extra_columns=[(_("decided cases"), [len(per_ground[g]) for g in grounds])],
        ),
    ]


def _band(days: int | None) -> str:
    if days is None:
        return str(_("no warning before"))
    for limit, label in DAY_BANDS:
        if days <= limit:
            return str(label)
    return str(_("over a year"))


def _median(values: list[int]) -> float | None:
    return round(statistics.median(values), 1) if values else None


def plans_page(scope: QuerySet[Employee]) -> list[Chart]:
    outcomes = PlanOutcome.objects.filter(plan__employee__in=scope.values("pk"))
    totals = dict(outcomes.values_list("outcome").annotate(n=Count("pk")).order_by())
    kinds = list(Outcome)
    by_department = (
        outcomes.values_list(
            "plan__employee__department__name", "plan__employee__department__name_en", "outcome"
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    table: dict[str, Counter] = defaultdict(Counter)
    for name, name_en, outcome, n in by_department:
        table[_name(name, name_en)][outcome] += n
    departments = sorted(table, key=lambda d: -sum(table[d].values()))[:TOP]
    active = ImprovementPlan.objects.filter(employee__in=scope.values("pk"), status=PlanStatus.ACTIVE).count()
    return [
        Chart(
            "plan-outcomes",
            _("Improvement plan outcomes"),
            [str(k.label) for k in kinds],
            [Series(_("decisions"), [totals.get(k, 0) for k in kinds])],
            kind="doughnut",
            note=_(
                "Each decision at a plan's end counts: an extended plan is decided again later. "
                "Active now: %(n)s."
            )
            % {"n": active},
        ),
        Chart(
            "plan-outcomes-by-department",
            _("Plan outcomes by department"),
            departments,
            [Series(k.label, [table[d][k] for d in departments]) for k in kinds],
            kind="stacked",
        ),
    ]


def _money(text: str | None) -> Decimal:
    try:
        return Decimal(text or "0")
    except InvalidOperation:
        return Decimal("0")


def costs_page(scope: QuerySet[Employee]) -> list[Chart]:
    """What separations cost on the assessment the notice was served on, per currency."""
    served = CaseAssessment.objects.filter(case__in=_cases(scope), purpose="serve_notice").values_list(
        "case__jurisdiction",
        "case__ground",
        KT("result__total"),
        KT("result__severance__amount"),
        KT("result__notice__pay_in_lieu"),
    )
    sums: dict[tuple[str, str], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 3)
    counts: Counter = Counter()
    for jurisdiction, ground, total, severance, notice in served:
        key = (jurisdiction, ground)
        counts[key] += 1
        sums[key] = [a + _money(b) for a, b in zip(sums[key], (total, severance, notice), strict=True)]
    charts = []
    for jurisdiction in sorted({j for j, _g in sums}):
        keys = sorted((k for k in sums if k[0] == jurisdiction), key=lambda k: -sums[k][0])
        currency = CURRENCY.get(jurisdiction, "")
        charts.append(
            Chart(
                f"cost-{jurisdiction.lower()}",
                _("Cost of separations in %(currency)s (%(jurisdiction)s)")
                % {"currency": currency, "jurisdiction": jurisdiction},
                [ground_label(*k) for k in keys],
                [Series(_("total"), [sums[k][0] for k in keys])],
                kind="horizontal",
                unit=currency,
                extra_columns=[
                    (_("cases"), [counts[k] for k in keys]),
                    (_("average"), [(sums[k][0] / counts[k]).quantize(Decimal("0.01")) for k in keys]),
                    (_("severance"), [sums[k][1] for k in keys]),
                    (_("pay in lieu of notice"), [sums[k][2] for k in keys]),
                ],
            )
        )
    return charts


def disputes_page(scope: QuerySet[Employee]) -> list[Chart]:
    cases = _cases(scope)
    appeals = dict(
        Appeal.objects.filter(case__in=cases).values_list("outcome").annotate(n=Count("pk")).order_by()
    )
    union = UnionNotice.objects.filter(case__in=cases).aggregate(
        objected=Count("pk", filter=Q(union_objects=True)),
        agreed=Count("pk", filter=Q(union_objects=False)),
        waiting=Count("pk", filter=Q(union_objects__isnull=True)),
        answered=Count("pk", filter=Q(union_objects=True, answered_on__isnull=False)),
    )
    served = cases.filter(notice_served_on__isnull=False)
    statements = served.aggregate(
        disputed=Count("pk", filter=Q(statements__isnull=False), distinct=True),
        all=Count("pk", distinct=True),
    )
    outcomes = list(AppealOutcome)
    return [
        Chart("appeals", _("Appeals by outcome"), [str(o.label) for o in outcomes],
              [Series(_("appeals"), [appeals.get(o, 0) for o in outcomes])], kind="doughnut"),
        Chart("union", _("The union's answer to case notices"),
              [str(_("objected")), str(_("did not object")), str(_("no reply yet"))],
              [Series(_("notices"), [union["objected"], union["agreed"], union["waiting"]])],
              note=_("Objections answered in writing by the employer: %(n)s.") % {"n": union["answered"]}),
        Chart("statements", _("Served cases the employee answered in writing"),
              [str(_("with a written statement")), str(_("without"))],
              [Series(_("cases"), [statements["disputed"], statements["all"] - statements["disputed"]])],
              kind="doughnut"),
    ]  # fmt: skip


PAGES = {
    "cases": (_("Cases"), cases_page),
    "timing": (_("Time to decision"), timing_page),
    "plans": (_("Plan outcomes"), plans_page),
    "costs": (_("Costs"), costs_page),
    "disputes": (_("Disputes"), disputes_page),
}
