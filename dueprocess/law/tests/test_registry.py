"""The registry: every registered code loads a jurisdiction, and the front door checks its input."""

from __future__ import annotations

import pytest

from dueprocess.law import FactsError, assess, jurisdiction_for, parse_facts, registry
from dueprocess.law.jurisdictions.base import Jurisdiction


@pytest.mark.parametrize("code", list(registry.JURISDICTIONS))
def test_every_registered_code_loads_a_jurisdiction_with_a_name_in_both_languages(code: str) -> None:
    jurisdiction = jurisdiction_for(code)
    assert isinstance(jurisdiction, Jurisdiction)
    assert jurisdiction.code == code
    assert jurisdiction.name.en and jurisdiction.name.zh
    assert jurisdiction.grounds, "a jurisdiction needs at least one ground"
    for name, article in jurisdiction.grounds.values():
        assert name.en and name.zh and article


def test_an_unknown_jurisdiction_is_a_facts_error_naming_the_field() -> None:
    with pytest.raises(FactsError) as error:
        jurisdiction_for("FR")
    assert error.value.field == "jurisdiction"
    assert "FR" in str(error.value)


def test_parse_facts_refuses_a_ground_unknown_to_the_jurisdiction() -> None:
    with pytest.raises(FactsError) as error:
        parse_facts({"jurisdiction": "CN", "ground": "redundancy", "last_day": "2025-01-01"})
    assert error.value.field == "ground"
    assert "redundancy" in error.value.text("zh-Hans")


def test_assess_accepts_parsed_facts_as_well_as_a_dict() -> None:
    data = {"jurisdiction": "CN", "ground": "resignation", "last_day": "2025-01-31"}
    assert assess(parse_facts(data)) == assess(data)
