"""GB fair procedure: the ACAS Code steps as missing steps, and the protection warnings."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dueprocess.law.base import Facts
from dueprocess.law.jurisdictions.united_kingdom.procedure import (
    ACAS_STEPS,
    acas_missing_steps,
    protection_warning,
)
from dueprocess.law.tests.jurisdictions.united_kingdom.facts import ALL_ACAS_STEPS, gb


def facts(ground: str, **steps: bool) -> Facts:
    return Facts.from_dict(gb(ground=ground, procedure=steps))


@pytest.mark.parametrize("ground", ["conduct", "capability", "gross_misconduct"])
def test_every_acas_step_not_shown_as_taken_is_missing_in_the_codes_order(ground: str) -> None:
    missing = acas_missing_steps(facts(ground))
    assert [f.code for f in missing] == [code for _, code, _ in ACAS_STEPS]
    assert {f.article for f in missing} == {"ACAS Code"}


def test_steps_taken_are_not_missing_and_false_counts_as_not_taken() -> None:
    missing = acas_missing_steps(facts("conduct", investigation_held=True, hearing_held=False))
    assert "GB.ACAS.INVESTIGATE" not in [f.code for f in missing]
    assert "GB.ACAS.HEARING" in [f.code for f in missing]
    assert acas_missing_steps(facts("conduct", **ALL_ACAS_STEPS)) == []


@pytest.mark.parametrize("ground", ["redundancy", "statutory_restriction", "some_other_substantial_reason"])
def test_the_acas_code_does_not_apply_to_other_grounds(ground: str) -> None:
    assert acas_missing_steps(facts(ground)) == []


def test_acas_steps_have_messages_in_both_languages() -> None:
    for _, _, text in ACAS_STEPS:
        assert text.en and text.zh and text.en != text.zh


def test_the_protection_warning_says_yes_or_no_with_the_months() -> None:
    yes = protection_warning(True, 30, Decimal(24))
    no = protection_warning(False, 5, Decimal(6))
    assert yes.code.endswith(".PROTECTED") and "yes (30 months" in yes.message.en
    assert no.code.endswith(".NOT_PROTECTED") and "no (5 months" in no.message.en
    assert "否" in no.message("zh-Hans")
