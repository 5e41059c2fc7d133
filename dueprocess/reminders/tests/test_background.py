"""Background work in the embedded server: the database task backend runs the reminders task, and
``dueprocess serve`` runs a worker and a clock in threads of its own."""

import time

import pytest
from django.core import mail
from django.db import connection
from django_tasks_db.models import DBTaskResult

from dueprocess.plans import actions
from dueprocess.plans.tests.factories import published
from dueprocess.reminders import embedded
from dueprocess.reminders.models import Reminder
from dueprocess.reminders.tasks import run_reminders
from dueprocess.reminders.tests.conftest import day, noon

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def check_in_tomorrow(demo_org, persona, zhang):
    plan = published(persona("manager"), zhang, ends_on=day(30))
    actions.schedule_check_in(plan, actor=persona("manager"), scheduled_at=noon(1, 10), place="Room 4")
    mail.outbox.clear()


def test_the_embedded_server_uses_the_database_backend():
    assert embedded.is_embedded()


def test_the_clock_enqueues_one_run_at_a_time():
    assert embedded.enqueue_if_idle() is True
    assert embedded.enqueue_if_idle() is False
    assert DBTaskResult.objects.ready().count() == 1


def test_a_worker_runs_the_enqueued_reminders_and_mails_after_commit(check_in_tomorrow):
    run_reminders.enqueue()
    worker = embedded.make_worker()
    worker.batch = True
    worker.run()
    (result,) = DBTaskResult.objects.all()
    assert result.status == "SUCCESSFUL", result.exception_class_path
    assert result.return_value == {
        "day": "2026-11-24",
        "reminders": 2,
        "escalations": 0,
        "retried": 0,
        "failed": [],
    }
    assert len(mail.outbox) == 2 and Reminder.objects.filter(sent_at__isnull=False).count() == 2


def test_the_task_takes_a_day(check_in_tomorrow):
    assert run_reminders.call("2026-11-28")["escalations"] == 1


def test_serve_runs_the_worker_and_the_clock_in_threads_until_stopped(check_in_tomorrow):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("an in-memory SQLite test database locks whole tables across threads; a file does not")
    background = embedded.Background(every_minutes=60).start()
    try:
        deadline = time.monotonic() + 30
        while len(mail.outbox) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        background.stop()
    assert len(mail.outbox) == 2
    assert not any(thread.is_alive() for thread in background.threads)
