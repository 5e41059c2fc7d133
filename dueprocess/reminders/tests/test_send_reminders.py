"""The runner itself: failed sends are retried once the thing is still due, the command line, and the
background task."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published
from dueprocess.reminders import due
from dueprocess.reminders import mail as reminder_mail
from dueprocess.reminders.models import Reminder
from dueprocess.reminders.sending import send_reminders
from dueprocess.reminders.tests.conftest import day, noon


@pytest.fixture
def scheduled(persona, zhang, django_capture_on_commit_callbacks):
    plan = published(persona("manager"), zhang, ends_on=day(30))
    with django_capture_on_commit_callbacks(execute=True):
        scheduled = actions.schedule_check_in(
            plan, actor=persona("manager"), scheduled_at=noon(1, 10), place="Room 4"
        )
    mail.outbox.clear()
    return scheduled


@pytest.fixture
def mail_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr(reminder_mail, "send", refuse)
    return monkeypatch


def test_a_failed_send_is_retried_by_a_later_run_and_only_once(scheduled, run, mail_down):
    assert run(0)[1] == []
    assert {r.last_error for r in Reminder.objects.all()} == {"SMTP server down"}
    mail_down.undo()
    assert run(0)[1] == []  # too soon: the first runner may still be sending
    summary, sent = run(0, later=dt.timedelta(minutes=11))
    assert summary.retried == 2 and len(sent) == 2
    assert all(r.sent_at and not r.last_error for r in Reminder.objects.all())
    assert run(0, later=dt.timedelta(minutes=30))[1] == []


def test_a_failed_send_is_dropped_once_the_thing_is_no_longer_due(scheduled, run, mail_down, persona):
    run(0)
    mail_down.undo()
    actions.cancel_check_in(scheduled, actor=persona("manager"), reason="Moved off the plan.")
    summary, sent = run(0, later=dt.timedelta(minutes=11))
    assert summary.retried == 0 and sent == []
    assert {r.last_error for r in Reminder.objects.all()} == {"no longer due"}


def test_the_command_lists_what_it_sent(scheduled, capsys, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--date", "2026-11-24")
    out = capsys.readouterr().out
    assert "2026-11-25  reminder    check-in  plans.scheduledcheckin:" in out
    assert "→ manager" in out and "sent 2 reminders and 0 escalations" in out
    assert len(mail.outbox) == 2


def test_a_dry_run_sends_and_keeps_nothing(scheduled, capsys):
    call_command("send_reminders", "--date", "2026-11-28", "--dry-run")
    out = capsys.readouterr().out
    assert "escalation" in out and "→ hrbp" in out and "would send 0 reminders and 1 escalations" in out
    assert not Reminder.objects.exists() and mail.outbox == []


def test_the_command_names_a_bad_date():
    with pytest.raises(CommandError, match="--date"):
        call_command("send_reminders", "--date", "24/11/2026")


def test_running_on_a_day_with_nothing_due_sends_nothing(db):
    summary = send_reminders(dt.date(2026, 11, 24))
    assert summary.sent == [] and summary.retried == 0


def broken_finder(today):
    raise RuntimeError("a bug in another app's finder")


def test_a_failing_finder_keeps_nobody_elses_reminders_back(scheduled, monkeypatch, capsys):
    monkeypatch.setattr(due, "FINDERS", [broken_finder, *due.FINDERS])
    with pytest.raises(CommandError, match="broken_finder"):
        call_command("send_reminders", "--date", "2026-11-24")
    assert "sent 2 reminders" in capsys.readouterr().out
    assert Reminder.objects.count() == 2
