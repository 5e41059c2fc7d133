"""Two runners at the same moment — two workers, or the embedded clock and a cron job — send each
reminder exactly once. The guarantee is the database's unique constraint, so the runners here skip
the "already sent?" look-up and go straight to the insert, where they collide."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection, connections

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published
from dueprocess.records.models import Event
from dueprocess.reminders import sending
from dueprocess.reminders.models import Reminder
from dueprocess.reminders.tests.conftest import day, noon, notice_served_today

RUNNERS = 2


def run_at_once(today) -> list[BaseException]:
    start, errors = threading.Barrier(RUNNERS), []

    def work() -> None:
        try:
            start.wait()
            sending.send_reminders(today)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(RUNNERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite takes the write lock for every transaction (IMMEDIATE), so runners cannot race "
    "there; run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/test",
)
@pytest.mark.django_db(transaction=True)
def test_two_runners_at_once_send_each_reminder_and_escalation_exactly_once(demo_org, persona, monkeypatch):
    notice_served_today(demo_org["XQ0007"], persona("hrbp"))
    plan = published(persona("manager"), demo_org["XQ0008"], ends_on=day(2))
    actions.schedule_check_in(plan, actor=persona("manager"), scheduled_at=noon(1, 10), place="Room 4")
    monkeypatch.setattr(sending, "_exists", lambda due, level, user: False)
    mail.outbox.clear()

    for today in (day(0), day(0), day(1), day(5), day(5)):
        assert run_at_once(today) == []

    sent = Counter((tuple(m.to), m.subject) for m in mail.outbox)
    assert sent and max(sent.values()) == 1
    reminders = Reminder.objects.all()
    assert len(mail.outbox) == reminders.count() == reminders.filter(sent_at__isnull=False).count()
    assert {r.level for r in reminders} == {0, 1}
    recorded = Event.objects.filter(type__in=["reminders.sent", "reminders.escalated"])
    assert sum(len(e.data["to"]) for e in recorded) == reminders.count()
