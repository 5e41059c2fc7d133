"""Every PRC case letter renders in both languages from the demo's case, and the PDF read back says
exactly what the case and the law engine's assessment say: names, dates, articles, amounts."""

from __future__ import annotations

import datetime as dt

import pytest

from dueprocess.letters import actions
from dueprocess.letters.tests.conftest import DEMO_TODAY, day, pdf_text, squeezed
from dueprocess.letters.wording import long_date, money

LANGUAGES = ["zh-hans", "en"]
# The article of Zhang Wei's ground (LCL 40(2)) as each language's letter cites it.
INCOMPETENCE = {
    "zh-hans": "《中华人民共和国劳动合同法》第四十条第二项",
    "en": "Article 40(2) of the Labour Contract Law",
}


def issue(kind, case, language, persona):
    letter = actions.issue_letter(kind, case, language, actor=persona("hrbp"))
    return letter, squeezed(pdf_text(letter))


def assert_says(text: str, *expected: str) -> None:
    for item in expected:
        assert squeezed(item) in text, item


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_termination_notice_states_the_ground_dates_and_every_figure(zhang_case, persona, language):
    letter, text = issue("termination_notice", zhang_case, language, persona)
    result = zhang_case.latest_assessment.in_language(language)
    severance, notice = result["severance"], result["notice"]
    assert_says(
        text,
        "张伟",
        "XQ0007",
        INCOMPETENCE[language],
        long_date(zhang_case.notice_given_on, language),
        long_date(zhang_case.last_day, language),
        money(severance["amount"]),
        money(severance["monthly_base"]),
        money(notice["pay_in_lieu"]),
        money(result["total"]),
        letter.reference,
    )
    for line in severance["lines"]:
        assert_says(text, line["what"], line["amount"])
    assert zhang_case.pay_in_lieu and result["total"] == "262933.33", "the demo's N+1"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_mutual_agreement_carries_the_assessments_figures(zhang_case, persona, language):
    _letter, text = issue("mutual_agreement", zhang_case, language, persona)
    result = zhang_case.latest_assessment.in_language(language)
    article_36 = {"zh-hans": "第三十六条", "en": "Article 36 of the Labour Contract Law"}[language]
    assert_says(
        text,
        "张伟",
        article_36,
        long_date(zhang_case.last_day, language),
        money(result["severance"]["amount"]),
        money(result["notice"]["pay_in_lieu"]),
        money(result["total"]),
        f"{result['service']['years']}",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_certificate_says_what_ir_24_asks_and_nothing_about_why(zhang_case, persona, language):
    letter, text = issue("termination_certificate", zhang_case, language, persona)
    contract = zhang_case.employee.current_contract(zhang_case.last_day)
    service = zhang_case.latest_assessment.result["service"]
    assert_says(
        text,
        "张伟",
        long_date(contract.starts_on, language),
        long_date(zhang_case.last_day, language),
        zhang_case.employee.position,
    )
    years = {"zh-hans": f"{service['years']}年{service['months']}个月", "en": f"{service['years']}years"}
    assert squeezed(years[language]) in text
    harmful = ["40(2)", "第四十条", "不能胜任", "incompetent", "Incompetent", "plan", "计划", "234,133.33"]
    assert not [word for word in harmful if squeezed(word) in text]
    assert set(letter.context) == {"letter", "organisation", "employee", "employment", "contract"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_hearing_invitation_gives_the_time_place_and_the_ground(zhang_case, persona, language):
    _letter, text = issue("hearing_invitation", zhang_case, language, persona)
    hearing = zhang_case.hearings.get()
    assert_says(text, "张伟", long_date(day(2), language), "10:00", hearing.place, INCOMPETENCE[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_union_notice_is_addressed_to_the_union_under_article_43(zhang_case, persona, language):
    _letter, text = issue("union_notice", zhang_case, language, persona)
    notice = zhang_case.union_notices.get()
    article_43 = {"zh-hans": "第四十三条", "en": "Article 43 of the Labour Contract Law"}[language]
    assert_says(
        text,
        notice.union,
        "张伟",
        article_43,
        long_date(notice.notified_on, language),
        INCOMPETENCE[language],
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reference_letter_gives_the_dates_and_the_position(zhang_case, persona, language):
    _letter, text = issue("reference_letter", zhang_case, language, persona)
    employee = zhang_case.employee
    assert_says(text, "张伟", long_date(employee.hire_date, language), employee.position)
    assert squeezed("40(2)") not in text


def test_a_layoff_members_notice_takes_the_layoffs_figures(demo_org, persona):
    from dueprocess.cases import actions as cases

    admin = persona("hr.admin")
    layoff = cases.create_layoff(
        actor=admin,
        name="Beijing platform team",
        reason="The platform product is discontinued.",
        employees=[demo_org["XQ0009"], demo_org["XQ0011"]],
        headcount=20,  # 2 of 20: the 10% of LCL 41
        last_day=DEMO_TODAY + dt.timedelta(days=45),
    )
    cases.record_layoff_steps(
        layoff,
        actor=admin,
        staff_explained_on=day(31),
        labour_bureau_reported_on=day(31),
        notice_given_on=DEMO_TODAY,
    )
    cases.notify_union_of_layoff(layoff, actor=admin, union="Union", notified_on=day(31), content="The list.")
    cases.serve_layoff_notices(layoff, actor=admin)
    case = layoff.cases.get(employee=demo_org["XQ0009"])
    person = next(p for p in layoff.latest_assessment.result["persons"] if p["id"] == "XQ0009")
    letter = actions.issue_letter("termination_notice", case, "zh-hans", actor=admin)
    text = squeezed(pdf_text(letter))
    assert_says(text, "第四十一条", money(person["severance"]), long_date(case.last_day, "zh-hans"))
