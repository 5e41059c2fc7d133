"""The improvement plan notice, a check-in's summary and a written warning render in both languages
from the demo's story; managers write plan letters for their own line, and nobody else's."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from dueprocess.letters import actions
from dueprocess.letters.tests.conftest import pdf_text, squeezed
from dueprocess.letters.wording import long_date, word
from dueprocess.plans.models import ImprovementPlan
from dueprocess.reviews.models import Warning

LANGUAGES = ["zh-hans", "en"]


@pytest.fixture
def plan(story, zhang):
    return ImprovementPlan.objects.get(employee=zhang)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_notice_lists_the_dates_goals_and_support(plan, persona, language):
    letter = actions.issue_letter("plan_notice", plan, language, actor=persona("manager"))
    text = squeezed(pdf_text(letter))
    version = plan.current
    expected = ["张伟", long_date(version.starts_on, language), long_date(version.ends_on, language)]
    expected += [goal.title for goal in version.goals.all()] + [goal.target for goal in version.goals.all()]
    expected += [action.description for action in plan.support_actions.all()]
    assert [item for item in expected if squeezed(item) not in text] == []
    assert letter.plan == plan and letter.case is None and letter.issued_by == persona("manager")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_check_in_summary_records_progress_on_each_goal(plan, persona, language):
    check_in = plan.check_ins.order_by("-held_on").first()
    letter = actions.issue_letter("check_in_summary", check_in, language, actor=persona("manager"))
    text = squeezed(pdf_text(letter))
    expected = [long_date(check_in.held_on, language), check_in.notes, check_in.employee_comments]
    for progress in check_in.progress.select_related("goal"):
        expected += [progress.goal.title, progress.measured, word("progress", progress.status, language)]
    assert [item for item in expected if squeezed(item) not in text] == []
    assert letter.check_in == check_in and letter.plan == plan


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_written_warning_gives_its_reason_and_how_long_it_lasts(story, zhang, persona, language):
    warning = Warning.objects.filter(employee=zhang).first()
    letter = actions.issue_letter("written_warning", warning, language, actor=persona("hrbp"))
    text = squeezed(pdf_text(letter))
    expected = [
        word("warning_level", warning.level, language),
        long_date(warning.issued_on, language),
        long_date(warning.expires_on, language),
        warning.reason,
    ]
    assert [item for item in expected if squeezed(item) not in text] == []


def test_a_manager_of_another_team_cannot_write_to_zhang_wei(plan, persona):
    with pytest.raises(PermissionDenied):
        actions.issue_letter("plan_notice", plan, "en", actor=persona("other.manager"))


def test_the_line_manager_cannot_issue_a_warning_letter(story, zhang, persona):
    """Warnings are handled by HR and legal, apart from the manager, who is often a witness."""
    warning = Warning.objects.filter(employee=zhang).first()
    with pytest.raises(PermissionDenied):
        actions.issue_letter("written_warning", warning, "en", actor=persona("manager"))
