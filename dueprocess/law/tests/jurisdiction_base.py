"""The contract every jurisdiction passes. Subclass it once per jurisdiction:

    class TestChinaContract(JurisdictionContract):
        code = "CN"

        def minimal_facts(self, ground: str) -> dict:
            return {...}  # the smallest valid facts for that ground

Every ``test_*`` below then runs for the jurisdiction, and those taking ``ground`` run once per
ground of its catalogue (``pytest_generate_tests`` on the class does the parametrising).
"""

from __future__ import annotations

import json
import re
from typing import Any, ClassVar

import pytest

from dueprocess.law import FactsError, assess, jurisdiction_for
from dueprocess.law.base import LANGS, Text

TOP_KEYS = {
    "jurisdiction", "ground", "lawful", "blockers", "missing_steps", "service", "notice", "severance",
    "unlawful_damages", "redundancy_pay", "final_pay", "total", "deadlines", "warnings",
}  # fmt: skip
SECTION_KEYS = {
    "service": {"years", "months"},
    "notice": {"required_days", "required_weeks", "pay_in_lieu"},
    "severance": {"units", "monthly_base", "capped", "amount", "lines"},
    "redundancy_pay": {"weeks", "week_pay_used", "amount"},
    "final_pay": {"due_on", "days_late", "waiting_time_penalty"},
}
MONEY = {
    "notice.pay_in_lieu", "severance.monthly_base", "severance.amount", "severance.merged_amount",
    "unlawful_damages", "redundancy_pay.week_pay_used", "redundancy_pay.amount",
    "final_pay.waiting_time_penalty", "total",
}  # fmt: skip
QUANTITIES = {"severance.units", "redundancy_pay.weeks"}
MONEY_FORM = re.compile(r"^-?\d+\.\d\d$")
QUANTITY_FORM = re.compile(r"^\d+(\.\d*[1-9])?$")
DATE_FORM = re.compile(r"^\d{4}-\d\d-\d\d$")


def _at(data: dict, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


class JurisdictionContract:
    code: ClassVar[str]

    def minimal_facts(self, ground: str) -> dict:
        """The smallest valid facts for ``ground`` (each subclass writes its own)."""
        raise NotImplementedError

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "ground" in metafunc.fixturenames:
            metafunc.parametrize("ground", sorted(jurisdiction_for(self.code).grounds))
        if "lang" in metafunc.fixturenames:
            metafunc.parametrize("lang", LANGS)

    def assessed(self, ground: str, lang: str = "en") -> dict:
        return assess(self.minimal_facts(ground)).to_dict(lang)

    # -- the catalogue --

    def test_it_is_registered_under_its_code_with_a_name_in_both_languages(self) -> None:
        jurisdiction = jurisdiction_for(self.code)
        assert jurisdiction.code == self.code
        assert isinstance(jurisdiction.name, Text)
        assert jurisdiction.name.en.strip() and jurisdiction.name.zh.strip()

    def test_every_ground_has_a_name_in_both_languages_and_an_article(self, ground: str) -> None:
        name, article = jurisdiction_for(self.code).grounds[ground]
        assert name.en.strip() and name.zh.strip() and name.en != name.zh
        assert article.strip()

    def test_it_refuses_a_ground_it_does_not_know(self) -> None:
        facts = self.minimal_facts(sorted(jurisdiction_for(self.code).grounds)[0])
        with pytest.raises(FactsError) as error:
            assess({**facts, "ground": "no_such_ground"})
        assert error.value.field == "ground"

    # -- the assessment of minimal facts, ground by ground --

    def test_minimal_facts_give_an_assessment_with_the_contract_keys(self, ground: str) -> None:
        result = self.assessed(ground)
        assert set(result) >= TOP_KEYS
        assert result["jurisdiction"] == self.code and result["ground"] == ground
        for section, keys in SECTION_KEYS.items():
            assert result[section] is None or keys <= set(result[section]), section

    def test_lawful_means_no_blocker_and_no_missing_step(self, ground: str) -> None:
        result = self.assessed(ground)
        assert result["lawful"] is (not result["blockers"] and not result["missing_steps"])

    def test_money_has_two_decimals_and_quantities_no_trailing_zeros(self, ground: str) -> None:
        result = self.assessed(ground)
        for path in MONEY:
            value = _at(result, path)
            assert value is None or MONEY_FORM.match(value), f"{path}: {value!r}"
        for path in QUANTITIES:
            value = _at(result, path)
            assert value is None or QUANTITY_FORM.match(value), f"{path}: {value!r}"
        assert MONEY_FORM.match(result["total"])

    def test_findings_deadlines_and_warnings_are_complete(self, ground: str, lang: str) -> None:
        result = self.assessed(ground, lang)
        for finding in result["blockers"] + result["missing_steps"]:
            assert finding["code"].startswith(self.code.split("-")[0] + ".")
            assert finding["article"].strip() and finding["message"].strip()
        for deadline in result["deadlines"]:
            assert DATE_FORM.match(deadline["due_on"]) and deadline["article"] and deadline["what"]
        for warning in result["warnings"]:
            assert warning["code"] and warning["message"]

    def test_every_line_of_the_working_names_its_article(self, ground: str) -> None:
        result = self.assessed(ground)
        for section in ("notice", "severance", "redundancy_pay", "final_pay"):
            for line in (result[section] or {}).get("lines", []):
                assert line["what"] and line["article"], line
                assert isinstance(line["amount"], str)

    def test_the_assessment_is_json_in_both_languages(self, ground: str, lang: str) -> None:
        result = self.assessed(ground, lang)
        assert json.loads(json.dumps(result, ensure_ascii=False)) == result
