"""flush empties the record with everything else (and so tests that commit can clean up), but only
by lifting the guard inside its own transaction: the triggers are back the moment it ends."""

import pytest
from django.core.management import call_command

from dueprocess.records import guard
from dueprocess.records.events import record_event
from dueprocess.records.models import Event, ReadLog
from dueprocess.records.readlog import log_read


def test_flush_empties_the_record_and_leaves_the_guard_in_place(transactional_db, actor):
    record_event(actor, "plan.started", actor=actor, data={})
    log_read(actor, actor, "wage_history")
    call_command("flush", interactive=False, verbosity=0)
    assert not Event.objects.exists() and not ReadLog.objects.exists()
    assert guard.installed()


def test_a_test_that_commits_events_is_cleaned_up_after(transactional_db, actor):
    # pytest-django flushes after this test; a refused DELETE or TRUNCATE would fail its teardown.
    record_event(actor, "plan.started", actor=actor, data={})
    assert Event.objects.count() == 1


@pytest.mark.django_db
def test_flush_answered_no_changes_nothing(actor, monkeypatch):
    record_event(actor, "plan.started", actor=actor, data={})
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    call_command("flush", verbosity=0)
    assert Event.objects.count() == 1 and guard.installed()
