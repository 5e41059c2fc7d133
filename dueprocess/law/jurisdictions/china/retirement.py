"""Statutory retirement age under the NPCSC Decision of 13 Sep 2024 (data: cn_retirement_age.csv).

From January 2025 the ages rise by one month per group of birth months: men 60 -> 63 and women
cadres 55 -> 58 one month every 4 months, women workers 50 -> 55 one month every 2 months. The
rule's numbers are data; this module only applies them.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from dueprocess.law.figures import DATA_DIR
from dueprocess.law.jurisdictions.china.rules import add_months

CATEGORIES = ("male", "female_worker", "female_cadre")


@dataclass(frozen=True)
class RetirementRule:
    category: str
    original_age_years: int
    target_age_years: int
    months_per_step: int
    first_retirement_month: int  # year * 12 + month - 1 of the first original retirement month raised
    source: str

    def age_in_months(self, birth_date: dt.date) -> int:
        """The statutory retirement age, in months, of someone born on ``birth_date``."""
        original = self.original_age_years * 12
        original_month = birth_date.year * 12 + birth_date.month - 1 + original
        behind = original_month - self.first_retirement_month
        if behind < 0:
            return original
        ceiling = (self.target_age_years - self.original_age_years) * 12
        return original + min(behind // self.months_per_step + 1, ceiling)


@lru_cache(maxsize=1)
def rules() -> dict[str, RetirementRule]:
    path = DATA_DIR / "cn_retirement_age.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        found = {}
        for raw in csv.DictReader(handle):
            year, month = (int(part) for part in raw["first_retirement_month"].split("-"))
            found[raw["category"]] = RetirementRule(
                category=raw["category"],
                original_age_years=int(raw["original_age_years"]),
                target_age_years=int(raw["target_age_years"]),
                months_per_step=int(raw["months_per_step"]),
                first_retirement_month=year * 12 + month - 1,
                source=raw["source"],
            )
    return found


def retirement_date(birth_date: dt.date, category: str) -> dt.date:
    """The day the statutory retirement age is reached (birthday rule, CC 202 for 29 February)."""
    return add_months(birth_date, rules()[category].age_in_months(birth_date))


def categories_for(sex: str | None) -> tuple[str, ...]:
    """The retirement categories the facts allow: the sex is optional, a woman's category unknown."""
    if sex == "male":
        return ("male",)
    if sex == "female":
        return ("female_worker", "female_cadre")
    return CATEGORIES
