"""Bad facts are refused with an error naming the field (shared/law/README.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from dueprocess.law import FactsError, assess, parse_facts
from dueprocess.law.base import Facts, ProtectedSituation, Service, decimal_str, money, money_str

GOOD: dict[str, Any] = {
    "jurisdiction": "CN",
    "locality": "shanghai",
    "ground": "mutual_agreement_employer_proposed",
    "employee": {"birth_date": "1990-01-01", "sex": "female", "hire_date": "2020-01-01"},
    "contract": {"type": "open_ended", "end_date": None, "probation_end": None},
    "last_day": "2025-06-30",
    "notice": {"given_on": "2025-05-30", "pay_in_lieu": False},
    "pay": {"average_monthly": "15000.00", "monthly": ["15000.00"], "previous_month": "15000.00"},
    "protected": [{"kind": "pregnancy", "from": "2024-01-01", "to": "2024-06-30"}],
    "procedure": {"union_notified_on": "2025-05-20", "training_or_job_adjustment": True},
}


def facts_with(path: str, value: Any) -> dict:
    """GOOD with one dotted path replaced (or removed, when value is ...)."""
    data = {k: (dict(v) if isinstance(v, dict) else v) for k, v in GOOD.items()}
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[part]
    if value is ...:
        target.pop(last)
    else:
        target[last] = value
    return data


def field_of(data: Any) -> str:
    with pytest.raises(FactsError) as error:
        assess(data)
    return error.value.field


def test_the_good_facts_parse() -> None:
    facts = parse_facts(GOOD)
    assert facts.pay.monthly == (Decimal("15000.00"),)
    assert facts.protected == (ProtectedSituation("pregnancy", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),)


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("salary", "1", "salary"),
        ("employee.name", "Li", "employee.name"),
        ("pay.bonus", "1.00", "pay.bonus"),
        ("notice.days", 30, "notice.days"),
        ("procedure.hearing", True, "procedure.hearing"),
    ],
)
def test_it_refuses_an_unknown_key_naming_it(path: str, value: Any, field: str) -> None:
    assert field_of(facts_with(path, value)) == field


@pytest.mark.parametrize("path", ["jurisdiction", "ground", "last_day"])
def test_it_refuses_facts_without_a_required_key(path: str) -> None:
    assert field_of(facts_with(path, ...)) == path


def test_it_refuses_a_protected_entry_without_a_kind() -> None:
    assert field_of(facts_with("protected", [{"from": "2024-01-01"}])) == "protected[0].kind"


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("last_day", "2019-12-31", "last_day"),
        ("employee.hire_date", "1989-12-31", "employee.hire_date"),
        ("notice", {"given_on": "2025-07-01"}, "notice.given_on"),
        ("notice", {"given_on": "2019-12-01"}, "notice.given_on"),
        ("contract", {"type": "fixed_term", "end_date": "2019-12-31"}, "contract.end_date"),
        ("contract", {"type": "open_ended", "probation_end": "2019-12-31"}, "contract.probation_end"),
        ("protected", [{"kind": "pregnancy", "from": "2024-02-01", "to": "2024-01-01"}], "protected[0].to"),
    ],
)
def test_it_refuses_dates_out_of_order(path: str, value: Any, field: str) -> None:
    assert field_of(facts_with(path, value)) == field


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("pay.average_monthly", "-1.00", "pay.average_monthly"),
        ("pay.previous_month", "-0.01", "pay.previous_month"),
        ("pay.monthly", ["1.00", "-5"], "pay.monthly[1]"),
        ("pay.average_monthly", "NaN", "pay.average_monthly"),
        ("pay.average_monthly", "Infinity", "pay.average_monthly"),
        ("pay.average_monthly", "twelve", "pay.average_monthly"),
        ("pay.average_monthly", 1.5, "pay.average_monthly"),
        ("pay.average_monthly", True, "pay.average_monthly"),
        ("pay.monthly", "12000.00", "pay.monthly"),
        ("pay.monthly", ["1.00"] * 13, "pay.monthly"),
    ],
)
def test_it_refuses_negative_or_malformed_money(path: str, value: Any, field: str) -> None:
    assert field_of(facts_with(path, value)) == field


@pytest.mark.parametrize(
    ("path", "value", "field"),
    [
        ("last_day", "30/06/2025", "last_day"),
        ("last_day", "2025-02-30", "last_day"),
        ("last_day", 20250630, "last_day"),
        ("employee", "Li", "employee"),
        ("contract.type", "permanent", "contract.type"),
        ("ground", "", "ground"),
        ("ground", 7, "ground"),
        ("notice.pay_in_lieu", "yes", "notice.pay_in_lieu"),
        ("protected", {"kind": "pregnancy"}, "protected"),
        ("protected", ["pregnancy"], "protected[0]"),
    ],
)
def test_it_refuses_values_of_the_wrong_type(path: str, value: Any, field: str) -> None:
    assert field_of(facts_with(path, value)) == field


def test_a_facts_document_that_is_not_an_object_is_refused() -> None:
    assert field_of(["CN"]) == "facts"


def test_it_refuses_an_unknown_ground_for_the_jurisdiction() -> None:
    assert field_of(facts_with("ground", "redundancy")) == "ground"


def test_it_refuses_a_figure_it_does_not_have_for_the_place() -> None:
    assert field_of(facts_with("locality", "lhasa")) == "locality"


def test_it_refuses_a_date_before_the_first_figure_naming_place_figure_and_date() -> None:
    data = {**facts_with("last_day", "2023-01-31"), "notice": None, "protected": []}
    with pytest.raises(FactsError) as error:
        assess(data)
    assert error.value.field == "last_day"
    assert "shanghai" in str(error.value) and "2023-01-31" in str(error.value)
    assert "average_monthly_wage" in str(error.value)


def test_the_error_speaks_chinese_when_asked() -> None:
    with pytest.raises(FactsError) as error:
        assess(facts_with("pay.average_monthly", "-1"))
    assert error.value.text("zh-Hans") == "pay.average_monthly: 不得为负数"
    assert error.value.text() == "pay.average_monthly: must not be negative"


def test_money_is_rounded_half_up_once_and_printed_with_two_decimals() -> None:
    assert money(Decimal("0.125")) == Decimal("0.13")
    assert money_str(Decimal("7")) == "7.00"
    assert money_str(None) is None
    assert decimal_str(Decimal("6.50")) == "6.5"
    assert decimal_str(Decimal("-0")) == "0"
    assert decimal_str(None) is None


def test_service_knows_its_total_months() -> None:
    assert Service(6, 3).total_months == 75


def test_facts_parse_from_a_dict_directly() -> None:
    assert Facts.from_dict(GOOD).last_day == dt.date(2025, 6, 30)


def test_any_spelling_of_chinese_reads_the_chinese():
    from dueprocess.law.base import FactsError, Text

    text = Text("notice", "通知")
    assert [text(lang) for lang in ("zh-Hans", "zh-hans", "zh", "en")] == ["通知", "通知", "通知", "notice"]
    assert FactsError("pay", "missing", "缺少").text("zh-hans") == "pay: 缺少"
