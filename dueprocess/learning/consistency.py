"""Consistency: do similar facts lead to similar outcomes, whoever the department, the manager, the
employee's sex or age?

Settled cases (notice served, or withdrawn) are grouped by the facts that should decide them: the
jurisdiction and ground, the length of service, whether a plan with training or a job adjustment
came first, and how many warnings were given before the case opened. Within each group the share of
cases that ended in dismissal is compared across departments, managers, sexes and age bands; where
two sides, each with enough cases, differ by at least the threshold, the group is flagged and the
numbers are written out. A flag is a question to look into, not a finding of unfairness.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dueprocess.cases.models import SeparationCase, Stage
from dueprocess.learning.analytics import _name, ground_label
from dueprocess.learning.charts import Chart, Series
from dueprocess.learning.conf import setting
from dueprocess.people.models import Employee, Sex
from dueprocess.plans.models import SupportAction, SupportKind, SupportStatus
from dueprocess.reviews.models import Warning

SERVICE_BANDS = [
    (2, _("under 2 years' service")),
    (5, _("2–5 years' service")),
    (10, _("5–10 years' service")),
]
AGE_BANDS = [(30, _("under 30")), (40, _("30–39")), (50, _("40–49"))]
DIMENSIONS = {
    "department": _("department"),
    "manager": _("line manager"),
    "sex": _("sex"),
    "age": _("age band"),
}


@dataclass(frozen=True)
class Facts:
    jurisdiction: str
    ground: str
    service: str
    trained: bool
    warnings: int  # 0, 1, or 2 for "two or more"

    def describe(self) -> str:
        plan = _("a plan with training or a job adjustment") if self.trained else _("no plan with training")
        warnings = (
            _("two or more warnings")
            if self.warnings >= 2
            else ngettext("%(n)s warning", "%(n)s warnings", self.warnings) % {"n": self.warnings}
        )
        return " · ".join(
            [ground_label(self.jurisdiction, self.ground), self.service, str(plan), str(warnings)]
        )


@dataclass
class Side:
    value: str
    dismissed: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.dismissed / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.rate)


@dataclass
class Comparison:
    facts: Facts
    dimension: str
    cases: int
    sides: list[Side]

    @property
    def high(self) -> Side:
        return max(self.sides, key=lambda s: (s.rate, s.total))

    @property
    def low(self) -> Side:
        return min(self.sides, key=lambda s: (s.rate, -s.total))

    @property
    def gap(self) -> int:
        return self.high.percent - self.low.percent

    @property
    def flagged(self) -> bool:
        return self.high.rate - self.low.rate >= float(setting("CONSISTENCY_GAP")) - 1e-9

    def explanation(self) -> str:
        high, low = self.high, self.low
        return str(
            _(
                "%(cases)s comparable cases (%(facts)s). By %(dimension)s: %(high)s ended %(high_n)s of "
                "%(high_total)s in dismissal (%(high_rate)s%%), %(low)s %(low_n)s of %(low_total)s "
                "(%(low_rate)s%%): %(gap)s points apart, where %(threshold)s points with at least %(min)s "
                "cases on each side is flagged."
            )
            % {
                "cases": self.cases,
                "facts": self.facts.describe(),
                "dimension": DIMENSIONS[self.dimension],
                "high": high.value,
                "high_n": high.dismissed,
                "high_total": high.total,
                "high_rate": high.percent,
                "low": low.value,
                "low_n": low.dismissed,
                "low_total": low.total,
                "low_rate": low.percent,
                "gap": self.gap,
                "threshold": round(100 * float(setting("CONSISTENCY_GAP"))),
                "min": int(setting("CONSISTENCY_MIN_CASES")),
            }
        )


@dataclass
class Report:
    settled: int
    comparisons: list[Comparison]
    overall: dict[str, dict[str, Side]] = field(default_factory=dict)

    @property
    def flagged(self) -> list[Comparison]:
        return [c for c in self.comparisons if c.flagged]

    def charts(self) -> list[Chart]:
        charts = []
        for dimension, sides in self.overall.items():
            ranked = sorted(sides.values(), key=lambda s: (-s.total, s.value))[:15]
            charts.append(
                Chart(
                    f"rate-by-{dimension}",
                    _("Share of settled cases ending in dismissal, by %(dimension)s (all facts together)")
                    % {"dimension": DIMENSIONS[dimension]},
                    [s.value for s in ranked],
                    [Series(_("dismissed (%)"), [s.percent for s in ranked])],
                    unit="%",
                    extra_columns=[
                        (_("dismissed"), [s.dismissed for s in ranked]),
                        (_("settled cases"), [s.total for s in ranked]),
                    ],
                )
            )
        return charts


def _band(value: float, bands: list[tuple[int, str]], last: str) -> str:
    for limit, label in bands:
        if value < limit:
            return label
    return last


@dataclass(frozen=True)
class _Words:
    """The labels a report gives its rows, translated once per report: translating them for each of
    thousands of cases was most of the page's time at 100,000 people."""

    service: list[tuple[int, str]]
    service_last: str
    age: list[tuple[int, str]]
    age_last: str
    sexes: dict[str, str]
    no_manager: str
    not_recorded: str

    @classmethod
    def translated(cls) -> _Words:
        return cls(
            [(limit, str(label)) for limit, label in SERVICE_BANDS], str(_("10 or more years' service")),
            [(limit, str(label)) for limit, label in AGE_BANDS], str(_("50 and over")),
            {value: str(label) for value, label in Sex.choices}, str(_("no manager")), str(_("not recorded")),
        )  # fmt: skip


def _settled(scope: QuerySet[Employee]):
    trained = SupportAction.objects.filter(
        plan__employee=OuterRef("employee"),
        kind__in=[SupportKind.TRAINING, SupportKind.JOB_ADJUSTMENT],
        status=SupportStatus.HAPPENED,
    )
    warnings = (
        Warning.objects.filter(employee=OuterRef("employee"), issued_on__lte=OuterRef("opened_on"))
        .order_by()
        .values("employee")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return (
        SeparationCase.objects.filter(employee__in=scope.values("pk"))
        .filter(Q(notice_served_on__isnull=False) | Q(stage=Stage.WITHDRAWN))
        .annotate(
            trained=Exists(trained),
            warnings=Coalesce(Subquery(warnings), Value(0), output_field=IntegerField()),
        )
        .values_list(
            "jurisdiction", "ground", "opened_on", "notice_served_on", "trained", "warnings",
            "employee__hire_date", "employee__birth_date", "employee__sex",
            "employee__department__name", "employee__department__name_en",
            "employee__manager__legal_name", "employee__manager__number",
        )
    )  # fmt: skip


def _years(start: dt.date | None, end: dt.date) -> float | None:
    return (end - start).days / 365.25 if start else None


def _dimensions(row, words: _Words) -> dict[str, str]:
    opened_on, birth, sex = row[2], row[7], row[8]
    age = _years(birth, opened_on)
    return {
        "department": _name(row[9], row[10]),
        "manager": f"{row[11]} ({row[12]})" if row[12] else words.no_manager,
        "sex": words.sexes.get(sex, sex),
        "age": words.not_recorded if age is None else _band(age, words.age, words.age_last),
    }


def consistency_report(scope: QuerySet[Employee]) -> Report:
    min_cases = int(setting("CONSISTENCY_MIN_CASES"))
    groups: dict[Facts, dict[str, dict[str, Side]]] = defaultdict(lambda: defaultdict(dict))
    sizes: dict[Facts, int] = defaultdict(int)
    overall: dict[str, dict[str, Side]] = {d: {} for d in DIMENSIONS}
    settled, words = 0, _Words.translated()
    for row in _settled(scope):
        settled += 1
        jurisdiction, ground, opened_on, served_on, trained, warnings = row[:6]
        service = _band(_years(row[6], opened_on) or 0, words.service, words.service_last)
        facts = Facts(jurisdiction, ground, service, bool(trained), min(int(warnings), 2))
        sizes[facts] += 1
        for dimension, value in _dimensions(row, words).items():
            for table in (groups[facts][dimension], overall[dimension]):
                side = table.setdefault(value, Side(value))
                side.total += 1
                side.dismissed += served_on is not None
    comparisons = []
    for facts, by_dimension in groups.items():
        for dimension, sides in by_dimension.items():
            enough = [s for s in sides.values() if s.total >= min_cases]
            if len(enough) >= 2:
                comparisons.append(Comparison(facts, dimension, sizes[facts], enough))
    comparisons.sort(key=lambda c: (not c.flagged, -c.gap, -c.cases))
    return Report(settled, comparisons, overall)
