"""The exit interview is HR's: the answers are kept apart, the record holds only their hash, and the
line manager never reads them."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dueprocess.accounts import policy
from dueprocess.lib.canonical import dumps_bytes
from dueprocess.offboarding import actions
from dueprocess.offboarding.models import Questionnaire, TaskStatus
from dueprocess.offboarding.tests.conftest import DEMO_TODAY, task

SECRET = "My manager never gave me the specs in time."


@pytest.fixture
def questionnaire(db):
    return Questionnaire.objects.get(name="Exit interview", version=1)


def answers(questionnaire) -> dict[int, str]:
    first, second, fair, *_rest = questionnaire.questions.all()
    return {first.pk: SECRET, second.pk: "Partly.", fair.pk: "2"}


def record(case, persona, questionnaire, **kwargs):
    return actions.record_exit_interview(
        case,
        actor=persona("hrbp"),
        questionnaire=questionnaire,
        held_on=DEMO_TODAY,
        answers=kwargs.pop("answers", answers(questionnaire)),
        **kwargs,
    )


def test_hr_records_the_answers_and_the_record_keeps_only_their_hash(
    checklist, persona, questionnaire, events
):
    interview = record(checklist.case, persona, questionnaire)
    assert [a.answer for a in interview.answers.all()] == [SECRET, "Partly.", "2"]
    (data,) = events.of("offboarding.exit_interview_recorded")
    assert SECRET not in str(data) and data["answered"] == 3
    kept = {str(q.pk): answers(questionnaire).get(q.pk, "") for q in questionnaire.questions.all()}
    expected = hashlib.sha256(dumps_bytes({"questionnaire": questionnaire.pk, "answers": kept})).hexdigest()
    assert data["answers_sha256"] == interview.answers_sha256 == expected


def test_it_settles_the_checklist_task(checklist, persona, questionnaire):
    record(checklist.case, persona, questionnaire)
    assert task(checklist, "exit_interview").status == TaskStatus.DONE


@pytest.mark.parametrize(
    ("username", "reads"),
    [("hrbp", True), ("hr.admin", True), ("manager", False), ("legal", False), ("auditor", False),
     ("employee", False), ("other.manager", False)],
)  # fmt: skip
def test_only_hr_reads_the_answers(offboarding, persona, username, reads):
    assert policy.can_read_exit_interview(persona(username), offboarding) is reads


def test_the_line_manager_cannot_record_one(offboarding, persona, questionnaire):
    with pytest.raises(PermissionDenied):
        actions.record_exit_interview(
            offboarding, actor=persona("manager"), questionnaire=questionnaire, held_on=DEMO_TODAY, answers={}
        )


def test_the_answers_are_not_on_the_case_page_for_the_manager(checklist, persona, questionnaire, client_as):
    record(checklist.case, persona, questionnaire)
    for url in (f"/cases/{checklist.case.public_id}/", f"/offboarding/{checklist.case.public_id}/"):
        page = client_as("manager").get(url)
        assert page.status_code == 200 and SECRET not in page.content.decode()
    interview_page = client_as("manager").get(f"/offboarding/{checklist.case.public_id}/exit-interview/")
    assert interview_page.status_code == 404
    hr_page = client_as("hrbp").get(f"/offboarding/{checklist.case.public_id}/exit-interview/")
    assert SECRET in hr_page.content.decode()


def test_a_declined_interview_keeps_no_answers(offboarding, persona, questionnaire):
    interview = record(offboarding, persona, questionnaire, answers={}, declined=True)
    assert interview.declined and not interview.answers.exists()
    with pytest.raises(ValidationError) as refused:
        record(offboarding, persona, questionnaire)
    assert "case" in refused.value.message_dict, "one exit interview per case"


def test_bad_answers_are_named(offboarding, persona, questionnaire):
    fair = questionnaire.questions.get(kind="scale")
    with pytest.raises(ValidationError) as refused:
        record(offboarding, persona, questionnaire, answers={fair.pk: "7"})
    assert f"question_{fair.pk}" in refused.value.message_dict
    with pytest.raises(ValidationError) as empty:
        record(offboarding, persona, questionnaire, answers={})
    assert "answers" in empty.value.message_dict
