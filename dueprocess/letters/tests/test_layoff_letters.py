"""A layoff's letters are written as background work (the Django Tasks API), counted as they go, and
listed with the reason when one cannot be written; `render_letters --layoff` does the same at the
command line with a progress bar."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dueprocess.cases import actions as cases
from dueprocess.letters import actions
from dueprocess.letters.models import Letter
from dueprocess.letters.tests.conftest import DEMO_TODAY, day

PEOPLE = ["XQ0009", "XQ0011", "XQ0013"]


@pytest.fixture
def layoff(demo_org, persona):
    admin = persona("hr.admin")
    layoff = cases.create_layoff(
        actor=admin,
        name="Beijing platform team",
        reason="The platform product is discontinued.",
        employees=[demo_org[n] for n in PEOPLE],
        headcount=25,
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
    return cases.serve_layoff_notices(layoff, actor=admin)


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_the_background_work_writes_one_letter_per_person(
    layoff, persona, events, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        batch = actions.start_layoff_letters(
            layoff, actor=persona("hr.admin"), kind="termination_notice", language="zh-hans"
        )
    batch.refresh_from_db()
    assert (batch.status, batch.done, batch.failed, batch.total) == ("finished", 3, 0, 3)
    letters = Letter.objects.filter(batch=batch)
    assert sorted(letter.employee.number for letter in letters) == PEOPLE
    assert {e.chain.subject_key for e in events.rows() if e.type == "letters.issued"} == {
        f"case:{letter.case.public_id}" for letter in letters
    }
    assert events.types()[-1] == "letters.batch_finished"


def test_a_letter_that_cannot_be_written_is_listed_and_the_rest_go_out(layoff, persona):
    batch = actions.create_batch(layoff, actor=persona("hr.admin"), kind="hearing_invitation", language="en")
    batch = actions.run_batch(batch)
    assert (batch.done, batch.failed) == (0, 3)
    assert {problem["employee"] for problem in batch.errors} == set(PEOPLE)
    assert "hearing" in batch.errors[0]["error"]


def test_running_a_batch_again_writes_only_what_is_missing(layoff, persona):
    batch = actions.create_batch(layoff, actor=persona("hr.admin"), kind="termination_notice", language="en")
    seen = []
    actions.run_batch(batch, progress=lambda b: seen.append(b.done))
    assert seen == [1, 2, 3]
    actions.run_batch(batch)
    assert Letter.objects.filter(batch=batch).count() == 3


def test_only_the_hr_administrator_starts_a_layoffs_letters(layoff, persona):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.start_layoff_letters(layoff, actor=persona("hrbp"), kind="termination_notice", language="en")


def test_the_command_line_shows_progress_and_the_total(layoff):
    out = io.StringIO()
    call_command("render_letters", "--layoff", str(layoff.public_id), "--language", "en", stdout=out)
    assert "[##########....................] 1/3" in out.getvalue()
    assert "3 of 3 letters written, 0 failed." in out.getvalue()
    assert Letter.objects.filter(kind="termination_notice", issued_by=None).count() == 3


def test_the_command_line_says_which_letters_failed(layoff):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "render_letters",
            "--layoff",
            str(layoff.public_id),
            "--kind",
            "hearing_invitation",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert all(number in err.getvalue() for number in PEOPLE)
