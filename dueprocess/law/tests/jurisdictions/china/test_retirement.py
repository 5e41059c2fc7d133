"""Statutory retirement ages under the 2024 NPCSC Decision, read from its data table."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.law.jurisdictions.china import retirement_date
from dueprocess.law.jurisdictions.china.retirement import categories_for, rules

D = dt.date


@pytest.mark.parametrize(
    ("category", "birth", "retires"),
    [
        ("male", D(1964, 12, 10), D(2024, 12, 10)),  # reached 60 before the reform
        ("male", D(1965, 1, 10), D(2025, 2, 10)),  # first group: 60 + 1 month
        ("male", D(1965, 4, 30), D(2025, 5, 30)),
        ("male", D(1965, 5, 1), D(2025, 7, 1)),  # second group: 60 + 2 months
        ("male", D(1968, 6, 15), D(2029, 5, 15)),  # PRC-24: 60 + 11 months
        ("male", D(1976, 9, 1), D(2039, 9, 1)),  # 63 reached
        ("male", D(1990, 3, 3), D(2053, 3, 3)),
        ("female_worker", D(1974, 12, 1), D(2024, 12, 1)),
        ("female_worker", D(1975, 1, 1), D(2025, 2, 1)),  # 50 + 1 month
        ("female_worker", D(1975, 3, 1), D(2025, 5, 1)),  # 50 + 2 months: one month every 2 months
        ("female_worker", D(1984, 12, 1), D(2039, 12, 1)),  # 55 reached
        ("female_worker", D(1995, 6, 1), D(2050, 6, 1)),
        ("female_cadre", D(1970, 1, 1), D(2025, 2, 1)),  # 55 + 1 month
        ("female_cadre", D(1981, 12, 1), D(2039, 12, 1)),  # 58 reached
    ],
)
def test_the_retirement_age_rises_by_birth_month(category: str, birth: D, retires: D) -> None:
    assert retirement_date(birth, category) == retires


def test_the_rule_is_read_from_the_data_file_with_its_source() -> None:
    assert {rule.source.startswith("NPCSC Decision of 13 Sep 2024") for rule in rules().values()} == {True}
    assert rules()["female_worker"].months_per_step == 2


def test_the_facts_narrow_the_categories_only_as_far_as_they_go() -> None:
    assert categories_for("male") == ("male",)
    assert categories_for("female") == ("female_worker", "female_cadre")
    assert categories_for(None) == ("male", "female_worker", "female_cadre")
