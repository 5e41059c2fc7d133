"""The batch vocabulary: JSON forms, lawfulness and totals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from dueprocess.law.base import Finding, Text, Warning
from dueprocess.law.layoff import PersonResult, Threshold, assess_layoff
from dueprocess.law.layoff.model import totals_of, unique_warnings
from dueprocess.law.tests.layoff.plans import CN_PLAN, PREGNANT, people, person

BLOCKER = Finding("CN.LCL.42.4", "LCL 42(4)", Text("pregnant", "孕期"))


def result(**changes: Any) -> PersonResult:
    base = PersonResult(
        "E1", 75, Decimal("6.5"), Decimal("12000.00"), False, Decimal("78000.00"), None,
        Decimal(0), Decimal(0), Decimal("78000.00"), False,
    )  # fmt: skip
    return base._replace(**changes)


def test_a_person_converts_to_json_with_money_and_units_as_strings() -> None:
    data = result(blockers=(BLOCKER,), warnings=(Warning("W", Text("w", "提示")),)).to_dict("zh-Hans")
    assert data["service"] == {"years": 6, "months": 3}
    assert (data["units"], data["base"], data["severance"], data["notice_pay"]) == (
        "6.5",
        "12000.00",
        "78000.00",
        "0.00",
    )
    assert data["blockers"][0]["article"] == "LCL 42(4)" and data["warnings"][0]["message"] == "提示"
    assert result(units=None, base=None).to_dict()["units"] is None


def test_a_threshold_converts_to_json() -> None:
    data = Threshold("X", "LCL 41", True, Text("en", "中文")).to_dict("zh-Hans")
    assert data == {"code": "X", "article": "LCL 41", "triggered": True, "message": "中文"}


def test_totals_are_the_sums_of_the_persons_and_count_the_blocked() -> None:
    persons = [
        result(),
        result(id="E2", severance=Decimal("1.01"), total=Decimal("1.01"), blockers=(BLOCKER,)),
    ]
    totals = totals_of(persons)
    assert (totals.employees, totals.blocked) == (2, 1)
    assert totals.severance == totals.total == Decimal("78001.01")
    assert totals.to_dict()["total"] == "78001.01"


def test_a_blocked_employee_makes_the_cut_unlawful_as_planned() -> None:
    assessment = assess_layoff(CN_PLAN, [*people("CN", 25), person("CN", 99, protected=PREGNANT)])
    assert not assessment.blockers and not assessment.missing_steps
    assert assessment.totals.blocked == 1 and not assessment.lawful


def test_the_whole_assessment_is_json_in_both_languages() -> None:
    assessment = assess_layoff(CN_PLAN, people("CN", 25))
    for lang in ("en", "zh-Hans"):
        data = assessment.to_dict(lang)
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert data["lawful"] is True and len(data["persons"]) == 25 and data["cut"] == 25


def test_warnings_keep_the_first_of_each_code() -> None:
    first, second = Warning("A", Text("1", "1")), Warning("A", Text("2", "2"))
    assert unique_warnings([first, second, Warning("B", Text("b", "b"))]) == (
        first,
        Warning("B", Text("b", "b")),
    )
