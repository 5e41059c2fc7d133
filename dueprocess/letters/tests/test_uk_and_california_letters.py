"""The UK dismissal letter (with the right of appeal) and the California notice of change in
relationship and final-pay statement render in both languages from their cases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from dueprocess.letters import actions
from dueprocess.letters.context.case import APPEAL_DAYS
from dueprocess.letters.tests.conftest import DEMO_TODAY, pdf_text, squeezed
from dueprocess.letters.wording import long_date

LANGUAGES = ["zh-hans", "en"]


def text_of(kind, case, language, persona):
    return squeezed(pdf_text(actions.issue_letter(kind, case, language, actor=persona("hr.admin"))))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_uk_dismissal_letter_gives_the_reason_notice_and_the_right_of_appeal(
    london_case, persona, language
):
    text = text_of("uk_dismissal", london_case, language, persona)
    weeks = london_case.latest_assessment.result["notice"]["required_weeks"]
    appeal_by = long_date(DEMO_TODAY + dt.timedelta(days=APPEAL_DAYS), language)
    right = {"zh-hans": "您有权对本决定提出申诉", "en": "You have the right to appeal against this decision"}
    expected = [
        "Oliver Bennett",
        "ERA s.98(2)(a)",
        f"{weeks}",
        long_date(london_case.last_day, language),
        appeal_by,
        right[language],
        london_case.summary,
    ]
    assert [item for item in expected if squeezed(item) not in text] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_california_notice_marks_a_discharge_and_its_date(california_case, persona, language):
    text = text_of("ca_change_notice", california_case, language, persona)
    discharge = {"zh-hans": "[X] 解雇", "en": "[X] Discharge"}[language]
    expected = ["Daniel Reyes", discharge, long_date(california_case.last_day, language), "DE 2320", "1089"]
    assert [item for item in expected if squeezed(item) not in text] == []
    assert squeezed("[X] Layoff") not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_final_pay_statement_gives_the_day_final_wages_are_due(california_case, persona, language):
    text = text_of("ca_final_pay", california_case, language, persona)
    final = california_case.latest_assessment.in_language(language)["final_pay"]
    expected = ["Daniel Reyes", long_date(final["due_on"], language), "LC 201", "LC 203", "LC 227.3"]
    expected += [line["what"] for line in final["lines"]]
    assert [item for item in expected if squeezed(item) not in text] == []


def test_a_uk_letter_is_not_written_under_prc_law(story, zhang, persona):
    from dueprocess.cases.models import SeparationCase

    case = SeparationCase.objects.get(employee=zhang, stage="notice_served")
    with pytest.raises(ValidationError) as refused:
        actions.issue_letter("uk_dismissal", case, "en", actor=persona("hrbp"))
    assert "GB" in " ".join(refused.value.messages)
